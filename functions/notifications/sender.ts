import type { Deps } from '../platform/context';
import { TransactionCancelled, type Expr, type Key, type TxWrite } from '../platform/db';
import { BusyError } from '../platform/errors';
import { keys, outboxShards } from '../platform/keys';
import { countDeadLetters } from '../platform/metrics';
import { WechatApiError } from '../platform/wechat';
import { deadLetterWrite, eachAtMost, errorText } from '../platform/work';
import type { TemplateKey } from '../../shared/notifications/schemas';

/** After this many failed tries a message is given up as a dead letter (the inbox item stays). */
export const MAX_ATTEMPTS = 8;
/** subscribeMessage.send's errcode when the user has not (or no longer) granted the template */
const USER_REFUSED = 43101;
/** errcodes no retry can mend (bad openid, bad template, bad body): a dead letter at once */
const PERMANENT = new Set([40003, 40037, 47003]);
/** sends in flight at once: WeChat's API answers in ~100 ms, so 10 lanes send a few thousand a minute at most */
export const SEND_CONCURRENCY = 10;
/** at most this many sends per run (one run a minute): stays well within subscribeMessage.send's frequency limit */
export const SENDS_PER_RUN = 3000;
/** the function's timeout is 55 s: take no new record after this much wall time */
export const RUN_BUDGET_MS = 40_000;
/** a claimed record is due again after this long if its sender died (longer than any run) */
const CLAIM_MS = 2 * 60_000;

type OutboxRecord = {
  pk: string;
  sk: string;
  id: string;
  userId: string;
  template: TemplateKey;
  page?: string;
  data: Record<string, string>;
  attempts: number;
  nextAttemptAt: string;
  grantTaken: boolean;
  createdAt?: string;
};

export interface DrainResult {
  sent: number;
  inboxOnly: number;
  failed: number;
  deadLettered: number;
}

/**
 * Drains the outbox, by due time (gsi1: a record backing off is not due, so it is never in the way of a newer one),
 * page after page until nothing is due, SENDS_PER_RUN or the time budget. Each record is claimed first with a
 * conditional update (its due time moves past the run, so two drains never send one twice), then: spend one of the
 * user's one-time grants for the template (a conditional decrement, in the claim's transaction), send the subscribe
 * message, delete the record. No grant: the inbox item is all they get. A failed send is due again later with backoff;
 * after MAX_ATTEMPTS it becomes a dead letter. SEND_CONCURRENCY sends are in flight at once.
 */
export async function drainOutbox(deps: Deps, opts: { budgetMs?: number; maxSends?: number } = {}): Promise<DrainResult> {
  const until = Date.now() + (opts.budgetMs ?? RUN_BUDGET_MS);
  const maxSends = opts.maxSends ?? SENDS_PER_RUN;
  const now = deps.clock.now();
  const dueBy = `${now.toISOString()}~`;
  const result: DrainResult = { sent: 0, inboxOnly: 0, failed: 0, deadLettered: 0 };
  let taken = 0;
  const more = () => taken < maxSends && Date.now() < until;
  // a person's openid is read once a run, however many messages they have
  const openids = new Map<string, Promise<string | undefined>>();
  const openidOf = (userId: string) => {
    if (!openids.has(userId)) openids.set(userId, deps.db.get<{ openid: string }>(keys.user(userId)).then((u) => u?.openid));
    return openids.get(userId)!;
  };
  const cursors = new Map<number, string | undefined>(Array.from({ length: outboxShards }, (_, s) => [s, undefined]));
  while (cursors.size && more()) {
    // one page of each shard still holding due records, oldest due first
    const pages = await Promise.all(
      [...cursors].map(async ([shard, cursor]) => {
        const page = await deps.db.query<OutboxRecord>({ index: 'gsi1', pk: keys.outboxDue(shard, '', '').gsi1pk, between: ['0', dueBy], limit: 100, cursor });
        if (page.cursor) cursors.set(shard, page.cursor);
        else cursors.delete(shard);
        return page.items;
      }),
    );
    const due = pages.flat().sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
    // one person's messages one after another: they spend the same grant count, which two at once would contend for
    const byUser = new Map<string, OutboxRecord[]>();
    for (const rec of due) byUser.set(rec.userId, [...(byUser.get(rec.userId) ?? []), rec]);
    await eachAtMost(
      [...byUser.values()],
      SEND_CONCURRENCY,
      async (records) => {
        for (const rec of records) {
          if (!more()) return;
          taken++;
          const outcome = await deliver(deps, rec, now, openidOf);
          if (outcome !== 'skipped') result[outcome]++;
        }
      },
      more,
    );
  }
  if (result.sent || result.failed || result.inboxOnly || result.deadLettered) deps.log.info('drainOutbox', { ...result });
  countDeadLetters(result.deadLettered); // the DeadLettersAlarm watches it
  return result;
}

type Outcome = keyof DrainResult | 'skipped';
const CLAIM = 'claim';
const GRANT = 'grant';

async function deliver(deps: Deps, seen: OutboxRecord, now: Date, openidOf: (userId: string) => Promise<string | undefined>): Promise<Outcome> {
  const key = { pk: seen.pk, sk: seen.sk };
  const claim = `${now.getTime()}-${Math.random().toString(36).slice(2, 10)}`;
  const claimedUntil = new Date(now.getTime() + CLAIM_MS).toISOString();
  const shard = Number(seen.pk.slice('OUTBOX#'.length));
  // the index is eventually consistent: the claim holds only on the due time read there, so of two drains one wins
  const claimWrite: TxWrite = {
    tag: CLAIM,
    update: key,
    spec: {
      set: { claim, grantTaken: true, nextAttemptAt: claimedUntil, ...keys.outboxDue(shard, claimedUntil, seen.id) },
      if: { expr: `#nextAttemptAt = :seen${seen.grantTaken ? '' : ' AND #grantTaken = :f'}`, values: { ':seen': seen.nextAttemptAt, ...(seen.grantTaken ? {} : { ':f': false }) } },
    },
  };
  const mine = { expr: '#claim = :c', values: { ':c': claim } };
  try {
    if (seen.grantTaken) await deps.db.transact([claimWrite]);
    else await deps.db.transact([claimWrite, { tag: GRANT, update: keys.subscribeGrant(seen.userId, seen.template), spec: { add: { count: -1 }, if: { expr: '#count > :zero', values: { ':zero': 0 } } } }]);
  } catch (e) {
    if (e instanceof BusyError) return 'skipped'; // contention: it stays due for the next run
    if (!(e instanceof TransactionCancelled)) throw e;
    if (e.failed(CLAIM) || !e.failed(GRANT)) return 'skipped'; // another drain has it, or it is gone
    // no grant left: the inbox item is all (unless another drain claimed it meanwhile)
    return (await dropIf(deps, key, { expr: '#nextAttemptAt = :seen', values: { ':seen': seen.nextAttemptAt } })) ? 'inboxOnly' : 'skipped';
  }
  const rec = { ...seen, grantTaken: true };
  const openid = await openidOf(rec.userId);
  const templateId = deps.config.templates[rec.template];
  if (!openid || !templateId) {
    await dropIf(deps, key, mine);
    return 'inboxOnly';
  }
  try {
    await deps.wechat.sendSubscribeMessage({
      touser: openid,
      template_id: templateId,
      page: rec.page,
      data: Object.fromEntries(Object.entries(rec.data).map(([k, v]) => [k, { value: v }])),
      miniprogram_state: deps.config.env === 'local' ? 'developer' : 'formal',
    });
  } catch (e) {
    if (e instanceof WechatApiError && e.errcode === USER_REFUSED) {
      // the user has no grant left on WeChat's side (turned the template off, or our count was wrong): stop counting
      // one, and do not retry a send that cannot go
      await deps.db.transact([{ delete: key, if: mine }, { update: keys.subscribeGrant(rec.userId, rec.template), spec: { set: { count: 0, updatedAt: now.toISOString() } } }]).catch(ignoreCancelled);
      return 'inboxOnly';
    }
    const attempts = rec.attempts + 1;
    const error = errorText(e);
    deps.log.warn('subscribe send failed', { outboxId: rec.id, attempts, error: error.slice(0, 120) });
    if (attempts >= MAX_ATTEMPTS || (e instanceof WechatApiError && PERMANENT.has(e.errcode))) {
      const { pk, sk, ...record } = rec;
      void pk, sk;
      await deps.db
        .transact([
          { delete: key, if: mine },
          deadLetterWrite(deps, { id: rec.id, source: 'outbox', ref: rec.template, attempts, lastError: error, firstAt: rec.createdAt ?? rec.sk.split('#')[0]!, record: { ...record, attempts } }),
        ])
        .catch(ignoreCancelled);
      return 'deadLettered';
    }
    const backoffMs = Math.min(3600_000, 2 ** attempts * 15_000);
    const dueAt = new Date(now.getTime() + backoffMs).toISOString();
    await deps.db.transact([{ update: key, spec: { set: { attempts, lastError: error, nextAttemptAt: dueAt, ...keys.outboxDue(shard, dueAt, rec.id) }, if: mine } }]).catch(ignoreCancelled);
    return 'failed';
  }
  await dropIf(deps, key, mine);
  return 'sent';
}

/** Deletes the record where the condition holds; false where it did not (another drain has it). */
async function dropIf(deps: Deps, key: Key, cond: Expr): Promise<boolean> {
  try {
    await deps.db.transact([{ delete: key, if: cond }]);
    return true;
  } catch (e) {
    ignoreCancelled(e);
    return false;
  }
}

/** The claim lost (another drain has the record) or a busy table: the record is as the other drain or the next run leaves it. */
function ignoreCancelled(e: unknown): void {
  if (!(e instanceof TransactionCancelled || e instanceof BusyError)) throw e;
}
