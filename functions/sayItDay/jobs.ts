import { text } from '../../shared/notifications/texts';
import { chinaClock, tomorrowInChina } from '../../shared/platform/chinaTime';
import { sessionDates, sessionId, sessionTimes } from '../../shared/sayItDay/schedule';
import type { Session } from '../../shared/sayItDay/schemas';
import { loadDeps, makeCtx, type Deps } from '../platform/context';
import { ConditionFailed, TransactionCancelled } from '../platform/db';
import { keys } from '../platform/keys';
import { DEDUPED, notificationWrites } from '../platform/notify';
import { listUnits } from '../platform/units';
import * as store from './store';
import { sayItDayCapability } from './capability';
import { job } from '../platform/job';

/** How far ahead sessions are made: residents can raise a matter for any of them. */
export const SESSIONS_AHEAD_DAYS = 35;

/**
 * Makes each community's sessions for the coming weeks from its rule. Run daily (EventBridge; locally at start).
 * Idempotent: a session's key is its community and date, written only where absent, so a second run makes nothing.
 */
export const createSessions = job(sayItDayCapability.functions.createSessions!, async function createSessions(deps: Deps, now: Date = deps.clock.now()): Promise<{ created: number; existing: number }> {
  const units = await listUnits(deps.db);
  let created = 0;
  let existing = 0;
  for (const community of units.filter((u) => u.kind === 'community')) {
    const rule = await store.getScheduleRule(deps.db, community.id);
    for (const date of sessionDates(rule, now, SESSIONS_AHEAD_DAYS)) {
      const times = sessionTimes(rule, date);
      if (Date.parse(times.cutoffAt) <= now.getTime()) continue;
      const session: Session = {
        id: sessionId(community.id, date),
        communityId: community.id,
        subdistrictId: community.path[0]!,
        communityName: community.name,
        date,
        ...times,
        place: rule.place,
        state: 'scheduled',
        matterCount: 0,
        version: 0,
      };
      try {
        await deps.db.put(store.sessionItem(session), { expr: 'attribute_not_exists(#pk)' });
        created++;
      } catch (e) {
        if (!(e instanceof ConditionFailed)) throw e;
        existing++;
      }
    }
  }
  deps.log.info('createSessions', { created, existing });
  return { created, existing };
});

/**
 * The day before a session, everyone who asked to be reminded gets an inbox item and, where they hold a grant,
 * a subscribe message. One notification per session and person, however often the job runs.
 */
export const remindSessions = job(sayItDayCapability.functions.remindSessions!, async function remindSessions(deps: Deps, now: Date = deps.clock.now()): Promise<{ reminded: number }> {
  const ctx = makeCtx(deps, `job-remind-${now.toISOString()}`);
  const date = tomorrowInChina(now);
  const units = await listUnits(deps.db);
  let reminded = 0;
  for (const community of units.filter((u) => u.kind === 'community')) {
    const session = await deps.db.get<Record<string, unknown>>(keys.session(community.id, date));
    if (!session || session.state !== 'scheduled') continue;
    const s = store.toSession(session);
    const time = chinaClock(s.startsAt);
    for (const userId of await store.listReminderSubscribers(deps.db, community.id)) {
      try {
        await deps.db.transact(
          notificationWrites(ctx, {
            userId,
            template: 'sessionReminder',
            text: text('sayItDay.sessionReminder', { community: s.communityName, date: s.date, time, place: s.place }),
            link: `/packages/sayItDay/session/index?id=${s.id}`,
            data: { thing1: `${s.communityName}说事会`.slice(0, 20), time2: `${s.date} ${time}`, thing3: s.place.slice(0, 20) },
            dedupeKey: `remind#${s.id}#${userId}`,
          }),
        );
        reminded++;
      } catch (e) {
        if (!(e instanceof TransactionCancelled && e.failed(DEDUPED))) throw e; // already reminded
      }
    }
  }
  deps.log.info('remindSessions', { date, reminded });
  return { reminded };
});

/** EventBridge entry points. */
export const createSessionsHandler = async () => createSessions(await loadDeps());
export const remindSessionsHandler = async () => remindSessions(await loadDeps());
