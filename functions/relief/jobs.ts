import { bornInAnyOf, screen } from '../../shared/relief/screening';
import type { ReliefType } from '../../shared/relief/schemas';
import { chinaMonth } from '../../shared/platform/chinaTime';
import { z } from 'zod';
import { IsoDateTime } from '../../shared/http';
import { chinaDay } from '../../shared/platform/chinaTime';
import { reliefNotices } from '../../shared/relief/notices';
import { loadDeps, makeCtx, type Deps } from '../platform/context';
import { ConditionFailed, TransactionCancelled } from '../platform/db';
import { ValidationError } from '../platform/errors';
import { notificationWrites } from '../platform/notify';
import { applicationData, applicationLink, staffOf } from './commands/common';
import { vaultFromEnv } from '../platform/crypto';
import { keys } from '../platform/keys';
import { listUnits } from '../platform/units';
import * as store from './store';
import { reliefCapability } from './capability';
import { job } from '../platform/job';
import { drainWork as drainQueue } from '../platform/work';
import { RELIEF_QUEUE, reliefWork } from './work';

/**
 * 滚动筛选, monthly (scheduled on the 1st): every household of every community's registry gets this month's flags
 * (annual dibao review, an age crossing the senior-allowance threshold, a benefit expiring, a visit due). Idempotent per
 * month: each entry is updated only where its `screenedMonth` is not this month, and the community's run marker is
 * written once; a re-run (or a run that stopped half-way and is started again) flags nobody twice.
 */
export const screenRegistry = job(reliefCapability.functions.screenRegistry!, async function screenRegistry(deps: Deps, now: Date = deps.clock.now()): Promise<{ communities: number; screened: number; flagged: number }> {
  const month = chinaMonth(now);
  let screened = 0;
  let flagged = 0;
  const communities = (await listUnits(deps.db)).filter((u) => u.kind === 'community');
  for (const c of communities) {
    const rules = await store.getRules(deps.db, c.path[0]!);
    let cursor: string | undefined;
    do {
      const page = await store.listRegistry(deps.db, c.id, { cursor, limit: 100 });
      for (const e of page.items) {
        if (e.screenedMonth === month) continue;
        const benefits = Object.entries(e)
          .filter(([k, v]) => k.startsWith('benefit_') && v)
          .map(([k, v]) => ({ type: k.slice(8) as ReliefType, ...(v as { since: string; until?: string }) }));
        const flags = screen({ tags: e.tags, benefits, bornIn: bornInOf(e), lastVisitAt: e.lastVisitAt, createdAt: e.createdAt }, month, rules);
        try {
          await deps.db.update(keys.registryEntry(c.id, e.householdId), {
            set: { flags, screenedMonth: month },
            if: { expr: 'attribute_not_exists(#screenedMonth) OR #screenedMonth <> :m', values: { ':m': month } },
          });
          screened++;
          if (flags.length) flagged++;
        } catch (err) {
          if (!(err instanceof ConditionFailed)) throw err;
        }
      }
      cursor = page.cursor;
    } while (cursor);
    try {
      await deps.db.put({ ...keys.screeningRun(c.id, month), entity: 'screeningRun', month, at: now.toISOString() }, { expr: 'attribute_not_exists(#pk)' });
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
    }
  }
  deps.log.info('screenRegistry', { month, communities: communities.length, screened, flagged });
  return { communities: communities.length, screened, flagged };
});

/** Whether a member of an entry was born in a month: by the keyed hashes since issue 11 item 1, by the dates before. */
function bornInOf(e: store.RegistryRecord): (yearMonth: string) => boolean {
  if (!e.birthMonthHashes) return bornInAnyOf(e.birthDates ?? []);
  const hashes = new Set(e.birthMonthHashes);
  const v = vaultFromEnv();
  return (yearMonth) => hashes.has(store.birthMonthHash((purpose, value) => v.hash(purpose, value), e.householdId, yearMonth));
}

export const screenRegistryHandler = async () => screenRegistry(await loadDeps());

/** escalateOverdueReviews's payload: the instant to judge at (a re-run of a missed hour) and the page size; nothing else. */
export const EscalationPayload = z.object({ now: IsoDateTime.optional(), pageSize: z.number().int().min(1).max(100).optional() }).strict();
const TELL_IN_TX = 22;

/**
 * 审批超期: every review queue (each community's, each sub-district's) read a page at a time, only the applications whose
 * level's deadline has passed (`dueAt`, written with the application from its rule version). Each is marked overdue
 * once: `RAPP#<id> / OVERDUE#<level>#<waitingSince>` put where absent, and, when the community's review is late, the
 * sub-district's officers are told (the next level up; inbox and subscribe message, text `overdueReview`) in the same
 * transaction. A re-run (or a run after one that stopped half-way) adds nothing for one already marked; an application
 * sent back and submitted again waits anew and may be marked again when late again.
 */
export const escalateOverdueReviews = job(reliefCapability.functions.escalateOverdueReviews!, async function escalateOverdueReviews(deps: Deps, payload: unknown = {}): Promise<{ queues: number; overdue: number; marked: number; told: number }> {
  const parsed = EscalationPayload.safeParse(payload ?? {});
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const now = parsed.data.now ?? deps.clock.now().toISOString();
  const ctx = makeCtx(deps, `job-relief-overdue-${now}`);
  const run = { queues: 0, overdue: 0, marked: 0, told: 0 };
  const officers = new Map<string, string[]>();
  const units = (await listUnits(deps.db)).filter((u) => u.kind === 'community' || u.kind === 'subdistrict');
  for (const unit of units) {
    const level = unit.kind === 'community' ? 'community' : 'subdistrict';
    const sd = unit.path[0]!;
    run.queues++;
    let cursor: string | undefined;
    do {
      const page = await deps.db.query<Record<string, unknown>>({
        index: 'gsi1',
        pk: keys.reliefQueue(level, unit.id, '', '').gsi1pk,
        filter: { expr: '#dueAt <= :now', values: { ':now': now } },
        limit: parsed.data.pageSize ?? 100,
        cursor,
        ascending: true,
      });
      for (const r of page.items.map((i) => store.strip<store.ApplicationRecord & { dueAt: string }>(i))) {
        run.overdue++;
        if (level === 'community' && !officers.has(sd)) officers.set(sd, await staffOf(deps.db, sd, 'subdistrictOfficer'));
        const tell = level === 'community' ? officers.get(sd)!.filter((u) => u !== r.ownerId && u !== r.filedById).slice(0, TELL_IN_TX) : [];
        const text = reliefNotices.overdueReview(r.type, r.ownerName, chinaDay(new Date(Date.parse(r.dueAt) - 1)));
        const marker = { pk: keys.reliefApplication(r.id).pk, sk: `OVERDUE#${level}#${r.waitingSince}` };
        try {
          await deps.db.transact([
            { put: { ...marker, entity: 'reliefOverdue', applicationId: r.id, level, dueAt: r.dueAt, markedAt: now, told: tell.length }, if: { expr: 'attribute_not_exists(#pk)' }, tag: 'marker' },
            ...tell.flatMap((userId) =>
              notificationWrites(ctx, { userId, template: 'reliefReview', text, link: applicationLink(r.id), data: applicationData(ctx, r, '审核超期') }),
            ),
          ]);
          run.marked++;
          run.told += tell.length;
        } catch (err) {
          if (!(err instanceof TransactionCancelled) || !err.failed('marker')) throw err;
        }
      }
      cursor = page.cursor;
    } while (cursor);
  }
  deps.log.info('escalateOverdueReviews', run);
  return run;
});
export const escalateOverdueReviewsHandler = async () => escalateOverdueReviews(await loadDeps());

/** Relief's work items (payments imports in chunks, the rest of a decision's notifications), every minute. */
export const drainReliefWork = job(reliefCapability.functions.drainReliefWork!, (deps: Deps, opts?: { budgetMs?: number }) => drainQueue(deps, RELIEF_QUEUE, reliefWork, opts));
export const drainReliefWorkHandler = async () => drainReliefWork(await loadDeps());
