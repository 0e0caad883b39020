import { addDays, chinaDay, chinaInstant, chinaYear } from '../../../shared/platform/chinaTime';
import { DEFAULT_MIN_RATED, unitScore } from '../../../shared/fiveLists/score';
import type { Grant } from '../../../shared/org/schemas';
import type { Task, Workbench, WorkbenchRole } from '../../../shared/workbench/schemas';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError } from '../../platform/errors';
import { getUnit, listUnits } from '../../platform/units';
import * as store from '../store';

/** How far back an organizer's hours to confirm are looked for: shifts that ended in the last 60 days. */
export const HOURS_LOOKBACK_DAYS = 60;

/** The page of the mini-program that does each task (links are data: the app navigates to them as they are). */
const pages = {
  bindings: (c: string) => `/packages/worker/bindings/index?communityId=${c}`,
  reliefQueue: (level: string, unitId: string) => `/packages/relief/queue/index?level=${level}&unitId=${unitId}`,
  session: (id: string) => `/packages/sayItDay/session/index?id=${id}`,
  visits: (c: string) => `/packages/relief/visits/index?communityId=${c}`,
  announcements: '/packages/announcements/list/index',
  proxy: (g: string) => `/packages/relief/proxy/index?gridId=${g}`,
  officerBoard: '/packages/fiveLists/officer/index',
  summary: '/packages/workSummary/summary/index',
  unitList: (u: string) => `/packages/fiveLists/unit/index?unitId=${u}`,
  scores: (u: string) => `/packages/fiveLists/scores/index?unitId=${u}`,
  organize: '/packages/signups/organize/index',
  moderation: (unitId: string) => `/packages/moderation/queue/index?unitId=${unitId}`,
};

/** Overdue first (most first), then the oldest waiting, then the rest with work, then those with none, links last. */
export function byUrgency(tasks: Task[]): Task[] {
  const rank = (t: Task) => (t.source === 'link' ? 3 : (t.overdue ?? 0) > 0 ? 0 : (t.count ?? 0) > 0 ? 1 : 2);
  return [...tasks].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (b.overdue ?? 0) - (a.overdue ?? 0) ||
      (a.oldestAt ?? '~').localeCompare(b.oldestAt ?? '~') ||
      (b.count ?? 0) - (a.count ?? 0),
  );
}

/**
 * GET /me/workbench?role&unitId: the tasks of one of my staff roles on the unit I hold it on. Every query of a role is
 * sent at once (one round trip; the organizer's check-ins and hours need the shifts first: two); a count is an
 * index's Count (every page) or the owning capability's counter, never the length of a cut list.
 */
export async function myWorkbench(ctx: UserCtx, query: { role: WorkbenchRole; unitId: string }): Promise<Workbench> {
  const grant = ctx.principal.grants.find((g) => g.role === query.role && g.unitId === query.unitId);
  if (!grant) throw new ForbiddenError();
  const now = ctx.clock.now().toISOString();
  const build = builders[query.role];
  const [unit, built] = await Promise.all([getUnit(ctx.db, grant.unitId), build(ctx, grant, now)]);
  return { role: query.role, unitId: grant.unitId, unitName: unit?.name ?? '', tasks: byUrgency(built.tasks), roundTrips: built.roundTrips };
}

type Built = { tasks: Task[]; roundTrips: number };
type Builder = (ctx: UserCtx, grant: Grant, now: string) => Promise<Built>;

const communityWorker: Builder = async (ctx, grant, now) => {
  const c = grant.unitId;
  const [bindings, queue, session, visits, scheduled, moderation] = await Promise.all([
    store.countBindingRequests(ctx.db, c),
    store.reliefQueue(ctx.db, 'community', c, now),
    store.nextSession(ctx.db, c, chinaDay(now)),
    store.openMustVisits(ctx.db, c, now),
    store.countScheduledAnnouncements(ctx.db, c),
    store.countModeration(ctx.db, 'community', c),
  ]);
  const tasks: Task[] = [
    { key: 'bindingRequests', count: bindings, source: 'indexCount', link: pages.bindings(c) },
    { key: 'applicationsToReview', count: queue.count, overdue: queue.overdue, oldestAt: queue.oldestAt, source: 'indexCount', link: pages.reliefQueue('community', c) },
    { key: 'mustVisits', count: visits.count, overdue: visits.overdue, oldestAt: visits.oldestAt, source: 'indexCount', link: pages.visits(c) },
    { key: 'scheduledAnnouncements', count: scheduled, source: 'indexCount', link: pages.announcements },
    { key: 'moderation', count: moderation, source: 'indexCount', link: pages.moderation(c) },
  ];
  if (session) tasks.push({ key: 'nextSession', count: session.matterCount, date: session.date, source: 'counter', link: pages.session(session.id) });
  return { tasks, roundTrips: 1 };
};

const gridWorker: Builder = async (ctx, grant, now) => {
  const g = grant.unitId;
  const c = grant.unitPath[1]!;
  const me = ctx.principal.userId;
  const [session, visits, drafts] = await Promise.all([
    store.nextSession(ctx.db, c, chinaDay(now)),
    store.openMustVisits(ctx.db, c, now, me),
    store.countProxyDrafts(ctx.db, g, me),
  ]);
  const tasks: Task[] = [
    { key: 'myVisits', count: visits.count, overdue: visits.overdue, oldestAt: visits.oldestAt, source: 'indexCount', link: pages.visits(c) },
    { key: 'proxyDrafts', count: drafts, source: 'indexCount', link: pages.proxy(g) },
  ];
  if (session) tasks.push({ key: 'mattersToTakeIn', count: session.matterCount, date: session.date, source: 'counter', link: pages.session(session.id) });
  return { tasks, roundTrips: 1 };
};

/** States whose matters wait on someone (shared/fiveLists/machine.ts activeStates) and have a step deadline. */
const ACTIVE = ['collected', 'returned', 'dispatched', 'reviewed', 'claimed', 'reopened'] as const;

const subdistrictOfficer: Builder = async (ctx, grant, now) => {
  const sd = grant.unitId;
  const [moderation, collected, returned, approvals, ...others] = await Promise.all([
    store.countModeration(ctx.db, 'subdistrict', sd),
    store.fiveListsInState(ctx.db, sd, 'collected', now),
    store.fiveListsInState(ctx.db, sd, 'returned', now),
    store.reliefQueue(ctx.db, 'subdistrict', sd, now),
    ...ACTIVE.filter((s) => s !== 'collected' && s !== 'returned').map((s) => store.countOverdueInState(ctx.db, sd, s, now)),
  ]);
  const oldest = [collected.oldestAt, returned.oldestAt].filter((x): x is string => !!x).sort()[0];
  const overdueAll = collected.overdue + returned.overdue + others.reduce((n, x) => n + x, 0);
  const tasks: Task[] = [
    { key: 'dispatchBoard', count: collected.count + returned.count, overdue: collected.overdue + returned.overdue, oldestAt: oldest, source: 'indexCount', link: pages.officerBoard },
    { key: 'secondLevelApprovals', count: approvals.count, overdue: approvals.overdue, oldestAt: approvals.oldestAt, source: 'indexCount', link: pages.reliefQueue('subdistrict', sd) },
    { key: 'overdueFiveLists', count: overdueAll, overdue: overdueAll, source: 'indexCount', link: pages.officerBoard },
    { key: 'moderation', count: moderation as number, source: 'indexCount', link: pages.moderation(sd) },
    { key: 'workSummary', source: 'link', link: pages.summary },
  ];
  return { tasks, roundTrips: 1 };
};

const jointCommittee: Builder = async (ctx, grant, now) => {
  const review = await store.fiveListsInState(ctx.db, grant.unitId, 'dispatched', now);
  return {
    tasks: [{ key: 'reviewQueue', count: review.count, overdue: review.overdue, oldestAt: review.oldestAt, source: 'indexCount', link: pages.officerBoard }],
    roundTrips: 1,
  };
};

const unitContact: Builder = async (ctx, grant, now) => {
  const u = grant.unitId;
  const sd = grant.unitPath[0]!;
  const [reviewed, reopened, claimed, entries] = await Promise.all([
    store.unitMattersInState(ctx.db, u, 'reviewed', now),
    store.unitMattersInState(ctx.db, u, 'reopened', now),
    store.unitMattersInState(ctx.db, u, 'claimed', now),
    store.scoreEntries(ctx.db, sd, chinaYear(now), u),
  ]);
  const figures = unitScore(
    entries.map((e) => ({ matterId: e.matterId, resolved: e.resolved, onTime: e.onTime, ratings: { satisfied: e.satisfied, partly: e.partly, notSatisfied: e.notSatisfied, starSum: e.starSum } })),
    DEFAULT_MIN_RATED,
  );
  const claimOldest = [reviewed.oldestAt, reopened.oldestAt].filter((x): x is string => !!x).sort()[0];
  const tasks: Task[] = [
    { key: 'toClaim', count: reviewed.count + reopened.count, overdue: reviewed.overdue + reopened.overdue, oldestAt: claimOldest, source: 'indexCount', link: pages.unitList(u) },
    { key: 'toResolve', count: claimed.count, overdue: claimed.overdue, oldestAt: claimed.oldestAt, source: 'indexCount', link: pages.unitList(u) },
    { key: 'unitScore', count: figures.matters, score: figures.score, stars: figures.starRating, source: 'records', link: pages.scores(u) },
  ];
  return { tasks, roundTrips: 1 };
};

const organizer: Builder = async (ctx, grant, now) => {
  const me = ctx.principal.userId;
  const today = chinaDay(now);
  const dayStart = chinaInstant(today).toISOString();
  const dayEnd = chinaInstant(addDays(today, 1)).toISOString();
  const since = new Date(new Date(now).getTime() - HOURS_LOOKBACK_DAYS * 86_400_000).toISOString();
  // an organizer of the sub-district posts to it and to any community under it (shared/signups/permissions canOrganize)
  const onSubdistrict = grant.unitPath.length === 1;
  const units = onSubdistrict
    ? [grant.unitId, ...(await listUnits(ctx.db)).filter((u) => u.kind === 'community' && u.path[0] === grant.unitId).map((u) => u.id)]
    : [grant.unitId];
  const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);
  // the counts, and the recent activities and today's events with their places, of every unit at once
  const [activities, events, recent, todaysEvents] = await Promise.all([
    Promise.all(units.map((u) => store.countMyActivities(ctx.db, u, me, now))),
    Promise.all(units.map((u) => store.countMyEvents(ctx.db, u, me, now))),
    Promise.all(units.map((u) => store.myActivitiesSince(ctx.db, u, me, since))),
    Promise.all(units.map((u) => store.myEventsSince(ctx.db, u, me, dayStart))),
  ]);
  const shifts = recent.flat().flatMap((a) => a.shifts);
  const todayPlaces = [...shifts.filter((s) => s.startsAt < dayEnd && s.endsAt > dayStart).map((s) => s.id), ...todaysEvents.flat().filter((e) => e.startsAt < dayEnd).map((e) => e.id)];
  const ended = shifts.filter((s) => s.startsAt <= now && s.endsAt > since).map((s) => s.id);
  // then each place's check-ins today and each shift's hours waiting, all at once
  const [checkIns, pending] = await Promise.all([
    Promise.all(todayPlaces.map((p) => store.countCheckedInSince(ctx.db, p, dayStart))),
    Promise.all(ended.map((s) => store.countHoursPending(ctx.db, s))),
  ]);
  const tasks: Task[] = [
    { key: 'hoursToConfirm', count: sum(pending), source: 'indexCount', link: pages.organize },
    { key: 'checkInsToday', count: sum(checkIns), date: today, source: 'indexCount', link: pages.organize },
    { key: 'myActivities', count: sum(activities), source: 'indexCount', link: pages.organize },
    { key: 'myEvents', count: sum(events), source: 'indexCount', link: pages.organize },
  ];
  return { tasks, roundTrips: (onSubdistrict ? 1 : 0) + 1 + (todayPlaces.length + ended.length ? 1 : 0) };
};

const builders: Record<WorkbenchRole, Builder> = { communityWorker, gridWorker, subdistrictOfficer, jointCommittee, unitContact, organizer };
