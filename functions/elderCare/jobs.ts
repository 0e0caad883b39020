import { loadDeps, makeCtx, type Deps } from '../platform/context';
import { TransactionCancelled } from '../platform/db';
import { job } from '../platform/job';
import { DEDUPED, notificationWrites } from '../platform/notify';
import { elderCareCapability } from './capability';
import { helpNotice, holdersOf, TELL_PER_TRANSACTION } from './commands/emergency';
import * as store from './store';

export interface EscalationRun {
  escalated: number;
  told: number;
}

/**
 * Every minute: 助急 requests nobody acknowledged within ESCALATE_AFTER_MINUTES go to the community's workers. The queue
 * is the requests still open and unescalated by their escalation time (one small partition, ELDSOSDUE): one query when
 * nothing is due. Why a job each minute and not a work item due at +N minutes: the work item would need a worker
 * polling its queue every minute all the same, and the request's own index entry already is that queue; acknowledging
 * removes the entry (the same write), so there is nothing to cancel. The workers are told in chunks of 20 with dedupe
 * keys; the last chunk marks the request escalated (conditional on it still being open and unescalated), so a re-run or
 * a crash half-way tells nobody twice and misses nobody, and an acknowledgement meanwhile stops it.
 */
export const escalateEmergencies = job(elderCareCapability.functions.escalateEmergencies!, async function escalateEmergencies(deps: Deps): Promise<EscalationRun> {
  const now = deps.clock.now().toISOString();
  const ctx = makeCtx(deps, `job-elder-escalate-${now}`);
  const run: EscalationRun = { escalated: 0, told: 0 };
  for (const e of await store.dueEmergencies(deps.db, now)) {
    const workers = (await holdersOf(ctx, e.communityId, 'communityWorker')).filter((u) => !e.familyIds.includes(u));
    const chunks: string[][] = [];
    for (let i = 0; i < workers.length; i += TELL_PER_TRANSACTION) chunks.push(workers.slice(i, i + TELL_PER_TRANSACTION));
    if (!chunks.length) chunks.push([]);
    let stopped = false;
    for (const [i, chunk] of chunks.entries()) {
      const last = i === chunks.length - 1;
      const key = { pk: `ELDSOS#${e.id}`, sk: 'SOS' };
      const next = { ...e, escalated: true, told: e.told + workers.length, version: e.version + 1 };
      try {
        await deps.db.transact([
          last
            ? { put: store.emergencyItem(next), if: { expr: '#version = :v AND #state = :open AND #escalated = :no', values: { ':v': e.version, ':open': 'open', ':no': false } }, tag: 'request' }
            : { check: key, if: { expr: '#version = :v AND #state = :open', values: { ':v': e.version, ':open': 'open' } }, tag: 'request' },
          ...chunk.flatMap((u) => notificationWrites(ctx, helpNotice(e, u, true))),
        ]);
        run.told += chunk.length;
      } catch (err) {
        if (!(err instanceof TransactionCancelled)) throw err;
        // acknowledged (or escalated by another run) meanwhile: nothing more to do for it
        if (err.failed('request')) {
          stopped = true;
          deps.log.info('escalation stopped', { emergencyId: e.id });
          break;
        }
        // a chunk told by an earlier run that died before the last one (its dedupe keys): on to the next
        if (!err.failed(DEDUPED)) throw err;
      }
    }
    if (!stopped) run.escalated++;
  }
  return run;
});

export const escalateEmergenciesHandler = async () => escalateEmergencies(await loadDeps());
