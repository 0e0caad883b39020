import { text } from '../../shared/notifications/texts';
import { chinaClock, tomorrowInChina } from '../../shared/platform/chinaTime';
import { loadDeps, makeCtx, type Deps } from '../platform/context';
import { TransactionCancelled } from '../platform/db';
import { DEDUPED, notificationWrites } from '../platform/notify';
import * as engine from './reservations';
import * as store from './store';
import { signupsCapability } from './capability';
import { job } from '../platform/job';
import { drainWork as drainQueue } from '../platform/work';
import { SIGNUPS_QUEUE, signupsWork } from './work';

/**
 * The day before an event, everyone registered gets an inbox item and (with a grant) a subscribe message. One per
 * event and person however often the job runs (a dedupe key).
 */
export const remindEvents = job(signupsCapability.functions.remindEvents!, async function remindEvents(deps: Deps, now: Date = deps.clock.now()): Promise<{ reminded: number }> {
  const ctx = makeCtx(deps, `job-remind-events-${now.toISOString()}`);
  const day = tomorrowInChina(now);
  let reminded = 0;
  for (const e of await store.listEventsOnDay(ctx, day)) {
    if (e.state !== 'published') continue;
    const time = chinaClock(e.startsAt);
    for (const r of await engine.listReservations(ctx, e.id)) {
      if (r.status !== 'confirmed') continue;
      try {
        await deps.db.transact(
          notificationWrites(ctx, {
            userId: r.userId,
            template: 'eventReminder',
            text: text('signups.eventReminder', { title: e.title, time, place: e.place, companions: r.companions ?? 0 }),
            link: `/packages/signups/event/index?id=${e.id}`,
            data: { thing1: e.title.slice(0, 20), time2: `${day} ${time}`, thing3: e.place.slice(0, 20) },
            dedupeKey: `eventReminder#${e.id}#${r.userId}`,
          }),
        );
        reminded++;
      } catch (err) {
        if (!(err instanceof TransactionCancelled && err.failed(DEDUPED))) throw err; // reminded already
      }
    }
  }
  deps.log.info('remindEvents', { day, reminded });
  return { reminded };
});

export const remindEventsHandler = async () => remindEvents(await loadDeps());

/** Sign-ups' work items (a cancelled activity's or event's holders told in chunks), every minute. */
export const drainWork = job(signupsCapability.functions.drainSignupsWork!, (deps: Deps, opts?: { budgetMs?: number }) => drainQueue(deps, SIGNUPS_QUEUE, signupsWork, opts));
export const drainWorkHandler = async () => drainWork(await loadDeps());
