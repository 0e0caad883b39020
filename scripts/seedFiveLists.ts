/**
 * Seed data for the five lists (五单工作法), councils (居民议事会) and consultations (民生决策咨询): a year of matters
 * through every state across the three communities and both partner units, so that scores and rates mean something.
 *
 * How it writes:
 *   - every past say-it day matter whose outcome was "into the five lists" enters `collected` at the moment the outcome
 *     was recorded, with the same record and writes the session's outcome makes (`collectWrites` / `collectedRecord`);
 *     a few matters a grid worker took in on a walk round or from a hotline call enter the same way, with fixed ids;
 *   - the matters of the last five weeks go on through the real handlers (`handleAny`), each step at its own moment
 *     (a moved clock): dispatch, return, merge, review, claim, extension, resolve, ratings (and a reopen), close; the
 *     real job (`escalateOverdue`) runs every week of those weeks and at `now` (closing expired rating windows,
 *     telling the next level up what is overdue);
 *   - the older matters took the same main road (dispatch, confirm, claim, resolve, ratings, the job's close) long ago:
 *     they are written as those commands leave them (matter, history, ratings, the unit's score ledger entry) in
 *     batches, because on DynamoDB Local a year of transactions takes minutes;
 *   - councils and consultations are made, voted on and commented through the handlers.
 * The water company (p-water, contact unit-sun) works a little better and faster than the power station (p-power,
 * contact unit-qian), so their scores differ. The most recent matters stop at every state a screen shows; 王秀兰's
 * newest matter waits for her rating.
 * Idempotent: a matter that is in the five lists already, a community that has councils, a unit that has consultations
 * are left alone; a second run writes nothing.
 */
import { createHash } from 'node:crypto';
import { rng } from './seedRandom';
import { handleAny } from '../functions/app';
import { fixedClock } from '../functions/platform/clock';
import { figureAdds } from '../functions/platform/figures';
import { asEntryFigures, entryFigures } from '../functions/fiveLists/figures';
import { makeCtx, type Deps } from '../functions/platform/context';
import type { Item } from '../functions/platform/db';
import { bulkPut, pool } from './bulk';
import { collectedRecord, collectWrites, fiveListItem, historyItem, type FiveListRecord } from '../functions/fiveLists/intake';
import { keys } from '../functions/platform/keys';
import { signAccessToken } from '../functions/platform/tokens';
import { escalateOverdue } from '../functions/fiveLists/jobs';
import type { MatterRecord } from '../functions/sayItDay/store';
import type { MatterCategory } from '../shared/sayItDay/schemas';
import type { FiveListState } from '../shared/fiveLists/schemas';
import { proposedResolveBy, stepDeadline } from '../shared/fiveLists/deadlines';
import { chinaDay, chinaYear } from '../shared/platform/chinaTime';
import type { Role } from '../shared/org/schemas';
import { communities, SUBDISTRICT, units } from './seedData';

export interface FiveListsSeedPerson {
  openid: string;
  userId: string;
  displayName: string;
  roles: [Role, string][];
  communityId?: string;
}

export interface FiveListsSeedSummary {
  matters: number;
  /** final state of the matters this run took through the lists */
  states: Record<string, number>;
  ratings: number;
  councils: number;
  consultations: number;
  votes: number;
  written: number;
  skipped: number;
  apiCalls: number;
}

const DAY = 86_400_000;

const between = (r: () => number, lo: number, hi: number) => lo + r() * (hi - lo);


const unitPath = new Map(units.map((u) => [u.id, u.path]));

/** What a unit does, and how well residents think it did. */
const units5 = {
  'p-water': { contact: 'unit-sun', onTime: 0.9, levels: [0.72, 0.2, 0.08] },
  'p-power': { contact: 'unit-qian', onTime: 0.72, levels: [0.5, 0.3, 0.2] },
} as const;
type UnitId = keyof typeof units5;


/** The unit a matter goes to: who its text (or the session's note) names, else either. */
function unitFor(p: { text: string; note?: string }, r: () => number): UnitId {
  const words = `${p.text}${p.note ?? ''}`;
  if (/自来水|水管|供水|排水|漏水|水箱|水压/.test(words)) return 'p-water';
  if (/供电|电线|路灯|配电|充电|跳闸/.test(words)) return 'p-power';
  return r() < 0.55 ? 'p-water' : 'p-power';
}
const unitName = (id: UnitId) => units.find((u) => u.id === id)!.name;

/** Matters collected in the last weeks go through the handlers; older ones are written as the commands left them. */
const HANDLER_DAYS = 35;

const resolveNotes: Record<MatterCategory, string[]> = {
  environment: ['已安排人员现场清理并完成整改，设专人每周巡查。', '已疏通管道并清运淤泥，经住户确认不再反水。', '已更换损坏设施并恢复正常使用。'],
  safety: ['已现场排查隐患并完成整改，设置警示标识。', '已更换老化线路和设施，复查合格。', '已会同物业完成整改，纳入日常巡查。'],
  communityBuilding: ['已完成施工并交付使用，居民代表参与验收。', '已协调相关单位落实，方案已在公示栏公示。'],
  personalDifficulty: ['已上门了解情况并落实帮扶措施。'],
  other: ['已按居民意见办理完毕，并电话回访。'],
};
const comments = {
  satisfied: ['办得很快，谢谢！', '工作人员态度很好，问题解决了。', '很满意，希望以后也这样。', ''],
  partly: ['问题基本解决，但拖的时间有点长。', '解决了一部分，还有一些小问题。', ''],
  notSatisfied: ['问题还是没有解决，希望再来看看。', '只是临时处理，过几天又坏了。'],
} as const;

/** A walk round or a hotline call a grid worker took in: enters the lists like a session's matter does. */
interface Direct {
  key: string;
  communityId: string;
  gridId: string;
  worker: string;
  source: 'walkRound' | 'hotline';
  category: MatterCategory;
  text: string;
  reporterName?: string;
  daysAgo: number;
  stop?: Stop;
}
const directs: Direct[] = [
  { key: 'walk-1', communityId: 'c-heping', gridId: 'g-heping-1', worker: 'grid-chen', source: 'walkRound', category: 'safety', text: '和平里小区7号楼消防通道被私家车长期占用，巡查时发现消防车无法通行。', daysAgo: 0.25, stop: 'collected' },
  { key: 'hotline-1', communityId: 'c-jinlvzhou', gridId: 'g-jinlvzhou-1', worker: 'grid-lin', source: 'hotline', category: 'environment', text: '居民来电反映金绿洲花园地下车库积水，有异味，已持续一周。', reporterName: '来电居民', daysAgo: 3.5, stop: 'collected' },
  { key: 'walk-2', communityId: 'c-yuanxin', gridId: 'g-yuanxin-1', worker: 'grid-ma', source: 'walkRound', category: 'safety', text: '元信小区3号楼配电箱箱门损坏，电线外露，巡查发现存在触电隐患。', daysAgo: 2, stop: 'dispatched' },
  { key: 'hotline-2', communityId: 'c-heping', gridId: 'g-heping-2', worker: 'grid-he', source: 'hotline', category: 'environment', text: '居民来电：铁路宿舍2号楼二次供水水压不足，高层住户早晚用水困难。', reporterName: '来电居民', daysAgo: 6, stop: 'claimedExtension' },
  { key: 'walk-3', communityId: 'c-jinlvzhou', gridId: 'g-jinlvzhou-2', worker: 'grid-guo', source: 'walkRound', category: 'safety', text: '滨河苑北侧路段路灯整排不亮，晚上行人和电动车较多，容易发生事故。', daysAgo: 24 },
  { key: 'walk-4', communityId: 'c-yuanxin', gridId: 'g-yuanxin-2', worker: 'grid-luo', source: 'walkRound', category: 'environment', text: '纺织厂宿舍雨水井盖破损下陷，巡查时发现已有老人险些绊倒。', daysAgo: 75 },
  { key: 'hotline-3', communityId: 'c-yuanxin', gridId: 'g-yuanxin-1', worker: 'grid-ma', source: 'hotline', category: 'other', text: '居民来电反映元信家园小区电动车充电桩经常跳闸，无法正常充电。', reporterName: '来电居民', daysAgo: 140 },
  { key: 'walk-5', communityId: 'c-heping', gridId: 'g-heping-1', worker: 'grid-chen', source: 'walkRound', category: 'environment', text: '和平路北院自来水管道漏水，路面长期湿滑结冰，巡查发现需抢修。', daysAgo: 210 },
];

/** Where a recent matter stops, so that every state a screen shows is there on first start. */
type Stop = 'collected' | 'dispatched' | 'returned' | 'reviewed' | 'claimed' | 'claimedExtension' | 'resolved' | 'reopened';
const recentStops: Stop[] = ['reviewed', 'returned', 'claimed', 'reopened', 'dispatched', 'claimedExtension', 'resolved', 'claimed'];

interface Plan {
  id: string;
  communityId: string;
  category: MatterCategory;
  text: string;
  note?: string;
  at: number;
  authorId: string;
  backers: string[];
  stop?: Stop;
  /** squeeze the steps into the time there was (a recent matter that must reach its stop) */
  squeeze?: boolean;
  mergeInto?: string;
}

export async function seedFiveLists(
  deps: Deps,
  opts: { now: Date; people: FiveListsSeedPerson[]; matters: MatterRecord[]; seconds: Item[]; log?: (line: string) => void },
): Promise<FiveListsSeedSummary> {
  const { now, people } = opts;
  const log = opts.log ?? (() => {});
  const db = deps.db;
  const nowMs = now.getTime();
  const summary: FiveListsSeedSummary = { matters: 0, states: {}, ratings: 0, councils: 0, consultations: 0, votes: 0, written: 0, skipped: 0, apiCalls: 0 };
  const byOpenid = new Map(people.map((p) => [p.openid, p]));
  const byUserId = new Map(people.map((p) => [p.userId, p]));
  const who = (openid: string) => byOpenid.get(openid)!;

  const token = (p: FiveListsSeedPerson, at: number) =>
    signAccessToken(
      { userId: p.userId, displayName: p.displayName, grants: p.roles.map(([role, unitId]) => ({ role, unitId, unitPath: unitPath.get(unitId)! })) },
      deps.config.tokenSecret,
      new Date(at - 60_000),
      3600,
    );
  /** One request as `p` at moment `at`, through the real handlers; answers the body, or throws on an unexpected status. */
  async function as(p: FiveListsSeedPerson, at: number, method: string, path: string, body?: unknown, ok: number[] = [200, 201]): Promise<any> {
    summary.apiCalls++;
    const [rawPath, rawQuery = ''] = path.split('?');
    const res = await handleAny(
      {
        rawPath: rawPath!,
        rawQueryString: rawQuery,
        queryStringParameters: rawQuery ? Object.fromEntries(new URLSearchParams(rawQuery)) : undefined,
        headers: { authorization: `Bearer ${token(p, at)}`, 'idempotency-key': `seed-fl-${createHash('sha1').update(`${method}${path}${p.userId}${at}`).digest('hex').slice(0, 24)}` },
        body: body === undefined ? undefined : JSON.stringify(body),
        requestContext: { requestId: `seed-fl-${summary.apiCalls}`, http: { method } },
      },
      { ...deps, clock: fixedClock(new Date(at)) },
    );
    const out = res.body ? JSON.parse(res.body) : undefined;
    if (!ok.includes(res.statusCode)) throw new Error(`seedFiveLists: ${method} ${path} as ${p.openid} at ${new Date(at).toISOString()} answered ${res.statusCode} ${JSON.stringify(out)}`);
    return out;
  }

  // ------------------------------------------------------------------------------------------------------------
  // 1. what enters the lists: past sessions' matters "into the five lists", and the grid's walk rounds and calls
  const officer = who('officer-huang');
  const backersOf = new Map<string, string[]>();
  for (const s of opts.seconds) {
    const matterId = String(s.pk).replace(/^MATTER#/, '');
    backersOf.set(matterId, [...(backersOf.get(matterId) ?? []), String(s.userId)]);
  }
  const fromSessions = opts.matters
    .filter((m) => m.status === 'toFiveLists' && m.outcome && Date.parse(m.outcome.recordedAt) < nowMs)
    .sort((a, b) => a.outcome!.recordedAt.localeCompare(b.outcome!.recordedAt));
  const plans: Plan[] = fromSessions.map((m) => ({
    id: m.id,
    communityId: m.communityId,
    category: m.category,
    text: m.text,
    note: m.outcome!.note,
    at: Date.parse(m.outcome!.recordedAt),
    authorId: m.authorId,
    backers: backersOf.get(m.id) ?? [],
  }));
  const directId = (d: Direct) => `fl-${d.key}`;
  for (const d of directs) {
    plans.push({ id: directId(d), communityId: d.communityId, category: d.category, text: d.text, at: nowMs - d.daysAgo * DAY, authorId: who(d.worker).userId, backers: [], stop: d.stop, squeeze: !!d.stop });
  }
  // the newest matters stop at every state; 王秀兰's newest waits for her rating
  const recent = plans.filter((p) => !p.stop && nowMs - p.at < 25 * DAY).sort((a, b) => b.at - a.at);
  const wangs = recent.find((p) => p.authorId === who('resident-wang').userId);
  if (wangs) Object.assign(wangs, { stop: 'resolved', squeeze: true });
  recent.filter((p) => p !== wangs).forEach((p, i) => Object.assign(p, { stop: recentStops[i % recentStops.length], squeeze: true }));
  // a duplicate: in the oldest session of the last weeks with two matters, the second is merged into the first
  const bySession = new Map<string, Plan[]>();
  for (const m of fromSessions) bySession.set(m.sessionId, [...(bySession.get(m.sessionId) ?? []), plans.find((p) => p.id === m.id)!]);
  const pair = [...bySession.values()].find((g) => g.length >= 2 && g.every((p) => nowMs - p.at < HANDLER_DAYS * DAY) && g[0] !== wangs && g[1] !== wangs);
  if (pair) Object.assign(pair[1]!, { mergeInto: pair[0]!.id, stop: undefined });

  const bump = (state: string) => (summary.states[state] = (summary.states[state] ?? 0) + 1);
  const existing = new Set((await db.batchGet<{ id: string }>(plans.map((p) => keys.fiveListMatter(p.id)))).map((x) => x.id));
  const todo = plans.filter((p) => !existing.has(p.id));
  summary.skipped += plans.length - todo.length;

  const hostOf: Record<string, string> = { 'c-heping': 'worker-liu', 'c-jinlvzhou': 'worker-wu', 'c-yuanxin': 'worker-zheng' };
  const matterById = new Map(fromSessions.map((m) => [m.id, m]));
  const directById = new Map(directs.map((d) => [directId(d), d]));
  /** What collectWrites / collectedRecord take for a plan: the matter, who took it in, how. */
  function entry(p: Plan) {
    const m = matterById.get(p.id);
    const d = directById.get(p.id);
    const community = communities.find((c) => c.id === p.communityId)!;
    const by = d ? who(d.worker) : who(hostOf[p.communityId]!);
    const author = byUserId.get(p.authorId)!;
    return {
      ctx: makeCtx({ ...deps, clock: fixedClock(new Date(p.at)) }, `seed-fl-collect-${p.id}`),
      matter: {
        id: p.id,
        communityId: p.communityId,
        subdistrictId: community.path[0]!,
        gridId: d?.gridId,
        authorId: author.userId,
        authorName: m?.authorName ?? author.displayName,
        anonymous: m?.anonymous ?? false,
        category: p.category,
        text: p.text,
        photoKeys: [],
        location: m?.location,
        secondCount: m?.secondCount ?? 0,
      },
      by: { userId: by.userId, name: by.displayName },
      opts: d ? { source: d.source, reporterName: d.reporterName, note: d.source === 'hotline' ? '热线来电登记' : '网格巡查发现' } : { note: p.note },
    };
  }
  // The matters of the last weeks go through the handlers, step by step. The older ones took the same steps long ago:
  // they are written as the commands would have left them (simulate(), below), in batches; on DynamoDB Local a
  // year of transactions would take minutes.
  const viaHandlers = todo.filter((p) => p.stop || p.squeeze || nowMs - p.at < HANDLER_DAYS * DAY);
  const viaHandlerIds = new Set(viaHandlers.map((p) => p.id));
  for (const p of todo) if (!viaHandlerIds.has(p.id) && p.mergeInto) delete p.mergeInto;
  await pool(viaHandlers, 4, async (p) => {
    const e = entry(p);
    await db.transact(collectWrites(e.ctx, e.matter, e.by, e.opts));
    summary.written += 2;
  });
  const simulated: Item[] = [];
  const scored: { scope: { subdistrictId: string; communityId: string }; entry: Record<string, unknown> }[] = [];
  for (const p of todo.filter((x) => !viaHandlerIds.has(x.id))) {
    const e = entry(p);
    const record = collectedRecord(e.ctx, e.matter, e.opts.source ?? 'sayItDay', 'reporterName' in e.opts ? e.opts.reporterName : undefined);
    simulated.push(historyItem(record.id, 0, { at: record.createdAt, action: 'collect', to: 'collected', byId: e.by.userId, byName: e.by.name, byResident: false, note: e.opts.note }));
    bump(simulate(p, record, simulated));
  }
  await batchPut(simulated);
  // the work summary's counters the resolve and rate commands would have added, a transaction per community and month
  const byMonth = new Map<string, { scope: { subdistrictId: string; communityId: string }; at: string; add: Record<string, number> }>();
  for (const { scope, entry } of scored) {
    if (!entry.resolved || typeof entry.resolvedAt !== 'string') continue;
    const k = `${scope.communityId}#${entry.resolvedAt.slice(0, 7)}`;
    const acc = byMonth.get(k) ?? { scope, at: entry.resolvedAt, add: {} };
    for (const [f, n] of Object.entries(entryFigures(String(entry.unitId), asEntryFigures(entry)))) acc.add[f] = (acc.add[f] ?? 0) + n;
    byMonth.set(k, acc);
  }
  for (const { scope, at, add } of byMonth.values()) await db.transact(figureAdds(scope, at, 'fiveLists', add));
  summary.written += simulated.length;
  summary.matters = todo.length;
  log(`five lists: ${todo.length} collected`);

  // ------------------------------------------------------------------------------------------------------------
  // 2. each through the lists at its own pace, through the handlers (merges first: their targets are still collected)
  const mergeFirst = [...viaHandlers.filter((p) => p.mergeInto), ...viaHandlers.filter((p) => !p.mergeInto)];
  const mergedDone = new Set<string>();
  const targets = new Set(viaHandlers.filter((p) => p.mergeInto).map((p) => p.mergeInto!));
  await pool(mergeFirst, 8, async (p) => {
    // a merge target waits until its duplicate is merged in, so the merge comes first in its history too
    if (targets.has(p.id)) while (!viaHandlers.filter((x) => x.mergeInto === p.id).every((x) => mergedDone.has(x.id))) await new Promise((r) => setTimeout(r, 5));
    try {
      bump(await flow(p));
    } finally {
      if (p.mergeInto) mergedDone.add(p.id);
    }
  });

  async function flow(p: Plan): Promise<string> {
    const r = rng(`flow#${p.id}`);
    const path = `/five-lists/matters/${p.id}`;
    const unitId = unitFor(p, r);
    const unit = units5[unitId];
    const contact = who(unit.contact);
    const other: UnitId = unitId === 'p-water' ? 'p-power' : 'p-water';
    // the time there is: a squeezed matter fits its steps into 85% of its age
    const age = nowMs - p.at;
    const k = p.squeeze ? Math.min(1, (age * 0.85) / (9 * DAY)) : 1;
    let t = p.at;
    const later = (lo: number, hi: number) => (t += between(r, lo, hi) * DAY * k);
    const past = () => t < nowMs;
    // a merge target's version moved when its duplicate was merged in
    let v: number = targets.has(p.id) ? (await as(officer, t, 'GET', path)).matter.version : 0;

    if (p.mergeInto) {
      later(0.1, 0.25);
      await as(officer, t, 'POST', `${path}/review`, { decision: 'merge', intoMatterId: p.mergeInto, note: '与同期另一件事项反映的是同一问题，合并办理', version: v });
      return 'merged';
    }
    if (p.stop === 'collected') return 'collected';
    if (!p.stop && r() < 0.03) {
      later(0.3, 1.5);
      if (!past()) return 'collected';
      await as(officer, t, 'POST', `${path}/close`, { note: '经核实物业已自行处理完毕，无需分单', version: v });
      return 'closed';
    }
    const returned = p.stop === 'returned' || (!p.stop && r() < 0.08);
    later(0.3, 1.6);
    if (!past()) return 'collected';
    v = (await as(officer, t, 'POST', `${path}/dispatch`, { unitId: returned ? other : unitId, version: v })).version;
    if (p.stop === 'dispatched') return 'dispatched';
    if (returned) {
      later(0.2, 0.8);
      if (!past()) return 'dispatched';
      v = (await as(officer, t, 'POST', `${path}/review`, { decision: 'return', note: '该事项不属于拟派单位的职责范围，请重新分单', version: v })).version;
      if (p.stop === 'returned') return 'returned';
      later(0.2, 1);
      if (!past()) return 'returned';
      v = (await as(officer, t, 'POST', `${path}/dispatch`, { unitId, version: v })).version;
    }
    later(0.2, 1.7);
    if (!past()) return 'dispatched';
    const confirmed = await as(officer, t, 'POST', `${path}/review`, { decision: 'confirm', version: v });
    v = confirmed.version;
    if (p.stop === 'reviewed') return 'reviewed';
    later(0.1, unitId === 'p-power' ? 2.6 : 1.5);
    if (!past()) return 'reviewed';
    const claimed = await as(contact, t, 'POST', `${path}/claim`, { version: v });
    v = claimed.version;
    let resolveBy = Date.parse(claimed.resolveBy);
    if (p.stop === 'claimed') return 'claimed';
    if (p.stop === 'claimedExtension' || (!p.stop && r() < 0.08)) {
      later(0.3, 1);
      if (!past()) return 'claimed';
      const until = new Date(resolveBy + Math.round(between(r, 5, 10)) * DAY).toISOString();
      await as(contact, t, 'POST', `${path}/extension`, { until, reason: '需要协调施工队和停水停电时间，申请延期' });
      if (p.stop === 'claimedExtension') return 'claimed';
      later(0.2, 0.8);
      if (!past()) return 'claimed';
      const approve = r() < 0.75;
      v = (await as(officer, t, 'POST', `${path}/extension/decision`, { approve, note: approve ? '同意延期，请按期办结' : '事项紧急，请按原期限办结' })).version;
      if (approve) resolveBy = Date.parse(until);
    }
    // on time mostly; late sometimes (the power station more often)
    const onTime = r() < unit.onTime;
    t = onTime ? t + (resolveBy - t) * between(r, 0.25, 0.95) : resolveBy + between(r, 0.5, 5) * DAY;
    if (p.squeeze) t = Math.min(t, nowMs - between(r, 0.2, 0.5) * Math.min(age, DAY));
    if (!past()) return 'claimed';
    v = (await resolve(contact, t, path, p.category, v, r)).version;
    if (p.stop === 'resolved') return 'resolved';

    // ratings: backers first, the submitter last (a "not satisfied" from the submitter reopens it)
    const levelOf = (): 'satisfied' | 'partly' | 'notSatisfied' => {
      const x = r();
      return x < unit.levels[0] ? 'satisfied' : x < unit.levels[0] + unit.levels[1] ? 'partly' : 'notSatisfied';
    };
    const unrated = !p.stop && r() < 0.12;
    const raters = unrated ? [] : [...p.backers.filter(() => r() < 0.35), ...(r() < 0.88 ? [p.authorId] : [])];
    let reopened = false;
    let rt = t;
    if ((p.stop as Stop | undefined) === 'reopened') {
      // the submitter was not satisfied, and the unit has yet to claim it again
      await as(byUserId.get(p.authorId)!, t + (nowMs - t) / 2, 'POST', `${path}/ratings`, { level: 'notSatisfied', stars: 2, comment: '问题还是没有解决，希望再来看看。' });
      summary.ratings++;
      return 'reopened';
    }
    for (const raterId of raters) {
      const rater = byUserId.get(raterId);
      if (!rater) continue;
      rt += between(r, 0.1, 5.5 / raters.length) * DAY * k;
      if (rt >= nowMs || rt >= t + 6.8 * DAY) break;
      const level = levelOf();
      const stars = level === 'satisfied' ? (r() < 0.7 ? 5 : 4) : level === 'partly' ? (r() < 0.6 ? 3 : 4) : r() < 0.6 ? 1 : 2;
      const comment = comments[level][Math.floor(r() * comments[level].length)] || undefined;
      const res = await as(rater, rt, 'POST', `${path}/ratings`, { level, stars, comment });
      summary.ratings++;
      if (res.reopened) reopened = true;
    }
    if (!reopened) return raters.length ? 'rated' : 'resolved';
    // the unit claims it again and does it properly; the submitter rates the second round
    t = rt + between(r, 0.3, 1.2) * DAY;
    if (!past()) return 'reopened';
    v = (await as(contact, t, 'POST', `${path}/claim`, { version: (await as(officer, t, 'GET', path)).matter.version })).version;
    t += between(r, 1, 4) * DAY;
    if (!past()) return 'claimed';
    await resolve(contact, t, path, p.category, v, r);
    t += between(r, 0.5, 3) * DAY;
    if (!past()) return 'resolved';
    const author = byUserId.get(p.authorId)!;
    const level = r() < 0.6 ? 'satisfied' : 'partly';
    await as(author, t, 'POST', `${path}/ratings`, { level, stars: level === 'satisfied' ? 4 : 3, comment: '第二次来处理，问题解决了。' });
    summary.ratings++;
    return 'rated';
  }

  /**
   * An older matter's whole way through the lists, as the commands leave it: dispatch (category's deadline), confirm
   * (the score ledger entry of the year), claim, resolve (on time or not), the ratings, and the job's close once the
   * rating window has passed. The same fields, history entries, rating items and ledger entry as dispatch.ts,
   * review.ts, claim.ts, resolve.ts, rate.ts and jobs.ts write; no notifications (they would be a year old).
   */
  function simulate(p: Plan, start: FiveListRecord, out: Item[]): string {
    const r = rng(`flow#${p.id}`);
    const unitId = unitFor(p, r);
    const unit = units5[unitId];
    const contact = who(unit.contact);
    let rec = start;
    let t = p.at;
    const step = (to: FiveListState, action: string, by: { id?: string; name: string; resident?: boolean }, changes: Partial<FiveListRecord>, note?: string) => {
      const at = new Date(t).toISOString();
      const next: FiveListRecord = { ...rec, ...changes, state: to, version: rec.version + 1, updatedAt: at };
      out.push(historyItem(rec.id, next.version, { at, action, from: rec.state, to, byId: by.id, byName: by.name, byResident: !!by.resident, note }));
      rec = next;
    };
    const done = (state: string) => (out.push(fiveListItem(rec)), state);
    const staff = { id: officer.userId, name: officer.displayName };
    if (r() < 0.03) {
      t += between(r, 0.3, 1.5) * DAY;
      step('closed', 'close', staff, { deadlineAt: undefined }, '经核实物业已自行处理完毕，无需分单');
      return done('closed');
    }
    t += between(r, 0.3, 1.6) * DAY;
    step('dispatched', 'dispatch', staff, { unitId, unitName: unitName(unitId), resolveBy: proposedResolveBy(p.category, new Date(t)), dispatchedBy: officer.userId, deadlineAt: stepDeadline('dispatched', new Date(t)) });
    t += between(r, 0.2, 1.7) * DAY;
    const year = chinaYear(t);
    step('reviewed', 'confirm', staff, { deadlineAt: stepDeadline('reviewed', new Date(t)), scoreYear: year });
    const ledger = { ...keys.unitScoreEntry(rec.subdistrictId, year, unitId, rec.id), entity: 'unitScoreEntry', unitId, matterId: rec.id, resolved: false, onTime: false, round: 0, satisfied: 0, partly: 0, notSatisfied: 0, starSum: 0 } as Item & Record<string, unknown>;
    out.push(ledger);
    scored.push({ scope: { subdistrictId: rec.subdistrictId, communityId: rec.communityId }, entry: ledger });
    t += between(r, 0.1, unitId === 'p-power' ? 2.6 : 1.5) * DAY;
    const claimedAt = new Date(t).toISOString();
    step('claimed', 'claim', { id: contact.userId, name: contact.displayName }, { claimedBy: contact.userId, claimedByName: contact.displayName, claimedAt, deadlineAt: rec.resolveBy });
    const resolveBy = Date.parse(rec.resolveBy!);
    t = r() < unit.onTime ? t + (resolveBy - t) * between(r, 0.25, 0.95) : resolveBy + between(r, 0.5, 5) * DAY;
    const resolvedAt = new Date(t).toISOString();
    const notes = resolveNotes[p.category];
    const note = notes[Math.floor(r() * notes.length)]!;
    step('resolved', 'resolve', { id: contact.userId, name: contact.displayName }, {
      resolution: { note, photoKeys: [`uploads/${contact.userId}/seed-done-${Math.floor(r() * 6) + 1}.jpg`], at: resolvedAt, byId: contact.userId, byName: contact.displayName },
      deadlineAt: stepDeadline('resolved', new Date(t)),
    }, note);
    Object.assign(ledger, { resolved: true, onTime: resolvedAt <= rec.resolveBy!, resolvedAt });
    const windowEnd = Date.parse(rec.deadlineAt!);
    const raters = r() < 0.12 ? [] : [...p.backers.filter(() => r() < 0.35), ...(r() < 0.88 ? [p.authorId] : [])];
    let rt = t;
    for (const raterId of raters) {
      const rater = byUserId.get(raterId);
      if (!rater) continue;
      rt += between(r, 0.1, 5.5 / raters.length) * DAY;
      if (rt >= windowEnd) break;
      const x = r();
      // an old "not satisfied" from the submitter would have reopened it: the old ones were rated partly at worst
      const level = x < unit.levels[0] ? 'satisfied' : x < unit.levels[0] + unit.levels[1] || raterId === p.authorId ? 'partly' : 'notSatisfied';
      const stars = level === 'satisfied' ? (r() < 0.7 ? 5 : 4) : level === 'partly' ? (r() < 0.6 ? 3 : 4) : r() < 0.6 ? 1 : 2;
      const comment = comments[level][Math.floor(r() * comments[level].length)] || undefined;
      const at = new Date(rt).toISOString();
      out.push({ ...keys.fiveListRating(rec.id, 0, raterId), entity: 'fiveListRating', userId: raterId, round: 0, level, stars, comment, at });
      ledger[level] = (ledger[level] as number) + 1;
      ledger.starSum = (ledger.starSum as number) + stars;
      t = rt;
      step('rated', 'rate', { id: raterId, name: rater.displayName, resident: true }, { ratingCount: rec.ratingCount + 1 }, comment);
      summary.ratings++;
    }
    // the job runs every hour; here, within a few days of the window's end
    t = windowEnd + between(r, 0.05, 3) * DAY;
    if (t >= nowMs) return done(rec.state);
    step('closed', 'close', { name: '系统' }, { deadlineAt: undefined }, '评价期已过，自动关闭');
    return done(raters.length ? 'rated→closed' : 'resolved→closed');
  }

  function batchPut(items: Item[]) {
    return bulkPut(db, items, 'seedFiveLists');
  }

  async function resolve(contact: FiveListsSeedPerson, at: number, path: string, category: MatterCategory, version: number, r: () => number) {
    const notes = resolveNotes[category];
    return as(contact, at, 'POST', `${path}/resolve`, { note: notes[Math.floor(r() * notes.length)]!, photos: [`uploads/${contact.userId}/seed-done-${Math.floor(r() * 6) + 1}.jpg`], version });
  }

  // 3. the job closes what waited past its rating window (every few days of the year), and at `now` escalates what is overdue
  if (todo.length) {
    for (let at = nowMs - (HANDLER_DAYS + 10) * DAY; at < nowMs; at += 7 * DAY) await escalateOverdue({ ...deps, clock: fixedClock(new Date(at)) });
    await escalateOverdue({ ...deps, clock: fixedClock(now) });
  }
  log(`five lists: ${todo.length} matters (${plans.length - todo.length} there already), ${summary.ratings} ratings; ${Object.entries(summary.states).map(([s, n]) => `${s} ${n}`).join(', ')}`);

  // ------------------------------------------------------------------------------------------------------------
  // 4. councils: three meetings a community, the older resolutions carried out with evidence
  const councilTopics = [
    ['老旧小区加装电梯', '5号楼启动加装电梯意见征询，由楼栋长牵头入户', '加装电梯意见征询已完成，同意率92%，已报街道城建科'],
    ['小区停车管理', '东门内侧施划临时停车位20个，夜间错峰停车', '已施划停车位20个并公示停车规则'],
    ['垃圾分类投放点调整', '在3号楼北侧增设一处分类投放点', '投放点已建成启用，物业每日清运两次'],
    ['楼道堆物清理', '组织志愿者每月第一个周六集中清理楼道堆物', '已连续三个月开展清理，楼道畅通'],
    ['社区食堂菜品', '助餐点每周推出两种低盐低油菜品，征求老人意见', '已推出低盐菜品，老人反映良好'],
    ['健身器材更换', '申请文体站更换损坏的健身器材', ''],
  ] as const;
  for (const c of communities) {
    const worker = who(hostOf[c.id]!);
    const { items: present } = await db.query({ pk: keys.council(c.id, '').pk, prefix: 'COUNCIL#', limit: 1 });
    if (present.length) {
      summary.skipped++;
      continue;
    }
    const r = rng(`council#${c.id}`);
    for (let i = 0; i < 3; i++) {
      const held = nowMs - (150 - i * 55 + Math.floor(r() * 10)) * DAY;
      const picks = [councilTopics[(i * 2) % 6]!, councilTopics[(i * 2 + 1) % 6]!];
      const heldOn = chinaDay(held);
      const council = await as(worker, held + DAY, 'POST', `/communities/${c.id}/councils`, {
        title: `${c.name}${heldOn.slice(0, 4)}年第${i + 3}次居民议事会`,
        heldOn,
        attendance: 15 + Math.floor(r() * 20),
        topics: picks.map((x) => x[0]),
        resolutions: picks.map((x) => ({ topic: x[0], text: x[1] })),
        published: true,
      });
      summary.councils++;
      summary.written += 1;
      let version = council.version;
      for (const [j, x] of picks.entries()) {
        const at = held + (20 + j * 10 + Math.floor(r() * 10)) * DAY;
        if (!x[2] || at >= nowMs) continue;
        version = (await as(worker, at, 'POST', `/councils/${council.id}/resolutions/r${j}/implemented`, { implemented: true, note: x[2], photos: [], version })).version;
      }
    }
  }

  // 5. consultations: a closed one of the sub-district with its result, an open one in 和平社区 still taking votes
  const residentsOf = (communityId?: string) => people.filter((p) => p.communityId && (!communityId || p.communityId === communityId));
  const consultations = [
    {
      unitId: SUBDISTRICT,
      by: officer,
      opens: nowMs - 60 * DAY,
      closes: nowMs - 45 * DAY,
      title: 'XX街道2027年民生实事项目征求意见',
      description: '街道拟从以下项目中选定明年的民生实事，请居民投票，得票最多的两项列入计划。',
      options: ['老旧小区加装电梯补贴', '社区食堂扩容', '口袋公园建设', '智慧安防补点'],
      voters: residentsOf(),
      weights: [0.4, 0.3, 0.2, 0.1],
    },
    {
      unitId: 'c-heping',
      by: who('worker-liu'),
      opens: nowMs - 5 * DAY,
      closes: nowMs + 10 * DAY,
      title: '和平里小区停车收费方案征求意见',
      description: '小区内部停车位紧张，拟实行收费管理，收入用于停车位维护和增设充电桩。请居民选择方案。',
      options: ['按月收费 100 元', '按次收费 5 元', '维持免费，限时停放'],
      voters: residentsOf('c-heping').filter((p) => p.openid !== 'resident-wang'),
      weights: [0.45, 0.2, 0.35],
    },
  ];
  for (const c of consultations) {
    const { items: present } = await db.query<{ title: string }>({ index: 'gsi1', pk: keys.consultationOfUnit(c.unitId, '', '').gsi1pk, ascending: false, limit: 20 });
    if (present.some((x) => x.title === c.title)) {
      summary.skipped++;
      continue;
    }
    const made = await as(c.by, c.opens, 'POST', '/consultations', { unitId: c.unitId, title: c.title, description: c.description, options: c.options, opensAt: new Date(c.opens).toISOString(), closesAt: new Date(c.closes).toISOString() });
    summary.consultations++;
    const r = rng(`consult#${c.title}`);
    const span = Math.min(c.closes, nowMs) - c.opens;
    const voters = c.voters.filter(() => r() < 0.4);
    await pool(voters, 8, async (p) => {
      let x = r();
      const choice = c.weights.findIndex((w) => (x -= w) < 0);
      await as(p, c.opens + between(r, 0.05, 0.95) * span, 'PUT', `/consultations/${made.id}/vote`, { optionId: `o${Math.max(0, choice)}` });
      summary.votes++;
    });
    for (const [i, text] of ['建议优先考虑老人多的小区。', '希望方案公开透明，收支定期公示。', '支持，早点落实。'].entries()) {
      await as(c.voters[i]!, c.opens + ((i + 1) / 4) * span, 'POST', `/consultations/${made.id}/comments`, { text });
    }
  }
  log(`councils ${summary.councils}, consultations ${summary.consultations} (${summary.votes} votes)`);

  // 6. the named residents have read all but their two newest messages (as seed.ts leaves their inboxes)
  if (todo.length) {
    for (const p of ['resident-wang', 'resident-li', 'resident-zhao'].map(who)) {
      const unread: string[] = [];
      let cursor: string | undefined;
      let first = true;
      do {
        const page = await as(p, nowMs, 'GET', `/me/inbox?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        unread.push(...(page.items as { id: string; read: boolean }[]).slice(first ? 2 : 0).filter((i) => !i.read).map((i) => i.id));
        cursor = page.cursor;
        first = false;
      } while (cursor);
      for (let i = 0; i < unread.length; i += 100) await as(p, nowMs, 'POST', '/me/inbox/read', { ids: unread.slice(i, i + 100) });
    }
  }
  return summary;
}
