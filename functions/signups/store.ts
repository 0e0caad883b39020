import type {
  Activity,
  Certificate,
  CulturalEvent,
  HelpRequest,
  HoursEntry,
  TimeBankEntry,
  TimeBankSettings,
  VolunteerTeam,
} from '../../shared/signups/schemas';
import { defaultTimeBankSettings } from '../../shared/signups/hours';
import type { Ctx } from '../platform/context';
import type { Sealed } from '../platform/crypto';
import { withoutKeys, type Item, type TxWrite } from '../platform/db';
import { keys } from '../platform/keys';

/** Access patterns of sign-ups besides the reservation engine (reservations.ts); the table is in README.md. */

export interface VolunteerRecord {
  userId: string;
  realName: string;
  /** personal information: shown masked, never logged */
  phone: string;
  skills: string[];
  availability: ('weekdayDaytime' | 'weekdayEvening' | 'weekendDaytime' | 'weekendEvening')[];
  /**
   * the year of the birth date given: the age bands and the time bank count the age reached in a year. The date is not
   * kept: beside `maskedIdNumber` (area code and last 4) it would be the whole ID number (issue 11 item 1)
   */
  birthYear?: number;
  /** records from before issue 11 item 1 (scripts/migrateSealBirthDates.ts rewrites them): read, never written */
  birthDate?: string;
  /** the ID number, sealed (platform/crypto.ts) with `volunteerIdAad(userId)`: nothing here opens it */
  idNumberSealed?: Sealed;
  /** its masked form in the clear (440305********1234), what the certificate and every view show */
  maskedIdNumber?: string;
  /** the separate consent it was given under: which text, when */
  idNumberConsent?: { textVersion: string; at: string };
  communityId: string;
  communityPath: string[];
  registeredAt: string;
  updatedAt: string;
}

/** A volunteer's birth year, from a record of either shape. */
export function birthYearOf(v: Pick<VolunteerRecord, 'birthYear' | 'birthDate'> | undefined): number | undefined {
  return v?.birthYear ?? (v?.birthDate ? Number(v.birthDate.slice(0, 4)) : undefined);
}

/** A volunteer's sealed ID number opens only on their own record. */
export const volunteerIdAad = (userId: string) => `signups:volunteer:${userId}`;

const clean = <T>(it: Item | undefined): T | undefined => (it ? (withoutKeys(it) as T) : undefined);

// ---------- volunteers and teams ----------

export async function getVolunteer(ctx: Ctx, userId: string): Promise<VolunteerRecord | undefined> {
  return clean(await ctx.db.get(keys.volunteer(userId), true));
}

/** The volunteer and the phone-number entry that finds them, together (a number changed leaves the old entry pointing at someone whose number is no longer it: the lookup checks). */
export async function putVolunteer(ctx: Ctx, v: VolunteerRecord): Promise<void> {
  await ctx.db.transact([
    { put: { ...keys.volunteer(v.userId), entity: 'volunteer', ...v } },
    { put: { ...keys.volunteerByPhone(v.phone), entity: 'volunteerPhone', userId: v.userId } },
  ]);
}

export async function volunteerByPhone(ctx: Ctx, phone: string): Promise<VolunteerRecord | undefined> {
  const entry = await ctx.db.get<{ userId: string }>(keys.volunteerByPhone(phone), true);
  const v = entry ? await getVolunteer(ctx, entry.userId) : undefined;
  return v?.phone === phone ? v : undefined;
}

export type TeamRecord = VolunteerTeam;

export function teamItem(t: TeamRecord): Item {
  return { ...keys.team(t.id), ...keys.teamByUnit(t.unitId, t.id), entity: 'team', ...t };
}

export function teamMemberItem(teamId: string, m: { userId: string; displayName: string; role: 'leader' | 'member'; joinedAt: string }): Item {
  return { ...keys.teamMember(teamId, m.userId), ...keys.teamMemberByUser(m.userId, teamId), entity: 'teamMember', teamId, ...m };
}

/** A team and its roster: one query over its item collection. */
export async function getTeamWithRoster(ctx: Ctx, teamId: string) {
  const out: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.db.query({ pk: keys.team(teamId).pk, cursor, consistent: true });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  const team = clean<TeamRecord>(out.find((i) => i.sk === 'TEAM'));
  const roster = out
    .filter((i) => String(i.sk).startsWith('MEMBER#'))
    .map((i) => ({ userId: i.userId as string, displayName: i.displayName as string, role: i.role as 'leader' | 'member', joinedAt: i.joinedAt as string }));
  return { team, roster };
}

/** The teams of a unit, a page at a time. */
export async function listTeamsOfUnit(ctx: Ctx, unitId: string, page: PageAsked): Promise<{ items: TeamRecord[]; cursor?: string }> {
  const out = await ctx.db.query({ index: 'gsi1', pk: `TEAMS#${unitId}`, limit: page.limit, cursor: page.cursor });
  return { items: out.items.map((i) => clean<TeamRecord>(i)!), cursor: out.cursor };
}

export async function isTeamMember(ctx: Ctx, teamId: string, userId: string): Promise<boolean> {
  return !!(await ctx.db.get(keys.teamMember(teamId, userId)));
}

// ---------- activities and events ----------

/** Indexed by the end of its last shift (shift times never change): read from now on, it lists exactly those not over. */
export function activityItem(a: Activity): Item {
  const lastEndsAt = a.shifts.reduce((end, s) => (s.endsAt > end ? s.endsAt : end), a.firstStartsAt);
  return { ...keys.activity(a.id), ...keys.activityByUnit(a.unitId, lastEndsAt, a.id), entity: 'activity', ...a };
}

export async function getActivity(ctx: Ctx, activityId: string): Promise<Activity | undefined> {
  return clean(await ctx.db.get(keys.activity(activityId), true));
}

/** Activities of some units not over at `now`, the soonest to end first, a page at a time. */
export async function listActivitiesOfUnits(ctx: Ctx, unitIds: string[], now: string, page: PageAsked): Promise<{ items: Activity[]; cursor?: string }> {
  const out = await mergedPage(ctx, unitIds.map((u) => `ACTIVITIES#${u}`), now, page);
  return { items: out.items.map((i) => clean<Activity>(i)!), cursor: out.cursor };
}

export interface PageAsked {
  limit: number;
  cursor?: string;
}

/**
 * One page of several lists of one index (a unit's and those of the units above it), merged in sort-key order from
 * `from` on. Each list gives `limit + 1` from where the last page stopped; the first `limit` of them all are the page
 * (no list can hide a smaller key beyond what it gave), and the cursor is the sort key of the last one, after which
 * every list continues. Two reads per page for a community and its sub-district, whatever their lengths.
 */
async function mergedPage(ctx: Ctx, pks: string[], from: string, page: PageAsked): Promise<{ items: Item[]; cursor?: string }> {
  // base64url decoding never throws (it skips what is not base64url): a cursor made up by a client is only a sort key
  const after = page.cursor ? Buffer.from(page.cursor, 'base64url').toString('utf8') : undefined;
  const start = after && after > from ? after : from;
  const lists = await Promise.all(pks.map((pk) => ctx.db.query({ index: 'gsi1', pk, from: start, limit: page.limit + 1 })));
  const all = lists
    .flatMap((l) => l.items)
    .filter((i) => !after || String(i.gsi1sk) > after)
    .sort((a, b) => String(a.gsi1sk).localeCompare(String(b.gsi1sk)));
  const items = all.slice(0, page.limit);
  const more = all.length > page.limit || lists.some((l) => l.items.length > page.limit);
  const last = items.at(-1);
  return { items, cursor: more && last ? Buffer.from(String(last.gsi1sk)).toString('base64url') : undefined };
}

/** The shift's id names its activity: no lookup. */
export const shiftId = (activityId: string, index: number) => `${activityId}-${index + 1}`;
export const activityIdOfShift = (id: string) => id.replace(/-\d+$/, '');

export type EventRecord = Omit<CulturalEvent, 'posterUrl'>;

/** Indexed by its end (rewritten when its time changes): read from now on, it lists exactly the events not over. */
export function eventItem(e: EventRecord, day: string): Item {
  return { ...keys.event(e.id), ...keys.eventByUnit(e.unitId, e.endsAt, e.id), ...keys.eventByDay(day, e.id), entity: 'event', ...e };
}

export async function getEvent(ctx: Ctx, eventId: string): Promise<EventRecord | undefined> {
  return clean(await ctx.db.get(keys.event(eventId), true));
}

/** Events of some units not over at `now`, the soonest to end first, a page at a time. */
export async function listEventsOfUnits(ctx: Ctx, unitIds: string[], now: string, page: PageAsked): Promise<{ items: EventRecord[]; cursor?: string }> {
  const out = await mergedPage(ctx, unitIds.map((u) => `EVENTS#${u}`), now, page);
  return { items: out.items.map((i) => clean<EventRecord>(i)!), cursor: out.cursor };
}

export async function listEventsOnDay(ctx: Ctx, day: string): Promise<EventRecord[]> {
  const out: EventRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.db.query({ index: 'gsi2', pk: `EVENTDAY#${day}`, cursor });
    out.push(...page.items.map((i) => clean<EventRecord>(i)!));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

// ---------- hours ----------

export function hoursEntryWrites(userId: string, e: HoursEntry): TxWrite[] {
  return [
    { put: { ...keys.hoursEntry(userId, e.servedOn, e.shiftId), entity: 'hoursEntry', userId, ...e }, if: { expr: 'attribute_not_exists(#pk)' } },
    { update: keys.hoursTotal(userId), spec: { add: { totalMinutes: e.minutes, entries: 1 } } },
  ];
}

export async function getLedger(ctx: Ctx, userId: string, from = '0000-00-00', to = '9999-99-99') {
  const entries: HoursEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.db.query({ pk: keys.hoursTotal(userId).pk, between: [`ENTRY#${from}`, `ENTRY#${to}~`], cursor, consistent: true });
    entries.push(...page.items.map((i) => {
      const { userId: u, ...rest } = withoutKeys(i) as HoursEntry & { userId: string };
      void u;
      return rest as HoursEntry;
    }));
    cursor = page.cursor;
  } while (cursor);
  return entries;
}

export async function getHoursTotal(ctx: Ctx, userId: string): Promise<number> {
  const it = await ctx.db.get<{ totalMinutes?: number }>(keys.hoursTotal(userId), true);
  return it?.totalMinutes ?? 0;
}

export type CertificateRecord = Certificate & { userId: string };

export function certificateWrite(c: CertificateRecord): TxWrite {
  return { put: { ...keys.certificate(c.serial), entity: 'certificate', ...c }, if: { expr: 'attribute_not_exists(#pk)' } };
}

export async function getCertificate(ctx: Ctx, serial: string): Promise<CertificateRecord | undefined> {
  return clean(await ctx.db.get(keys.certificate(serial)));
}

// ---------- time bank ----------

export async function getTimeBankSettings(ctx: Ctx, subdistrictId: string): Promise<TimeBankSettings> {
  // settings stored before the monthly allotment existed take its default
  return { ...defaultTimeBankSettings(subdistrictId), ...clean<TimeBankSettings>(await ctx.db.get(keys.timeBankSettings(subdistrictId), true)) };
}

export async function putTimeBankSettings(ctx: Ctx, s: TimeBankSettings, readVersion: number): Promise<void> {
  await ctx.db.put(
    { ...keys.timeBankSettings(s.subdistrictId), entity: 'timeBankSettings', ...s },
    readVersion === 0 ? { expr: 'attribute_not_exists(#pk) OR #version = :v', values: { ':v': 0 } } : { expr: '#version = :v', values: { ':v': readVersion } },
    { fails: 'STALE_VERSION' },
  );
}

/**
 * A movement of the time bank: the entry and the balance together. A debit carries the condition that keeps the
 * balance at or above zero, so concurrent spends can never overdraw it.
 */
export function timeBankWrites(ctx: Ctx, userId: string, e: Omit<TimeBankEntry, 'id' | 'at'>): TxWrite[] {
  const at = ctx.clock.now().toISOString();
  const id = ctx.newId();
  const debit = e.minutes < 0;
  return [
    {
      update: keys.timeBankAccount(userId),
      spec: {
        add: { balanceMinutes: e.minutes },
        setIfAbsent: { userId },
        if: debit ? { expr: '#balanceMinutes >= :m', values: { ':m': -e.minutes } } : undefined,
      },
      fails: 'TIMEBANK_INSUFFICIENT',
    },
    { put: { ...keys.timeBankEntry(userId, at, id), entity: 'timeBankEntry', userId, id, at, ...e } },
  ];
}

export async function getTimeBank(ctx: Ctx, userId: string) {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.db.query({ pk: keys.timeBankAccount(userId).pk, cursor, consistent: true });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  const balance = (items.find((i) => i.sk === 'BALANCE')?.balanceMinutes as number | undefined) ?? 0;
  const entries = items
    .filter((i) => String(i.sk).startsWith('ENTRY#'))
    .map((i) => {
      const { userId: u, ...rest } = withoutKeys(i) as TimeBankEntry & { userId: string };
      void u;
      return rest as TimeBankEntry;
    })
    .reverse();
  return { userId, balanceMinutes: balance, entries };
}

export function helpRequestItem(r: HelpRequest): Item {
  return { ...keys.helpRequest(r.id), ...keys.helpRequestByCommunity(r.communityId, r.at, r.id), ...keys.helpRequestByRequester(r.requesterId, r.id), ...(r.helperId ? keys.helpRequestByHelper(r.helperId, r.id) : {}), entity: 'helpRequest', ...r };
}

export async function getHelpRequest(ctx: Ctx, requestId: string): Promise<HelpRequest | undefined> {
  return clean(await ctx.db.get(keys.helpRequest(requestId), true));
}

/** A community's help requests from a time on, soonest first, a page at a time. */
export async function listHelpRequests(ctx: Ctx, communityId: string, from: string, page: PageAsked): Promise<{ items: HelpRequest[]; cursor?: string }> {
  const out = await ctx.db.query({ index: 'gsi1', pk: `HELPREQS#${communityId}`, from, limit: page.limit, cursor: page.cursor });
  return { items: out.items.map((i) => clean<HelpRequest>(i)!), cursor: out.cursor };
}
