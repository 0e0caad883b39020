import { text } from '../../shared/notifications/texts';
import { activeStates, ratingStates, type FiveListState } from '../../shared/fiveLists/machine';
import { loadDeps, makeCtx, type Ctx, type Deps } from '../platform/context';
import { TransactionCancelled } from '../platform/db';
import type { FiveListRecord } from './intake';
import { keys } from '../platform/keys';
import { drainWork as drainQueue, tellWrite } from '../platform/work';
import { FIVE_LISTS_QUEUE, fiveListsWork } from './work';
import { listUnits } from '../platform/units';
import { aboutMatter, advance, stateWords, TRANSITION, transitionWrites } from './commands/common';
import * as store from './store';
import { fiveListsCapability } from './capability';
import { job } from '../platform/job';

/** Steps the sub-district must act on escalate to its admins (the leadership); steps a unit must act on, to its officers. */
const subdistrictSteps: readonly FiveListState[] = ['collected', 'returned', 'dispatched'];
/** the tag of a step's escalation record: written once per step and deadline */
const ESCALATED = 'escalation';

/**
 * Runs hourly. For each matter past its step's deadline, the next level up is told, once per matter and step: a marker
 * item (matter, step, deadline) is written only where absent, in the same transaction as the notifications, so a re-run
 * tells nobody twice, and a matter that comes back to a step (reopened) escalates again with its new deadline.
 * Matters whose rating window has passed are closed; an unrated one stays unrated.
 */
export const escalateOverdue = job(fiveListsCapability.functions.escalateOverdue!, async function escalateOverdue(deps: Deps, now: Date = deps.clock.now()): Promise<{ escalated: number; closed: number }> {
  const ctx = makeCtx(deps, `job-escalate-${now.toISOString()}`);
  const at = now.toISOString();
  let escalated = 0;
  let closed = 0;
  const subdistricts = (await listUnits(deps.db)).filter((u) => u.kind === 'subdistrict');
  for (const sd of subdistricts) {
    let recipients: { officers: string[]; admins: string[] } | undefined;
    for (const state of activeStates) {
      for (const m of await allOverdue(ctx, sd.id, state, at)) {
        recipients ??= { officers: await store.holdersOf(deps.db, sd.id, 'subdistrictOfficer'), admins: await store.holdersOf(deps.db, sd.id, 'admin') };
        const to = subdistrictSteps.includes(state) ? recipients.admins : recipients.officers;
        const notes = aboutMatter(
          ctx,
          m,
          to,
          'fiveListsOverdue',
          text('fiveLists.overdue', { matter: m.text.slice(0, 18), unit: m.unitName || undefined, step: state, deadline: m.deadlineAt!.slice(0, 10) }),
        );
        try {
          // the marker and ONE work item that tells everyone (however many officers: 30 notifications were 121 items,
          // over a transaction's 100), atomically: the marker is never there without its notifications to come
          await deps.db.transact([
            {
              put: { ...keys.fiveListEscalation(m.id, state, m.deadlineAt!), entity: 'fiveListEscalation', step: state, deadlineAt: m.deadlineAt, at },
              if: { expr: 'attribute_not_exists(#pk)' },
              tag: ESCALATED,
            },
            ...(notes.length ? [tellWrite(ctx, FIVE_LISTS_QUEUE, m.id, notes)] : []),
          ]);
          escalated++;
        } catch (e) {
          if (!(e instanceof TransactionCancelled && e.failed(ESCALATED))) throw e; // already escalated for this step
        }
      }
    }
    for (const state of ratingStates) {
      for (const m of await allOverdue(ctx, sd.id, state, at)) {
        const next = advance(ctx, m, 'closed', { deadlineAt: undefined });
        try {
          await deps.db.transact(transitionWrites(at, m, next, { action: 'close', note: '评价期已过，自动关闭', byName: '系统', byResident: false }));
          closed++;
        } catch (e) {
          if (!(e instanceof TransactionCancelled && e.failed(TRANSITION))) throw e; // someone acted on it meanwhile
        }
      }
    }
  }
  deps.log.info('escalateOverdue', { escalated, closed });
  return { escalated, closed };
});

async function allOverdue(ctx: Ctx, subdistrictId: string, state: FiveListState, before: string): Promise<FiveListRecord[]> {
  const out: FiveListRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listByState(ctx.db, subdistrictId, state, { limit: 100, cursor, before });
    out.push(...page.items.filter((m) => m.deadlineAt && m.deadlineAt < before));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** EventBridge entry point. */
export const escalateOverdueHandler = async () => escalateOverdue(await loadDeps());

/** The five lists' work items (escalations, merges' carried people, transitions' notifications past 20), every minute. */
export const drainWork = job(fiveListsCapability.functions.drainFiveListsWork!, (deps: Deps, opts?: { budgetMs?: number }) => drainQueue(deps, FIVE_LISTS_QUEUE, fiveListsWork, opts));
export const drainWorkHandler = async () => drainWork(await loadDeps());
