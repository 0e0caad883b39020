import { randomBytes } from 'node:crypto';
import { handleAny } from '../../functions/app';
import type { Deps } from '../../functions/platform/context';
import { seed, type SeedSummary } from '../../scripts/seed';
import { seededTable } from '../support/seededTable';

/**
 * The seed, seen as its users see it: log in with the demo accounts (through the WeChat stand-in, with `dev:` codes)
 * and read what the mini-program's first screens read, through the real handlers.
 */

let deps: Deps;
let summary: SeedSummary;

async function call(method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
  const [rawPath, rawQuery] = path.split('?');
  const res = await handleAny(
    {
      rawPath: rawPath!,
      rawQueryString: rawQuery ?? '',
      headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
      queryStringParameters: rawQuery ? Object.fromEntries(new URLSearchParams(rawQuery)) : undefined,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      requestContext: { requestId: `req-${randomBytes(4).toString('hex')}`, http: { method } },
    },
    deps,
  );
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}

async function login(openid: string) {
  const res = await call('POST', '/auth/wechat', { body: { code: `dev:${openid}` } });
  expect(res.status).toBe(200);
  return res.body as { accessToken: string; me: { id: string; displayName: string; communityId?: string; grants: { role: string; unitId: string }[] } };
}

beforeAll(async () => {
  ({ deps, summary } = await seededTable());
}, 600_000);

describe('the seed', () => {
  it('makes a year of sessions and matters in every status', () => {
    expect(summary.sessions.pastClosed).toBeGreaterThanOrEqual(3 * 33);
    for (const status of ['submitted', 'withdrawn', 'solvedOnSpot', 'toFiveLists', 'notAccepted'] as const) {
      expect(summary.matters[status]).toBeGreaterThan(0);
    }
    expect(summary.seconds).toBeGreaterThan(100);
    expect(summary.nextSessionIds['c-heping']).toBe('c-heping_20261205');
  });

  it('lets resident-wang log in as 王秀兰, a resident of 和平社区', async () => {
    const { me } = await login('resident-wang');
    expect(me.displayName).toBe('王秀兰');
    expect(me.communityId).toBe('c-heping');
    expect(me.grants).toEqual([expect.objectContaining({ role: 'resident', unitId: 'c-heping' })]);
  });

  it('registers some volunteers with their ID number (shown masked, for the certificate) and some without', async () => {
    const wang = await call('GET', '/me/volunteer', { token: (await login('resident-wang')).accessToken });
    expect(wang.body.volunteer.maskedIdNumber).toMatch(/^330106\*{8}\d{3}[\dX]$/);
    const other = await call('GET', '/me/volunteer', { token: (await login('r-heping-03')).accessToken });
    expect(other.body.volunteer).toMatchObject({ realName: expect.any(String) });
    expect(other.body.volunteer.maskedIdNumber).toBeUndefined();
  });

  it('shows her the next session of 和平社区 with its matters, hers among them', async () => {
    const { accessToken, me } = await login('resident-wang');
    const next = await call('GET', '/communities/c-heping/sessions/next', { token: accessToken });
    expect(next.status).toBe(200);
    expect(next.body.session).toMatchObject({ id: 'c-heping_20261205', state: 'scheduled', communityName: '和平社区' });
    expect(next.body.session.matterCount).toBeGreaterThanOrEqual(5);
    const agenda = await call('GET', `/sessions/${next.body.session.id}`, { token: accessToken });
    expect(agenda.status).toBe(200);
    expect(agenda.body.matters.length).toBeGreaterThanOrEqual(5);
    expect(agenda.body.matters.some((m: { authorId?: string }) => m.authorId === me.id)).toBe(true);
    // residents do not see withdrawn matters of others, and an anonymous author stays hidden from them
    expect(agenda.body.matters.every((m: { status: string }) => m.status === 'submitted')).toBe(true);
    expect(agenda.body.matters.some((m: { anonymous: boolean; authorName: string; authorId?: string }) => m.anonymous && m.authorName === '匿名居民' && !m.authorId)).toBe(true);
    // ordered by seconds
    const counts = agenda.body.matters.map((m: { secondCount: number }) => m.secondCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  });

  it('lists the community board, newest first, in several statuses', async () => {
    const { accessToken } = await login('resident-li');
    const board = await call('GET', '/communities/c-heping/matters?limit=100', { token: accessToken });
    expect(board.status).toBe(200);
    expect(board.body.items.length).toBeGreaterThan(20);
    const statuses = new Set(board.body.items.map((m: { status: string }) => m.status));
    for (const status of ['submitted', 'solvedOnSpot', 'toFiveLists']) expect(statuses.has(status)).toBe(true);
    expect(statuses.has('withdrawn')).toBe(false);
    const dates = board.body.items.map((m: { createdAt: string }) => m.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const detail = await call('GET', `/matters/${board.body.items[0].id}`, { token: accessToken });
    expect(detail.status).toBe(200);
    expect(detail.body.session.communityId).toBe('c-heping');
  });

  it('gives worker-liu the agenda, withdrawn matters and anonymous authors included', async () => {
    const { accessToken, me } = await login('worker-liu');
    expect(me.grants).toEqual([expect.objectContaining({ role: 'communityWorker', unitId: 'c-heping' })]);
    const agenda = await call('GET', '/sessions/c-heping_20261205', { token: accessToken });
    expect(agenda.status).toBe(200);
    expect(agenda.body.matters.some((m: { status: string }) => m.status === 'withdrawn')).toBe(true);
    expect(agenda.body.matters.filter((m: { anonymous: boolean }) => m.anonymous).every((m: { authorId?: string }) => !!m.authorId)).toBe(true);
    const requests = await call('GET', '/communities/c-heping/binding-requests', { token: accessToken });
    expect(requests.status).toBe(200);
    expect(requests.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps a year of closed sessions with attendance, minutes and a summary', async () => {
    const { accessToken } = await login('resident-zhao');
    const sessions = await call('GET', '/communities/c-jinlvzhou/sessions', { token: accessToken });
    expect(sessions.status).toBe(200);
    const closed = sessions.body.items.filter((s: { state: string }) => s.state === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(33);
    for (const s of closed) {
      expect(s.attendance).toBeGreaterThan(0);
      expect(s.minutes).toContain('说事会');
      // a withdrawn matter is in the summary but no longer counts in its session
      expect(s.summary.solvedOnSpot + s.summary.toFiveLists + s.summary.notAccepted).toBe(s.matterCount);
    }
    const agenda = await call('GET', `/sessions/${closed[0].id}`, { token: accessToken });
    expect(agenda.body.matters.length).toBeGreaterThan(0);
    for (const m of agenda.body.matters) expect(m.outcome ?? m.status === 'withdrawn').toBeTruthy();
    const board = await call('GET', '/communities/c-jinlvzhou/matters?limit=100', { token: accessToken });
    const rejected = board.body.items.filter((m: { status: string }) => m.status === 'notAccepted');
    expect(rejected.length).toBeGreaterThan(0);
    for (const m of rejected) expect(m.outcome.reason).toBeTruthy();
  });

  it('fills resident-wang’s inbox and her reminder subscription, and shows her own matters in every state', async () => {
    const { accessToken } = await login('resident-wang');
    const inbox = await call('GET', '/me/inbox', { token: accessToken });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.length).toBeGreaterThanOrEqual(3);
    const times = inbox.body.items.map((i: { createdAt: string }) => i.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    // the say-it day seed leaves her newest two unread; the five-lists and sign-up seeds may add more unread on top
    const all = await call('GET', '/me/inbox?limit=100', { token: accessToken });
    const unreadItems = all.body.items.filter((i: { read: boolean }) => !i.read).length;
    expect(unreadItems).toBeGreaterThanOrEqual(2);
    expect(all.body.items.some((i: { read: boolean }) => i.read)).toBe(true);
    const unread = await call('GET', '/me/inbox/unread', { token: accessToken });
    expect(unread.body.unread).toBe(unreadItems);
    const reminder = await call('GET', '/communities/c-heping/reminder', { token: accessToken });
    expect(reminder.body.subscribed).toBe(true);
    const mine = await call('GET', '/me/matters?limit=100', { token: accessToken });
    expect(new Set(mine.body.items.map((m: { status: string }) => m.status))).toEqual(new Set(['submitted', 'withdrawn', 'solvedOnSpot', 'toFiveLists', 'notAccepted']));
  });

  it('lets newcomer log in with no community and nothing to act on', async () => {
    const { me } = await login('newcomer');
    expect(me.displayName).toBe('新居民');
    expect(me.grants).toEqual([]);
  });

  it('makes relief applications in every state, some filed by grid workers, and queues with work in them', async () => {
    for (const status of ['draft', 'submitted', 'infoRequested', 'communityApproved', 'approved', 'rejected', 'withdrawn'] as const) {
      expect({ status, n: summary.relief.applications[status] }).toEqual({ status, n: expect.any(Number) });
      expect(summary.relief.applications[status]).toBeGreaterThan(0);
    }
    expect(summary.relief.proxy).toBeGreaterThan(0);
    const worker = await login('worker-liu');
    const queue = await call('GET', '/units/c-heping/relief/queue', { token: worker.accessToken });
    expect(queue.status).toBe(200);
    expect(queue.body.items.length).toBeGreaterThan(0);
    const officer = await login('officer-huang');
    const sdQueue = await call('GET', '/units/sd-xx/relief/queue', { token: officer.accessToken });
    expect(sdQueue.body.items.map((i: { status: string }) => i.status)).toContain('communityApproved');
    const wang = await login('resident-wang');
    const mine = await call('GET', '/me/relief/applications', { token: wang.accessToken });
    expect(mine.body.items.map((i: { type: string; status: string }) => `${i.type}:${i.status}`)).toContain('dibao:approved');
  });

  it('gives relief figures for the half year that are the sum of the payments behind them', async () => {
    // Prepare: every payment of every community and month, as listed
    const { accessToken } = await login('officer-huang');
    const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    expect(summary.relief.periods).toEqual({ from: '2026-06', to: '2026-11' });
    const listed: { type: string; persons: number; amountFen: number; communityId: string }[] = [];
    for (const c of ['c-heping', 'c-jinlvzhou', 'c-yuanxin'])
      for (const m of months) {
        let cursor: string | undefined;
        do {
          const page = await call('GET', `/communities/${c}/relief/disbursements?period=${m}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: accessToken });
          expect(page.status).toBe(200);
          listed.push(...page.body.items.map((d: { type: string; persons: number; amount: number }) => ({ type: d.type, persons: d.persons, amountFen: Math.round(d.amount * 100), communityId: c })));
          cursor = page.body.cursor;
        } while (cursor);
      }
    expect(listed.length).toBe(summary.relief.payments);
    // Act
    const sd = await call('GET', '/relief/figures?unitId=sd-xx&from=2026-06&to=2026-11', { token: accessToken });
    const heping = await call('GET', '/relief/figures?unitId=c-heping&from=2026-06&to=2026-11', { token: accessToken });
    // Assess
    const totals = (rows: { householdTimes: number; personTimes: number; amount: number }[]) =>
      rows.reduce((a, r) => ({ householdTimes: a.householdTimes + r.householdTimes, personTimes: a.personTimes + r.personTimes, amountFen: a.amountFen + Math.round(r.amount * 100) }), { householdTimes: 0, personTimes: 0, amountFen: 0 });
    const sum = (ps: typeof listed) => ({ householdTimes: ps.length, personTimes: ps.reduce((a, p) => a + p.persons, 0), amountFen: ps.reduce((a, p) => a + p.amountFen, 0) });
    expect(totals(sd.body.rows).householdTimes).toBeGreaterThan(50);
    expect(totals(sd.body.rows)).toEqual(sum(listed));
    expect(totals(heping.body.rows)).toEqual(sum(listed.filter((p) => p.communityId === 'c-heping')));
    expect(new Set(sd.body.months.map((m: { period: string }) => m.period))).toEqual(new Set(months));
  });

  it('keeps a relief registry with tags, this month’s flags, must-visits open, overdue and done, and pairings', async () => {
    const { accessToken } = await login('worker-liu');
    const reg = await call('GET', '/communities/c-heping/relief/registry', { token: accessToken });
    expect(reg.status).toBe(200);
    expect(reg.body.items.some((e: { tags: string[] }) => e.tags.includes('elderlyAlone'))).toBe(true);
    const flagged = await call('GET', '/communities/c-heping/relief/registry?flagged=true', { token: accessToken });
    expect(flagged.body.items.length).toBeGreaterThan(0);
    const overdue = await call('GET', '/communities/c-heping/relief/must-visits/overdue', { token: accessToken });
    expect(overdue.body.items.reduce((a: number, w: { overdue: number }) => a + w.overdue, 0)).toBeGreaterThan(0);
    const visits = await call('GET', '/communities/c-heping/relief/must-visits', { token: accessToken });
    expect(new Set(visits.body.items.map((v: { status: string; overdue: boolean }) => (v.status === 'done' ? 'done' : v.overdue ? 'overdue' : 'open')))).toEqual(new Set(['open', 'overdue', 'done']));
    expect(summary.relief.pairings).toBeGreaterThan(0);
  });

  it('adds nothing when it runs again', async () => {
    const again = await seed(deps);
    expect(again.written).toBe(0);
    expect(again.apiCalls).toBe(0);
    expect(again.matters).toEqual(summary.matters);
    expect(again.sessions).toEqual(summary.sessions);
    expect(again.relief.applications).toEqual(summary.relief.applications);
  }, 180_000);
});
