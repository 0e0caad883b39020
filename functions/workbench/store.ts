import type { Db, Item } from '../platform/db';
import { keys } from '../platform/keys';

/**
 * The workbench reads other capabilities' queues by the keys and indexes their READMEs document (platform/keys.ts
 * builds every key); it never writes them. Counts are `Db.queryCount` (Select COUNT, every page): no list is cut and
 * shown as a count. Each function is one access pattern, named for the queue it counts.
 */

const END = '~';

/** The first item of a queue in its index order (the oldest waiting, or the soonest deadline), if any. */
async function first(db: Db, spec: { index?: 'gsi1' | 'gsi2' | 'gsi3'; pk: string; prefix?: string; between?: [string, string]; from?: string; filter?: { expr: string; values?: Record<string, unknown> } }): Promise<Item | undefined> {
  // a filter applies after Limit: read pages until one matches (a filtered queue is small; unfiltered, one page of 1)
  let cursor: string | undefined;
  do {
    const page = await db.query({ ...spec, limit: spec.filter ? 50 : 1, cursor, ascending: true });
    if (page.items[0]) return page.items[0];
    cursor = page.cursor;
  } while (cursor);
  return undefined;
}

// ---------- org ----------

/** Residents waiting for a worker to confirm their binding: `COMMUNITY#c` / `BINDREQ#u`. */
export const countBindingRequests = (db: Db, communityId: string) => db.queryCount({ pk: keys.bindingRequest(communityId, '').pk, prefix: 'BINDREQ#' });

// ---------- say-it days ----------

export interface SessionRow {
  id: string;
  date: string;
  state: string;
  matterCount: number;
  cutoffAt: string;
}

/** The community's next session not closed, from today (China): `COMMUNITY#c` between `SESSION#<today>` and `SESSION#~`. */
export async function nextSession(db: Db, communityId: string, today: string): Promise<SessionRow | undefined> {
  const { pk } = keys.session(communityId, today);
  let cursor: string | undefined;
  do {
    const page = await db.query<SessionRow & Item>({ pk, between: [`SESSION#${today}`, `SESSION#${END}`], limit: 5, cursor });
    const open = page.items.find((s) => s.state !== 'closed');
    if (open) return open;
    cursor = page.cursor;
  } while (cursor);
  return undefined;
}

// ---------- relief ----------

const queuePk = (level: 'community' | 'subdistrict', unitId: string) => keys.reliefQueue(level, unitId, '', '').gsi1pk;

/**
 * Applications waiting at a level's unit: gsi1 `RQUEUE#<level>#<unit>`, longest waiting first (present only while
 * waiting); overdue: those whose `dueAt` (the level's deadline from the application's rule version) is past, counted
 * over every page with a filter.
 */
export async function reliefQueue(db: Db, level: 'community' | 'subdistrict', unitId: string, now: string) {
  const pk = queuePk(level, unitId);
  const [count, overdue, oldest] = await Promise.all([
    db.queryCount({ index: 'gsi1', pk }),
    db.queryCount({ index: 'gsi1', pk, filter: { expr: '#dueAt <= :now', values: { ':now': now } } }),
    first(db, { index: 'gsi1', pk }),
  ]);
  return { count, overdue, oldestAt: oldest?.waitingSince as string | undefined };
}

/** Open must-visits of a community (one worker's, when `assigneeId`): gsi1 `MVISITS#c` / `open#<deadline>#id`; overdue: deadline before now. */
export async function openMustVisits(db: Db, communityId: string, now: string, assigneeId?: string) {
  const pk = keys.mustVisitByCommunity(communityId, '', '', '').gsi1pk;
  const filter = assigneeId ? { expr: '#assigneeId = :me', values: { ':me': assigneeId } } : undefined;
  const [count, overdue, soonest] = await Promise.all([
    db.queryCount({ index: 'gsi1', pk, prefix: 'open#', filter }),
    db.queryCount({ index: 'gsi1', pk, between: ['open#', `open#${now}`], filter }),
    first(db, { index: 'gsi1', pk, prefix: 'open#', filter }),
  ]);
  return { count, overdue, oldestAt: soonest?.deadlineAt as string | undefined };
}

/** Drafts a grid worker filed for residents and has not submitted: gsi3 `RGRID#g`, status draft, filed by them. */
export const countProxyDrafts = (db: Db, gridId: string, workerId: string) =>
  db.queryCount({
    index: 'gsi3',
    pk: keys.reliefByGrid(gridId, '', '').gsi3pk,
    filter: { expr: '#status = :draft AND #filedById = :me', values: { ':draft': 'draft', ':me': workerId } },
  });

// ---------- five lists ----------

/** A sub-district's five-list matters in a state: gsi1 `FLSTATE#<sd>#<state>` / `<deadlineAt>#m`; overdue: deadline before now. */
export async function fiveListsInState(db: Db, subdistrictId: string, state: string, now: string) {
  const pk = keys.fiveListByState(subdistrictId, state, '', '').gsi1pk;
  const [count, overdue, soonest] = await Promise.all([
    db.queryCount({ index: 'gsi1', pk }),
    db.queryCount({ index: 'gsi1', pk, between: ['0', now] }),
    first(db, { index: 'gsi1', pk }),
  ]);
  return { count, overdue, oldestAt: (soonest?.gsi1sk as string | undefined)?.split('#')[0] };
}

/** Only the overdue of a state (the officer's overdue across communities). */
export const countOverdueInState = (db: Db, subdistrictId: string, state: string, now: string) =>
  db.queryCount({ index: 'gsi1', pk: keys.fiveListByState(subdistrictId, state, '', '').gsi1pk, between: ['0', now] });

/** A partner unit's matters in a state: gsi2 `FLUNIT#<unit>` / `<state>#<deadlineAt>#m`. */
export async function unitMattersInState(db: Db, unitId: string, state: string, now: string) {
  const pk = keys.fiveListByUnit(unitId, '', '', '').gsi2pk;
  const [count, overdue, soonest] = await Promise.all([
    db.queryCount({ index: 'gsi2', pk, prefix: `${state}#` }),
    db.queryCount({ index: 'gsi2', pk, between: [`${state}#`, `${state}#${now}`] }),
    first(db, { index: 'gsi2', pk, prefix: `${state}#` }),
  ]);
  return { count, overdue, oldestAt: (soonest?.gsi2sk as string | undefined)?.split('#')[1] };
}

export interface ScoreEntryRow {
  matterId: string;
  resolved: boolean;
  onTime: boolean;
  satisfied: number;
  partly: number;
  notSatisfied: number;
  starSum: number;
}

/** The unit's score ledger of a year: `FLSCORE#<sd>#<year>` / `<unit>#m`, every page. */
export async function scoreEntries(db: Db, subdistrictId: string, year: number, unitId: string): Promise<ScoreEntryRow[]> {
  const { pk } = keys.unitScoreEntry(subdistrictId, year, '', '');
  const out: ScoreEntryRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<ScoreEntryRow & Item>({ pk, prefix: `${unitId}#`, cursor });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

// ---------- announcements ----------

/** A unit's scheduled announcements, not yet out: gsi2 `ANNUNIT#<unit>`, state scheduled. */
export const countScheduledAnnouncements = (db: Db, unitId: string) =>
  db.queryCount({ index: 'gsi2', pk: keys.announcementOfUnit(unitId, '', '').gsi2pk, filter: { expr: '#state = :s', values: { ':s': 'scheduled' } } });

// ---------- sign-ups ----------

const mine = (organizerId: string) => ({ expr: '#organizerId = :me AND #state = :pub', values: { ':me': organizerId, ':pub': 'published' } });

/** An organizer's published activities of a unit not over yet: gsi1 `ACTIVITIES#<unit>` / `<last end>#a` from now. */
export const countMyActivities = (db: Db, unitId: string, organizerId: string, now: string) =>
  db.queryCount({ index: 'gsi1', pk: keys.activityByUnit(unitId, '', '').gsi1pk, from: now, filter: mine(organizerId) });

/** The same for events: gsi1 `EVENTS#<unit>` / `<endsAt>#e` from now. */
export const countMyEvents = (db: Db, unitId: string, organizerId: string, now: string) =>
  db.queryCount({ index: 'gsi1', pk: keys.eventByUnit(unitId, '', '').gsi1pk, from: now, filter: mine(organizerId) });

export interface ActivityRow {
  id: string;
  shifts: { id: string; startsAt: string; endsAt: string }[];
}
export interface EventRow {
  id: string;
  startsAt: string;
  endsAt: string;
}

async function allPages<T>(db: Db, spec: Parameters<Db['query']>[0]): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<T & Item>({ ...spec, cursor });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** An organizer's published activities of a unit whose last shift ended after `since` (every page). */
export const myActivitiesSince = (db: Db, unitId: string, organizerId: string, since: string) =>
  allPages<ActivityRow>(db, { index: 'gsi1', pk: keys.activityByUnit(unitId, '', '').gsi1pk, from: since, filter: mine(organizerId) });

/** An organizer's published events of a unit ending after `since` (every page). */
export const myEventsSince = (db: Db, unitId: string, organizerId: string, since: string) =>
  allPages<EventRow>(db, { index: 'gsi1', pk: keys.eventByUnit(unitId, '', '').gsi1pk, from: since, filter: mine(organizerId) });

/** People checked in at a place (a shift or an event) since a moment: `PLACE#p` / `RES#u`, checkedInAt ≥ since. */
export const countCheckedInSince = (db: Db, placeId: string, since: string) =>
  db.queryCount({ pk: keys.place(placeId).pk, prefix: 'RES#', filter: { expr: '#checkedInAt >= :since', values: { ':since': since } } });

/** Checked-out volunteers of a shift whose hours wait for the organizer: `PLACE#p` / `RES#u`, hoursStatus pending. */
export const countHoursPending = (db: Db, shiftId: string) =>
  db.queryCount({ pk: keys.place(shiftId).pk, prefix: 'RES#', filter: { expr: '#hoursStatus = :p', values: { ':p': 'pending' } } });

// ---------- volunteers' hours ----------

export interface HoursEntryRow {
  shiftId: string;
  activityId: string;
  activityTitle: string;
  servedOn: string;
  minutes: number;
  claimedMinutes: number;
  adjustReason?: string;
  confirmedBy: string;
  confirmedAt: string;
  elderToElder: boolean;
}

/** A volunteer's hours entries served between two days (every page): `HOURS#u` / `ENTRY#<servedOn>#<shift>`. */
export async function hoursEntries(db: Db, userId: string, from = '0000-00-00', to = '9999-99-99'): Promise<HoursEntryRow[]> {
  const rows = await allPages<HoursEntryRow & Item>(db, { pk: keys.hoursTotal(userId).pk, between: [`ENTRY#${from}`, `ENTRY#${to}${END}`] });
  return rows.map((r) => ({
    shiftId: r.shiftId,
    activityId: r.activityId,
    activityTitle: r.activityTitle,
    servedOn: r.servedOn,
    minutes: r.minutes,
    claimedMinutes: r.claimedMinutes,
    ...(r.adjustReason ? { adjustReason: r.adjustReason } : {}),
    confirmedBy: r.confirmedBy,
    confirmedAt: r.confirmedAt,
    elderToElder: r.elderToElder,
  }));
}

/** Totals of some volunteers (`HOURS#u` / `TOTAL`), 100 a BatchGet. */
export async function hoursTotals(db: Db, userIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < userIds.length; i += 100) {
    const items = await db.batchGet<{ pk: string; totalMinutes?: number }>(userIds.slice(i, i + 100).map((u) => keys.hoursTotal(u)));
    for (const it of items) out.set(it.pk.slice('HOURS#'.length), it.totalMinutes ?? 0);
  }
  return out;
}

export interface TeamRow {
  id: string;
  unitId: string;
  unitPath: string[];
  name: string;
}
export interface MemberRow {
  userId: string;
  displayName: string;
  role: 'leader' | 'member';
}

/** A team and its roster: `TEAM#t` (the team, `MEMBER#u` each), one query, every page. */
export async function teamWithRoster(db: Db, teamId: string): Promise<{ team?: TeamRow; members: MemberRow[] }> {
  const rows = await allPages<Item>(db, { pk: keys.team(teamId).pk });
  const team = rows.find((r) => r.sk === 'TEAM') as (TeamRow & Item) | undefined;
  const members = rows.filter((r) => String(r.sk).startsWith('MEMBER#')) as unknown as MemberRow[];
  return { team, members };
}

/** The teams of a unit (gsi1 `TEAMS#<unit>`), every page. */
export const teamsOfUnit = (db: Db, unitId: string) => allPages<TeamRow>(db, { index: 'gsi1', pk: keys.teamByUnit(unitId, '').gsi1pk });

/** Which of these teams list the volunteer: BatchGet `TEAM#t` / `MEMBER#u`. */
export async function teamsListing(db: Db, teamIds: string[], userId: string): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < teamIds.length; i += 100) {
    const items = await db.batchGet<{ pk: string }>(teamIds.slice(i, i + 100).map((t) => keys.teamMember(t, userId)));
    out.push(...items.map((it) => it.pk.slice('TEAM#'.length)));
  }
  return out;
}

/** The units of some activities (`ACTIVITY#a` / `ACTIVITY`), 100 a BatchGet. */
export async function activityUnits(db: Db, activityIds: string[]): Promise<{ id: string; unitPath: string[] }[]> {
  const out: { id: string; unitPath: string[] }[] = [];
  for (let i = 0; i < activityIds.length; i += 100) {
    out.push(...(await db.batchGet<{ id: string; unitPath: string[] }>(activityIds.slice(i, i + 100).map((a) => keys.activity(a)))));
  }
  return out;
}

/** A user's name (`USER#u` / `#PROFILE`). */
export async function displayName(db: Db, userId: string): Promise<string | undefined> {
  return (await db.get<{ displayName?: string }>(keys.user(userId)))?.displayName;
}

/** Items waiting in moderation (reported or held for review): gsi1 `MODQ#c` (a community) or gsi2 `MODQSD#sd` (the sub-district), present only while open. */
export async function countModeration(db: Db, level: 'community' | 'subdistrict', unitId: string): Promise<number> {
  return level === 'community' ? db.queryCount({ index: 'gsi1', pk: `MODQ#${unitId}` }) : db.queryCount({ index: 'gsi2', pk: `MODQSD#${unitId}` });
}
