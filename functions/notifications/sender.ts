import type { Deps } from '../platform/context';
import { TransactionCancelled } from '../platform/db';
import { keys, outboxShards } from '../platform/keys';
import { WechatApiError } from '../platform/wechat';
import type { TemplateKey } from '../../shared/notifications/schemas';

/** After this many failed tries a message is given up (the inbox item stays). */
export const MAX_ATTEMPTS = 8;
/** subscribeMessage.send's errcode when the user has not (or no longer) granted the template */
const USER_REFUSED = 43101;

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
};

/**
 * Drains the outbox: for each record, spend one of the user's one-time grants for the template (a conditional
 * decrement, marked on the record in the same transaction), send the subscribe message, and delete the record.
 * No grant: the inbox item is all they get. A failed send keeps the record and tries again later with backoff.
 */
export async function drainOutbox(deps: Deps, limitPerShard = 50): Promise<{ sent: number; inboxOnly: number; failed: number }> {
  const now = deps.clock.now();
  const result = { sent: 0, inboxOnly: 0, failed: 0 };
  for (let shard = 0; shard < outboxShards; shard++) {
    const { items } = await deps.db.query<OutboxRecord>({ pk: `OUTBOX#${shard}`, limit: limitPerShard });
    for (const rec of items) {
      if (rec.nextAttemptAt > now.toISOString()) continue;
      const outcome = await deliver(deps, rec, now);
      result[outcome]++;
    }
  }
  if (result.sent || result.failed || result.inboxOnly) deps.log.info('drainOutbox', result);
  return result;
}

async function deliver(deps: Deps, rec: OutboxRecord, now: Date): Promise<'sent' | 'inboxOnly' | 'failed'> {
  const key = { pk: rec.pk, sk: rec.sk };
  if (!rec.grantTaken) {
    try {
      await deps.db.transact([
        { update: keys.subscribeGrant(rec.userId, rec.template), spec: { add: { count: -1 }, if: { expr: '#count > :zero', values: { ':zero': 0 } } } },
        { update: key, spec: { set: { grantTaken: true }, if: { expr: '#grantTaken = :f', values: { ':f': false } } } },
      ]);
    } catch (e) {
      if (!(e instanceof TransactionCancelled)) throw e;
      if (e.failedAt(0)) {
        await deps.db.transact([{ delete: key }]);
        return 'inboxOnly';
      }
      return 'failed'; // another sender has it
    }
  }
  const user = await deps.db.get<{ openid: string }>(keys.user(rec.userId));
  const templateId = deps.config.templates[rec.template];
  if (!user || !templateId) {
    await deps.db.transact([{ delete: key }]);
    return 'inboxOnly';
  }
  try {
    await deps.wechat.sendSubscribeMessage({
      touser: user.openid,
      template_id: templateId,
      page: rec.page,
      data: Object.fromEntries(Object.entries(rec.data).map(([k, v]) => [k, { value: v }])),
      miniprogram_state: deps.config.env === 'local' ? 'developer' : 'formal',
    });
  } catch (e) {
    if (e instanceof WechatApiError && e.errcode === USER_REFUSED) {
      // the user has no grant left on WeChat's side (turned the template off, or our count was wrong): stop counting
      // one, and do not retry a send that cannot go
      await deps.db.transact([{ delete: key }, { update: keys.subscribeGrant(rec.userId, rec.template), spec: { set: { count: 0, updatedAt: now.toISOString() } } }]);
      return 'inboxOnly';
    }
    const attempts = rec.attempts + 1;
    deps.log.warn('subscribe send failed', { outboxId: rec.id, attempts, error: e instanceof Error ? e.message.slice(0, 120) : 'unknown' });
    if (attempts >= MAX_ATTEMPTS) {
      await deps.db.transact([{ delete: key }]);
    } else {
      const backoffMs = Math.min(3600_000, 2 ** attempts * 15_000);
      await deps.db.update(key, { set: { attempts, nextAttemptAt: new Date(now.getTime() + backoffMs).toISOString() } });
    }
    return 'failed';
  }
  await deps.db.transact([{ delete: key }]);
  return 'sent';
}
