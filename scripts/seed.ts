/**
 * Seed data: a believable sub-district (XX街道) with three communities, their grids, two partner units, people in every
 * role, a year of say-it days with minutes and outcomes, matters in every status, seconds, reminders and an inbox.
 *
 *   tsx scripts/seed.ts [--now 2026-12-01T02:00:00Z]      (TABLE_NAME, DYNAMODB_ENDPOINT, … as the functions read them)
 *
 * Log in on the local stack with the code `dev:<openid>` (the login page lists the demo accounts): resident-wang,
 * resident-li, resident-zhao, grid-chen, worker-liu, officer-huang, committee-tang, unit-sun, organizer-zhou, staff-ma, admin, newcomer.
 *
 * How it writes:
 *   - the organisation tree, people, grants and rules are items with fixed ids, written only where absent;
 *   - the upcoming sessions come from the real job (createSessions);
 *   - past sessions cannot be made through the API (their cut-off has passed), so they and their matters and seconds are
 *     written with the store's own item shapes (sessionItem, matterItem, keys.second), with ids derived from the session;
 *   - the upcoming session of each community gets its matters, seconds and a withdrawal through the API, in-process;
 *   - inbox items are written with notificationWrites in one transaction each, as the commands do.
 * Running it again adds nothing that is there already.
 */
import { text } from '../shared/notifications/texts';
import { createHash } from 'node:crypto';
import { rng } from './seedRandom';
import { handleAny } from '../functions/app';
import { ensureTable } from './localStack';
import { fixedClock, systemClock } from '../functions/platform/clock';
import { readConfig } from '../functions/platform/config';
import { makeCtx, type Deps } from '../functions/platform/context';
import { bulkPut, pool } from './bulk';
import { Db, dynamoClient, type Item } from '../functions/platform/db';
import { keys } from '../functions/platform/keys';
import { createLogger, type Logger } from '../functions/platform/log';
import { notificationWrites } from '../functions/platform/notify';
import { s3Storage } from '../functions/platform/storage';
import { signAccessToken } from '../functions/platform/tokens';
import { wechatClient } from '../functions/platform/wechat';
import { grantItem } from '../functions/org/store';
import { createSessions } from '../functions/sayItDay/jobs';
import { seedSignups } from './seedSignups';
import { seedFiveLists } from './seedFiveLists';
import { seedRelief, type ReliefSeedSummary } from './seedRelief';
import { seedAnnouncements } from './seedAnnouncements';
import { workSummaryCheck } from './seedWorkSummary';
import { seedHalfYear } from './seedHalfYear';
import { figureAdds } from '../functions/platform/figures';
import { sayItDayLedger, sessionFigures } from '../shared/sayItDay/figures';
import { seedCases } from './seedCases';
import { seedElderCare } from './seedElderCare';
import { seedEmployment } from './seedEmployment';
import { seedMicroProjects } from './seedMicroProjects';
import { seedSafety } from './seedSafety';
import { seedReliefRules } from './seedReliefRules';
import { listMattersOfSession, listSessions, matterItem, sessionItem, type MatterRecord } from '../functions/sayItDay/store';
import { defaultScheduleRule, isOpenForMatters, sessionDates, sessionId, sessionTimes } from '../shared/sayItDay/schedule';
import { chinaClock, chinaDay, chinaInstant } from '../shared/platform/chinaTime';
import { timeSortedId } from '../shared/platform/ids';
import type { MatterStatus, Session } from '../shared/sayItDay/schemas';
import type { Grant, Unit } from '../shared/org/schemas';
import {
  centres,
  communities,
  demoPeople,
  estates,
  genericReasons,
  givenNames,
  hosts,
  matterTemplates,
  otherStaff,
  pendingPeople,
  places,
  surnames,
  units,
  upcomingPlans,
  type MatterTemplate,
  type SeedPerson,
  type UpcomingPlan,
} from './seedData';

export interface SeedSummary {
  units: number;
  people: number;
  residents: number;
  grants: number;
  bindingRequests: number;
  sessions: { pastClosed: number; upcoming: number };
  /** matters by status, over the past and the upcoming sessions */
  matters: Record<MatterStatus, number> & { total: number };
  seconds: number;
  reminderSubscriptions: number;
  inboxItems: number;
  /** the session each community takes matters for now */
  nextSessionIds: Record<string, string>;
  relief: ReliefSeedSummary;
  /** items and API calls this run made, and those it found there already */
  written: number;
  skipped: number;
  apiCalls: number;
  ms: number;
}

/** the user id of a seeded person: fixed, from their openid */
export const userIdOf = (openid: string) => `u-${openid}`;

const DAY = 86_400_000;
const MIN = 60_000;

// ---------------------------------------------------------------------------------------------------------------
// small helpers

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
function sample<T>(r: () => number, list: readonly T[], n: number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, Math.max(0, Math.min(n, copy.length)));
}

/** An id shaped like newId (time-sorted prefix, 10 more characters) but derived from a name: the same on every run. */
function fixedId(at: Date, name: string): string {
  return timeSortedId(at, createHash('sha1').update(name).digest());
}



// ---------------------------------------------------------------------------------------------------------------
// the people

interface PersonPlan extends SeedPerson {
  userId: string;
  communityId?: string;
  pending?: { communityId: string; gridId?: string; note: string };
}

/** Twenty residents per community besides the named ones, with names that repeat nobody. */
function generatedResidents(): PersonPlan[] {
  const taken = new Set([...demoPeople, ...otherStaff, ...pendingPeople].map((p) => p.displayName));
  const r = rng('residents');
  const out: PersonPlan[] = [];
  for (const c of communities) {
    const short = c.id.replace(/^c-/, '');
    const grids = units.filter((u) => u.parentId === c.id && u.kind === 'grid').map((u) => u.id);
    for (let i = 1; i <= 20; i++) {
      let name = '';
      do name = `${pick(r, surnames)}${pick(r, givenNames)}`;
      while (taken.has(name));
      taken.add(name);
      const openid = `r-${short}-${String(i).padStart(2, '0')}`;
      out.push({ openid, userId: userIdOf(openid), displayName: name, roles: [['resident', c.id]], gridId: grids[i % grids.length], communityId: c.id });
    }
  }
  return out;
}

function peoplePlan(): PersonPlan[] {
  const named = [...demoPeople, ...otherStaff].map((p) => ({
    ...p,
    userId: userIdOf(p.openid),
    communityId: p.roles.find(([role]) => role === 'resident')?.[1],
  }));
  const pending = pendingPeople.map((p) => ({
    openid: p.openid,
    displayName: p.displayName,
    roles: [] as SeedPerson['roles'],
    userId: userIdOf(p.openid),
    pending: { communityId: p.communityId, gridId: p.gridId, note: p.note },
  }));
  return [...named, ...generatedResidents(), ...pending];
}

const unitById = new Map(units.map((u) => [u.id, u]));

function grantsOf(p: SeedPerson): Grant[] {
  return p.roles.map(([role, unitId]) => ({ role, unitId, unitPath: unitById.get(unitId)!.path }));
}

// ---------------------------------------------------------------------------------------------------------------
// texts

interface Filled {
  template: MatterTemplate;
  text: string;
  spot?: string;
  five?: string;
  no?: string;
  address: string;
}

function fill(r: () => number, t: MatterTemplate, communityId: string): Filled {
  const vars = { estate: pick(r, estates[communityId]!), b: String(1 + Math.floor(r() * 24)), u: String(1 + Math.floor(r() * 4)) };
  const sub = (s?: string) => s?.replace(/\{(estate|b|u)\}/g, (_, k: keyof typeof vars) => vars[k]);
  return { template: t, text: sub(t.text)!, spot: sub(t.spot), five: sub(t.five), no: sub(t.no), address: `${vars.estate}${vars.b}号楼` };
}

const templateByKey = new Map(matterTemplates.map((t) => [t.key, t]));

function locationNear(r: () => number, communityId: string, address: string) {
  const c = centres[communityId]!;
  const jitter = () => Math.round((r() - 0.5) * 0.006 * 1e6) / 1e6;
  return { latitude: Math.round((c.latitude + jitter()) * 1e6) / 1e6, longitude: Math.round((c.longitude + jitter()) * 1e6) / 1e6, address };
}

const outcomeWords = { solvedOnSpot: '当场解决', toFiveLists: '转入五单', notAccepted: '不予受理' } as const;

function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function minutesOf(s: Session, host: string, attendance: number, number: number, matters: MatterRecord[]): string {
  const time = chinaClock(s.startsAt);
  const lines = [
    `${chineseDate(s.date)} ${time}，${s.communityName}在${s.place}召开本年度第${number}期"吾事五说"说事会，由社区工作者${host}主持，居民${attendance}人参加，网格员和共建单位代表列席。`,
    '',
    '一、居民说事',
  ];
  const raised = matters.filter((m) => m.status !== 'withdrawn');
  raised.forEach((m, i) => {
    const who = m.anonymous ? '一位居民' : `居民${m.authorName}`;
    const o = m.outcome!;
    const what = o.kind === 'notAccepted' ? `不予受理。理由：${o.reason}` : `${outcomeWords[o.kind]}。${o.note ?? ''}`;
    lines.push(`${i + 1}. ${who}反映：${m.text}（附议${m.secondCount}人）`, `   结果：${what}`);
  });
  const count = (k: MatterStatus) => matters.filter((m) => m.status === k).length;
  const withdrawn = count('withdrawn');
  lines.push(
    '',
    '二、会议小结',
    `本次共收到说事${matters.length}件${withdrawn ? `（会前撤回${withdrawn}件）` : ''}，当场解决${count('solvedOnSpot')}件，转入五单办理${count('toFiveLists')}件，不予受理${count('notAccepted')}件，已当面向居民说明理由。`,
    '',
    '三、下一步',
    '转入五单的事项由网格收单，报街道分单、大工委审单后由共建单位领单办理，办理情况在下期说事会上通报，请居民评单。',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// past sessions

interface Forced {
  author: string;
  template: string;
  status: MatterStatus;
}

/** Wang and Li have matters of every kind in c-heping's recent sessions, so their pages show every state. */
const forcedByRecency: Record<string, Record<number, Forced[]>> = {
  'c-heping': {
    0: [{ author: 'resident-wang', template: 'watertank', status: 'toFiveLists' }],
    1: [
      { author: 'resident-wang', template: 'stairlight', status: 'solvedOnSpot' },
      { author: 'resident-li', template: 'parking', status: 'toFiveLists' },
    ],
    2: [{ author: 'resident-wang', template: 'bus', status: 'notAccepted' }],
    3: [{ author: 'resident-li', template: 'health', status: 'solvedOnSpot' }],
    4: [{ author: 'resident-wang', template: 'sorting', status: 'withdrawn' }],
    6: [{ author: 'resident-wang', template: 'canteen', status: 'solvedOnSpot' }],
  },
  'c-jinlvzhou': {
    0: [{ author: 'resident-zhao', template: 'cctv', status: 'toFiveLists' }],
    2: [{ author: 'resident-zhao', template: 'afterschool', status: 'toFiveLists' }],
    5: [{ author: 'resident-zhao', template: 'leak', status: 'notAccepted' }],
  },
};

interface PastSession {
  session: Session;
  matters: MatterRecord[];
  seconds: Item[];
}

function planPastSession(
  base: Omit<Session, 'state' | 'matterCount' | 'version'>,
  recency: number,
  number: number,
  residents: PersonPlan[],
  host: PersonPlan,
): PastSession {
  const r = rng(`past#${base.id}`);
  const forced = forcedByRecency[base.communityId]?.[recency] ?? [];
  const count = Math.max(forced.length, 3 + Math.floor(r() * 5));
  const usedTemplates = new Set(forced.map((f) => f.template));
  const starts = Date.parse(base.startsAt);
  const cutoff = Date.parse(base.cutoffAt);
  const windowStart = starts - 9 * DAY;
  const matters: MatterRecord[] = [];
  const seconds: Item[] = [];

  for (let j = 0; j < count; j++) {
    const f = forced[j];
    let template: MatterTemplate;
    if (f) template = templateByKey.get(f.template)!;
    else {
      do template = pick(r, matterTemplates);
      while (usedTemplates.has(template.key));
      usedTemplates.add(template.key);
    }
    const author = f ? residents.find((p) => p.openid === f.author)! : pick(r, residents.filter((p) => !forced.some((x) => x.author === p.openid)));
    const filled = fill(r, template, base.communityId);
    let status: MatterStatus;
    if (f) status = f.status;
    else if (r() < 0.07) status = 'withdrawn';
    else {
      const options: [MatterStatus, number][] = [];
      if (template.spot) options.push(['solvedOnSpot', 0.45]);
      if (template.five) options.push(['toFiveLists', 0.42]);
      options.push(['notAccepted', template.no ? 0.25 : 0.06]);
      const total = options.reduce((s, [, w]) => s + w, 0);
      let x = r() * total;
      status = options.find(([, w]) => (x -= w) < 0)?.[0] ?? options[0]![0];
    }
    const createdAt = new Date(windowStart + Math.floor(r() * (cutoff - 30 * MIN - windowStart)));
    const id = fixedId(createdAt, `${base.id}#${j}`);
    const anonymous = !f && r() < 0.1;
    const location = r() < 0.25 ? locationNear(r, base.communityId, filled.address) : undefined;

    // neighbours who backed it, before the cut-off
    const others = residents.filter((p) => p.userId !== author.userId);
    const k = status === 'withdrawn' ? Math.floor(r() * 2) : Math.floor(r() * r() * 11);
    const backers = sample(r, others, k);
    for (const b of backers) {
      const at = new Date(createdAt.getTime() + Math.floor(r() * (cutoff - createdAt.getTime())));
      seconds.push({ ...keys.second(id, b.userId), entity: 'second', userId: b.userId, at: at.toISOString() });
    }

    let outcome: MatterRecord['outcome'];
    let updatedAt = createdAt;
    let version = 0;
    if (status === 'withdrawn') {
      updatedAt = new Date(createdAt.getTime() + Math.floor(r() * (cutoff - createdAt.getTime())));
      version = 1;
    } else if (status !== 'submitted') {
      const recordedAt = new Date(starts + (10 + j * 12 + Math.floor(r() * 6)) * MIN);
      const kind = status;
      outcome = {
        kind,
        note: kind === 'solvedOnSpot' ? filled.spot : kind === 'toFiveLists' ? filled.five : undefined,
        reason: kind === 'notAccepted' ? (filled.no ?? pick(r, genericReasons)) : undefined,
        recordedBy: host.userId,
        recordedAt: recordedAt.toISOString(),
      };
      updatedAt = recordedAt;
      version = 1;
    }
    matters.push({
      id,
      sessionId: base.id,
      communityId: base.communityId,
      subdistrictId: base.subdistrictId,
      authorId: author.userId,
      authorName: author.displayName,
      anonymous,
      category: template.category,
      text: filled.text,
      photoKeys: [],
      location,
      status,
      outcome,
      secondCount: backers.length,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
      cutoffAt: base.cutoffAt,
      version,
    });
  }

  const counted = (s: MatterStatus) => matters.filter((m) => m.status === s).length;
  const attendance = 12 + Math.floor(r() * 28) + Math.min(10, seconds.length);
  const startedAt = new Date(starts + Math.floor(r() * 5) * MIN).toISOString();
  const closedAt = new Date(Date.parse(base.endsAt) - Math.floor(r() * 25) * MIN).toISOString();
  const agendaOrder = [...matters].sort((a, b) => b.secondCount - a.secondCount || a.createdAt.localeCompare(b.createdAt));
  const session: Session = {
    ...base,
    state: 'closed',
    hostId: host.userId,
    hostName: host.displayName,
    attendance,
    minutes: '',
    // withdrawn matters do not count in their session (withdrawMatter takes them off)
    matterCount: matters.filter((m) => m.status !== 'withdrawn').length,
    startedAt,
    closedAt,
    summary: { solvedOnSpot: counted('solvedOnSpot'), toFiveLists: counted('toFiveLists'), notAccepted: counted('notAccepted'), withdrawn: counted('withdrawn') },
    version: 3,
  };
  session.minutes = minutesOf(session, host.displayName, attendance, number, agendaOrder);
  return { session, matters, seconds };
}

// ---------------------------------------------------------------------------------------------------------------
// in-process API calls at a chosen time

interface ApiRes {
  status: number;
  body: any;
}

/** The seed's own requests and jobs log warnings and errors only, whatever the level of the caller's logger. */
function quiet(log: Logger): Logger {
  return { debug() {}, info() {}, warn: log.warn, error: log.error, child: (fields) => quiet(log.child(fields)) };
}

function apiAt(deps: Deps, counter: { calls: number }) {
  return async (at: Date, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiRes> => {
    counter.calls++;
    const res = await handleAny(
      {
        rawPath: path,
        rawQueryString: '',
        headers: { ...headers, authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
        requestContext: { requestId: `seed-${counter.calls}`, http: { method } },
      },
      { ...deps, clock: fixedClock(at) },
    );
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  };
}

// ---------------------------------------------------------------------------------------------------------------
// the seed

export async function seed(deps: Deps, opts: { now?: Date; log?: (line: string) => void } = {}): Promise<SeedSummary> {
  const started = performance.now();
  const now = opts.now ?? deps.clock.now();
  const log = opts.log ?? (() => {});
  deps = { ...deps, log: quiet(deps.log) };
  const db = deps.db;
  let written = 0;
  let skipped = 0;
  const api = { calls: 0 };

  /**
   * Writes the items that are not there yet; what is there (an earlier run, or a person who changed their name since)
   * is left alone. One BatchGetItem per 100 keys finds them, one BatchWriteItem per 25 writes the rest: on DynamoDB
   * Local that is several times faster than a transaction or a conditional put per item.
   */
  async function writeAbsent(items: Item[]): Promise<void> {
    const id = (k: Item) => `${String(k.pk)}\u0000${String(k.sk)}`;
    const there = new Set((await db.batchGet(items.map((it) => ({ pk: it.pk as string, sk: it.sk as string })))).map(id));
    const absent = items.filter((it) => !there.has(id(it)));
    skipped += items.length - absent.length;
    await bulkPut(db, absent, 'seed', (n) => (written += n));
  }

  // 1. the organisation tree and each community's say-it day rule
  const since = new Date(now.getTime() - 400 * DAY).toISOString();
  const orgItems: Item[] = [];
  for (const u of units) {
    orgItems.push({ ...keys.unit(u.id), entity: 'unit', ...u });
    if (u.inviteCode) orgItems.push({ ...keys.inviteCode(u.inviteCode), entity: 'inviteCode', communityId: u.id });
  }
  for (const c of communities) {
    orgItems.push({ ...keys.scheduleRule(c.id), entity: 'scheduleRule', ...defaultScheduleRule(c.id), place: places[c.id]!, updatedAt: since, version: 1 });
  }

  // 2. people: openid → user, profile, grants; and a few waiting for a worker to confirm them
  const people = peoplePlan();
  const byOpenid = new Map(people.map((p) => [p.openid, p]));
  const itemsOf = new Map<string, Item[]>();
  let grants = 0;
  people.forEach((p, i) => {
    const peopleItems: Item[] = [];
    itemsOf.set(p.userId, peopleItems);
    const createdAt = new Date(now.getTime() - 400 * DAY + i * 3 * DAY).toISOString();
    peopleItems.push({ ...keys.openid(p.openid), entity: 'openid', userId: p.userId });
    peopleItems.push({
      ...keys.user(p.userId),
      entity: 'user',
      id: p.userId,
      openid: p.openid,
      displayName: p.displayName,
      createdAt,
      communityId: p.communityId,
      gridId: p.communityId ? p.gridId : undefined,
      pendingCommunityId: p.pending?.communityId,
    });
    for (const [role, unitId] of p.roles) {
      peopleItems.push(grantItem(p.userId, role, unitById.get(unitId)! as Unit, { displayName: p.displayName, gridId: p.gridId }));
      grants++;
    }
    if (p.pending) {
      peopleItems.push({
        ...keys.bindingRequest(p.pending.communityId, p.userId),
        entity: 'bindingRequest',
        userId: p.userId,
        communityId: p.pending.communityId,
        gridId: p.pending.gridId,
        note: p.pending.note,
        requestedAt: new Date(now.getTime() - (2 + (i % 3)) * DAY).toISOString(),
      });
    }
  });
  // a person who is there already keeps what they have now (a confirmed binding, a revoked grant, a new name)
  const known = new Set((await db.batchGet<{ id: string }>(people.map((p) => keys.user(p.userId)))).map((u) => u.id));
  skipped += known.size;
  await writeAbsent([...orgItems, ...people.filter((p) => !known.has(p.userId)).flatMap((p) => itemsOf.get(p.userId)!)]);
  log(`org tree and ${people.length} people`);

  // 3. the coming sessions, from the real job
  const upcoming = await createSessions(deps, now);

  // 4. a year of past sessions, closed, with their matters and seconds
  const residentsOf = (communityId: string) => people.filter((p) => p.communityId === communityId);
  const past: PastSession[] = [];
  for (const c of communities) {
    const rule = { ...defaultScheduleRule(c.id), place: places[c.id]! };
    const dates = sessionDates(rule, new Date(now.getTime() - 365 * DAY), 365).filter((d) => Date.parse(sessionTimes(rule, d).endsAt) < now.getTime());
    const residents = residentsOf(c.id);
    const host = byOpenid.get(hosts[c.id]!)!;
    const year = (d: string) => d.slice(0, 4);
    dates.forEach((date, i) => {
      const number = dates.slice(0, i + 1).filter((d) => year(d) === year(date)).length;
      const base = {
        id: sessionId(c.id, date),
        communityId: c.id,
        subdistrictId: c.path[0]!,
        communityName: c.name,
        date,
        ...sessionTimes(rule, date),
        place: rule.place,
      };
      past.push(planPastSession(base, dates.length - 1 - i, number, residents, host));
    });
  }
  // a session that is there already (an earlier run) keeps what it has
  const present = new Set(
    (await db.batchGet<{ id: string }>(past.map((p) => keys.session(p.session.communityId, p.session.date)))).map((s) => s.id),
  );
  const toWrite = past.filter((p) => !present.has(p.session.id));
  skipped += past.length - toWrite.length;
  // matters and seconds first, the session last: a session that is there has everything. The session is put where
  // absent in one transaction with the work summary's counters its close would have added (closeSession), so they equal
  // a recount and a second run adds nothing
  await writeAbsent(toWrite.flatMap((p) => [...p.matters.map((m) => matterItem(m) as Item), ...p.seconds]));
  await pool(toWrite, 8, async (p) => {
    const counted = figureAdds(p.session, chinaInstant(p.session.date), sayItDayLedger.ledger, sessionFigures(p.session, p.matters.map((m) => m.status)));
    await db.transact([{ put: sessionItem(p.session) as Item, if: { expr: 'attribute_not_exists(#pk)' } }, ...counted]);
    written += 1;
  });
  log(`${past.length} past sessions (${toWrite.length} written)`);

  const statusCounts: Record<MatterStatus, number> = { submitted: 0, withdrawn: 0, solvedOnSpot: 0, toFiveLists: 0, notAccepted: 0 };
  let secondCount = 0;
  for (const p of past) {
    for (const m of p.matters) statusCounts[m.status]++;
    secondCount += p.seconds.length;
  }

  // 5. the next session of each community, through the API: matters, seconds, a withdrawal
  const call = apiAt(deps, api);
  const tokenFor = (p: PersonPlan, at: Date) =>
    signAccessToken({ userId: p.userId, displayName: p.displayName, grants: grantsOf(p) }, deps.config.tokenSecret, at, 60 * DAY / 1000);
  const nextSessionIds: Record<string, string> = {};
  const seededUsers = new Set(people.map((p) => p.userId));
  const nextSessions = await Promise.all(communities.map(async (c) => {
    const soon = await listSessions(db, c.id, chinaDay(now), chinaDay(now.getTime() + 62 * DAY), true, 10);
    const next = soon.find((s) => isOpenForMatters(s, now));
    if (!next) return undefined;
    const existing = (await listMattersOfSession(db, next.id)).filter((m) => seededUsers.has(m.authorId));
    if (existing.length) {
      for (const m of existing) {
        statusCounts[m.status]++;
        secondCount += m.secondCount;
      }
      skipped += existing.length;
      return next.id;
    }
    const residents = residentsOf(c.id);
    const generated = residents.filter((p) => p.openid.startsWith('r-'));
    const plans = upcomingPlans[c.id] ?? [];
    const r = rng(`upcoming#${c.id}`);
    const windowStart = Math.min(Math.max(now.getTime() - 7 * DAY, Date.parse(next.startsAt) - 9 * DAY), now.getTime() - 3 * 3600_000);
    const windowEnd = now.getTime() - 20 * MIN;
    const span = Math.max(windowEnd - windowStart, plans.length * 2 * MIN);
    const tokenAt = new Date(windowStart - MIN);
    // matters one after another (each counts on the session), then the seconds of different matters side by side
    // (each matter's one after another: they all count on the matter), then the withdrawals
    const made: { matterId: string; at: Date; author: PersonPlan; plan: UpcomingPlan; backers: PersonPlan[]; whens: Date[] }[] = [];
    for (const [i, plan] of plans.entries()) {
      const author = plan.author.startsWith('#') ? generated[Number(plan.author.slice(1)) - 1]! : byOpenid.get(plan.author)!;
      const filled = fill(r, templateByKey.get(plan.template)!, c.id);
      const at = new Date(windowStart + Math.floor(((i + r() * 0.8) / plans.length) * span * 0.85));
      const body = {
        category: filled.template.category,
        text: filled.text,
        anonymous: !!plan.anonymous,
        ...(plan.withLocation ? { location: locationNear(r, c.id, filled.address) } : {}),
      };
      const res = await call(at, 'POST', `/sessions/${next.id}/matters`, tokenFor(author, tokenAt), body, { 'idempotency-key': `seed-${next.id}-${i}` });
      if (res.status !== 201) throw new Error(`seed: submitting a matter to ${next.id} answered ${res.status} ${JSON.stringify(res.body)}`);
      const backers = sample(r, residents.filter((p) => p.userId !== author.userId), plan.seconders);
      const whens = backers.map(() => new Date(at.getTime() + Math.floor(r() * (windowEnd - at.getTime()))));
      made.push({ matterId: res.body.id as string, at, author, plan, backers, whens });
    }
    await Promise.all(
      made.map(async ({ matterId, backers, whens }) => {
        for (const [k, b] of backers.entries()) {
          const s = await call(whens[k]!, 'POST', `/matters/${matterId}/seconds`, tokenFor(b, tokenAt));
          if (s.status === 201) secondCount++;
          else if (s.status !== 409) throw new Error(`seed: seconding ${matterId} answered ${s.status} ${JSON.stringify(s.body)}`);
        }
      }),
    );
    for (const { matterId, author, plan } of made) {
      if (plan.withdraw) {
        const w = await call(new Date(windowEnd), 'POST', `/matters/${matterId}/withdraw`, tokenFor(author, tokenAt));
        if (w.status !== 200) throw new Error(`seed: withdrawing ${matterId} answered ${w.status} ${JSON.stringify(w.body)}`);
        statusCounts.withdrawn++;
      } else statusCounts.submitted++;
    }
    return next.id;
  }));
  communities.forEach((c, i) => {
    if (nextSessions[i]) nextSessionIds[c.id] = nextSessions[i]!;
  });
  log(`upcoming sessions: ${Object.values(nextSessionIds).join(', ')}`);

  // 6. who asked to be reminded the day before: the named residents and about half of the others
  const rr = rng('reminders');
  const subscribers = people.filter((p) => p.communityId && (!p.openid.startsWith('r-') || rr() < 0.5));
  await writeAbsent(subscribers.map((p) => ({ ...keys.reminderSubscription(p.communityId!, p.userId), entity: 'reminderSubscription', userId: p.userId, at: since })));

  // 7. inboxes of the named residents: outcomes of their recent matters, and the day-before reminders of the last sessions.
  // Their ids are time-sorted (no dedupe key: a dedupe key makes a hash id, which would not sort by time in the inbox),
  // so an inbox is filled only while it is empty.
  let inboxItems = 0;
  const notify = async (at: Date, n: Parameters<typeof notificationWrites>[1]) => {
    const ctx = makeCtx({ ...deps, clock: fixedClock(at) }, 'seed');
    await db.transact(notificationWrites(ctx, n));
    written += 3;
  };
  const named = ['resident-wang', 'resident-li', 'resident-zhao'].map((o) => byOpenid.get(o)!);
  const recentFrom = now.getTime() - 100 * DAY;
  await Promise.all(named.map(async (person) => {
    const planned: Array<[Date, Parameters<typeof notificationWrites>[1]]> = [];
    const theirs = past.flatMap((p) => p.matters).filter((m) => m.authorId === person.userId && m.outcome && Date.parse(m.outcome.recordedAt) > recentFrom);
    for (const m of theirs) {
      const kind = m.outcome!.kind;
      const short = m.text.length > 18 ? `${m.text.slice(0, 18)}…` : m.text;
      planned.push([new Date(m.outcome!.recordedAt), {
        userId: person.userId,
        template: 'matterOutcome',
        text: text('sayItDay.outcome', { matter: short, kind, note: m.outcome!.reason || m.outcome!.note || undefined }),
        link: `/packages/sayItDay/matter/index?id=${m.id}`,
        data: { thing1: short.slice(0, 20), phrase2: outcomeWords[kind], date3: m.outcome!.recordedAt.slice(0, 10) },
      }]);
    }
    const lastSessions = past.filter((p) => p.session.communityId === person.communityId).slice(-3);
    for (const { session: s } of lastSessions) {
      const time = chinaClock(s.startsAt);
      planned.push([new Date(Date.parse(s.startsAt) - DAY + 60 * MIN), {
        userId: person.userId,
        template: 'sessionReminder',
        text: text('sayItDay.sessionReminder', { community: s.communityName, date: s.date, time, place: s.place }),
        link: `/packages/sayItDay/session/index?id=${s.id}`,
        data: { thing1: `${s.communityName}说事会`.slice(0, 20), time2: `${s.date} ${time}`, thing3: s.place.slice(0, 20) },
      }]);
    }
    inboxItems += planned.length;
    const { items: present } = await db.query({ pk: keys.inboxState(person.userId).pk, prefix: 'INBOX#', limit: 1 });
    if (present.length) {
      skipped += planned.length;
      return;
    }
    for (const [at, n] of planned) await notify(at, n);
    // they have read all but the newest two, through the API as the app would
    const token = tokenFor(person, new Date(now.getTime() - MIN));
    const inbox = await call(now, 'GET', '/me/inbox', token);
    const older = (inbox.body?.items ?? []).slice(2).map((i: { id: string }) => i.id);
    if (older.length) await call(now, 'POST', '/me/inbox/read', token, { ids: older });
  }));

  // 8. sign-ups: volunteers, teams, a season of activities and events, the time bank (scripts/seedSignups.ts)
  const su = await seedSignups({ deps, now, people, call, tokenFor: (openid, at) => tokenFor(byOpenid.get(openid)!, at), log });
  written += su.written;
  skipped += su.skipped;
  // 8a. the work summary's last whole half-year: councils, consultations, volunteering and events in those months,
  // through the handlers, so their figures are counted as in production (scripts/seedHalfYear.ts)
  const hy = await seedHalfYear({ deps, now, call, tokenFor: (openid, at) => tokenFor(byOpenid.get(openid)!, at), userIdOf: (openid) => byOpenid.get(openid)!.userId, log });
  skipped += hy.skipped;

  // 8b. relief: applications in every state, half a year of payments, the registry, visits (scripts/seedRelief.ts)
  await seedReliefRules({ deps, now, call, tokenFor: (openid, at) => tokenFor(byOpenid.get(openid)!, at) }); // relief rules' first versions (scripts/seedReliefRules.ts), before any application
  const relief = await seedRelief({ deps, now, people, call, tokenFor: (openid, at) => tokenFor(byOpenid.get(openid)!, at), log });
  written += relief.written;
  skipped += relief.skipped;

  // 8c. announcements: pinned, scheduled, to a building, to the sub-district; some read (scripts/seedAnnouncements.ts)
  const ann = await seedAnnouncements({ deps, now, people, call, tokenFor: (openid, at) => tokenFor(byOpenid.get(openid)!, at), log });
  written += ann.written;
  skipped += ann.skipped;

  // 8d. casework: mediations, city cases on patrol, 12345 tickets imported every ten days (scripts/seedCases.ts)
  const cs = await seedCases({ deps, now, call, tokenFor: (openid, at) => tokenFor(byOpenid.get(openid)!, at), log });
  skipped += cs.skipped;

  // 9. the five lists, councils and consultations (scripts/seedFiveLists.ts); last, because it leaves the named
  // residents' inboxes with only their two newest messages unread
  const five = await seedFiveLists(deps, { now, people, matters: past.flatMap((p) => p.matters), seconds: past.flatMap((p) => p.seconds), log });
  written += five.written;
  skipped += five.skipped;
  api.calls += five.apiCalls;

  // 9a. elder care: providers, the menu, half a year of served meals and baths, next week's bookings (scripts/seedElderCare.ts)
  const ec = await seedElderCare({ deps, now, call, tokenFor: (openid, at) => tokenFor(byOpenid.get(openid)!, at), userIdOf: (openid) => byOpenid.get(openid)!.userId, log });
  skipped += ec.skipped;

  // 9b. employment (job seekers, vacancies, referrals, placements, training) and micro-projects from the matters and
  // councils above, with budgets, spending and receipts (scripts/seedEmployment.ts, scripts/seedMicroProjects.ts)
  const emp = await seedEmployment({ deps, now, call, tokenFor: (openid, at) => tokenFor(byOpenid.get(openid)!, at), log });
  skipped += emp.skipped;
  const mp = await seedMicroProjects({
    deps,
    now,
    call,
    tokenFor: (openid, at) => tokenFor(byOpenid.get(openid)!, at),
    matters: past.flatMap((p) => p.matters),
    userIdOf: (openid) => byOpenid.get(openid)!.userId,
    log,
  });
  skipped += mp.skipped;
  skipped += (await seedSafety({ deps, now, call, tokenFor: (openid, at) => tokenFor(byOpenid.get(openid)!, at), userIdOf: (openid) => byOpenid.get(openid)!.userId, log })).skipped;

  // 10. the work summary of the last whole half-year as officer-huang opens it: which ledgers the seed gave figures
  log((await workSummaryCheck(deps, { now, token: tokenFor(byOpenid.get('officer-huang')!, now) })).line);

  const matters = { ...statusCounts, total: Object.values(statusCounts).reduce((a, b) => a + b, 0) };
  const summary: SeedSummary = {
    units: units.length,
    people: people.length,
    residents: people.filter((p) => p.communityId).length,
    grants,
    bindingRequests: pendingPeople.length,
    sessions: { pastClosed: past.length, upcoming: upcoming.created + upcoming.existing },
    matters,
    seconds: secondCount,
    reminderSubscriptions: subscribers.length,
    inboxItems,
    nextSessionIds,
    relief,
    written,
    skipped,
    apiCalls: api.calls,
    ms: Math.round(performance.now() - started),
  };
  log(`seeded in ${summary.ms} ms`);
  return summary;
}

export function formatSummary(s: SeedSummary): string {
  const m = s.matters;
  return [
    `units ${s.units} · people ${s.people} (residents ${s.residents}, grants ${s.grants}, waiting for binding ${s.bindingRequests})`,
    `sessions: ${s.sessions.pastClosed} past (closed, with minutes), ${s.sessions.upcoming} upcoming; next: ${Object.values(s.nextSessionIds).join(', ')}`,
    `matters ${m.total}: submitted ${m.submitted}, withdrawn ${m.withdrawn}, solvedOnSpot ${m.solvedOnSpot}, toFiveLists ${m.toFiveLists}, notAccepted ${m.notAccepted}`,
    `seconds ${s.seconds} · reminder subscriptions ${s.reminderSubscriptions} · inbox items ${s.inboxItems}`,
    `relief applications ${Object.entries(s.relief.applications).map(([k, v]) => `${k} ${v}`).join(', ')} (${s.relief.proxy} by proxy); ${s.relief.payments} payments ${s.relief.periods.from}..${s.relief.periods.to}; registry ${s.relief.registry} (${s.relief.flagged} flagged)`,
    `${s.written} items written, ${s.skipped} already there, ${s.apiCalls} API calls, ${s.ms} ms`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

if (/seed\.(ts|js)$/.test(process.argv[1] ?? '')) {
  // the seed's own requests would be a hundred log lines: warnings and errors only
  process.env.LOG_LEVEL = process.env.SEED_LOG_LEVEL ?? 'warn';
  const i = process.argv.indexOf('--now');
  const now = i >= 0 ? new Date(process.argv[i + 1]!) : undefined;
  (async () => {
    const config = readConfig();
    const client = dynamoClient(process.env.DYNAMODB_ENDPOINT);
    if (process.env.DYNAMODB_ENDPOINT) {
      await ensureTable(client, config.tableName, console.log);
    }
    const deps: Deps = {
      db: new Db(client, config.tableName),
      clock: now ? fixedClock(now) : systemClock,
      config,
      wechat: wechatClient(config.wechat),
      storage: s3Storage(config.uploads),
      log: createLogger(),
    };
    console.log(`seeding table ${config.tableName}${process.env.DYNAMODB_ENDPOINT ? ` on ${process.env.DYNAMODB_ENDPOINT}` : ''}…`);
    const summary = await seed(deps, { now, log: (l) => console.log(`  ${l}`) });
    console.log(formatSummary(summary));
    client.destroy();
  })().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
