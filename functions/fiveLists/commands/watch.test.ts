import { makeCtx } from '../../platform/context';
import type { Person } from '../../../tests/support/harness';
import { fiveListsWorld } from '../../../tests/support/fiveLists';
import { drainWork } from '../jobs';
import * as store from '../store';
import { advance, applyTransition } from './common';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;
let main: string;
let dup: string;
let zhou: Person;
let sun: Person;

beforeAll(async () => {
  w = await fiveListsWorld();
  // main: raised by wang, seconded by chen; dup: raised by wang, seconded by li
  [main, dup] = (await w.fromSession([
    { text: '三号楼电梯经常停运', seconders: [w.p.chen] },
    { text: '三号楼电梯又坏了没人修', seconders: [w.p.li] },
  ])) as [string, string];
  zhou = await w.h.person('周阿姨', [['resident', 'c-a']]);
  sun = await w.h.person('孙大爷', [['resident', 'c-a']]);
});

const watchPath = (id: string) => `/five-lists/matters/${id}/watch`;
const watch = (p: Person, id: string) => w.h.api.as(p).put(watchPath(id));
const unwatch = (p: Person, id: string) => w.h.api.call('DELETE', watchPath(id), { token: p.token });
const titles = async (p: Person) => ((await w.h.api.as(p).get('/me/inbox?limit=100')).body.items as { title: string; link?: string }[]);
const about = async (p: Person, id: string) => (await titles(p)).filter((i) => i.link?.endsWith(`id=${id}`)).map((i) => i.title);

describe('watching a matter (关注)', () => {
  it('counts a resident who watches twice once, after each other or at once', async () => {
    // Prepare
    const id = await w.collected('小区路灯不亮');
    // Act
    const first = await watch(w.p.li, id);
    const again = await watch(w.p.li, id);
    const atOnce = await Promise.all([watch(w.p.chen, id), watch(w.p.chen, id), watch(w.p.chen, id)]);
    // Assess
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ watching: true, watchCount: 1 });
    expect(again.body).toEqual({ watching: true, watchCount: 1 });
    for (const r of atOnce) expect(r.body).toMatchObject({ watching: true, watchCount: 2 });
    await unwatch(w.p.chen, id);
    const d = await w.detail(id, w.p.li);
    expect(d.watch).toEqual({ watching: true, watchCount: 1 });
    expect(d.matter.watchCount).toBe(1);
  });

  it('counts a resident who stops watching twice once, after each other or at once', async () => {
    // Prepare
    const id = await w.collected('垃圾桶破损');
    await watch(w.p.li, id);
    await watch(w.p.chen, id);
    // Act
    const first = await unwatch(w.p.li, id);
    const again = await unwatch(w.p.li, id);
    const never = await unwatch(zhou, id);
    // Assess
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ watching: false, watchCount: 1 });
    expect(again.body).toEqual({ watching: false, watchCount: 1 });
    expect(never.body).toEqual({ watching: false, watchCount: 1 });
    const atOnce = await Promise.all([unwatch(w.p.chen, id), unwatch(w.p.chen, id), unwatch(w.p.chen, id)]);
    for (const r of atOnce) expect(r.body).toEqual({ watching: false, watchCount: 0 });
    expect((await w.detail(id, w.p.li)).watch).toEqual({ watching: false, watchCount: 0 });
  });

  it('answers a watch and a stop from what it read and wrote, in at most two round trips', async () => {
    // Prepare
    const id = await w.collected('单元门禁坏了');
    await watch(w.p.li, id);
    // Act
    const watched = await watch(zhou, id);
    const again = await watch(zhou, id);
    const stopped = await unwatch(zhou, id);
    // Assess
    expect(watched.body).toEqual({ watching: true, watchCount: 2 });
    expect(stopped.body).toEqual({ watching: false, watchCount: 1 });
    const calls = [watched, again, stopped].map((r) => Number(r.headers['x-db-calls']));
    expect(calls).toEqual([2, 1, 2]);
  });

  it('refuses a resident of another community as it refuses their read, and staff who are not residents', async () => {
    const id = await w.collected('楼道堆放杂物');
    const other = await watch(w.p.zhao, id);
    expect(other.status).toBe(404);
    expect((await unwatch(w.p.zhao, id)).status).toBe(404);
    expect((await watch(w.p.grid, id)).status).toBe(403);
    expect((await watch(w.p.officer, id)).status).toBe(403);
    expect((await watch(w.p.water, id)).status).toBe(404); // not confirmed to the unit: it does not see it
    expect((await w.detail(id)).matter.watchCount).toBe(0);
    expect((await w.detail(id, w.p.grid)).watch).toBeUndefined();
  });

  it('answers the submitter and a seconder ok, flagged, and counts neither', async () => {
    const bySubmitter = await watch(w.p.wang, main);
    const bySeconder = await watch(w.p.chen, main);
    expect(bySubmitter.body).toEqual({ watching: false, watchCount: 0, alreadyTold: 'submitter' });
    expect(bySeconder.body).toEqual({ watching: false, watchCount: 0, alreadyTold: 'backer' });
    expect((await w.detail(main, w.p.chen)).watch).toEqual({ watching: false, watchCount: 0, alreadyTold: 'backer' });
  });

  it('refuses to start watching a closed matter, and lets a watcher stop', async () => {
    const id = await w.collected('小广告贴满单元门');
    await watch(w.p.li, id);
    await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/close`, { note: '已由物业清理', version: await w.version(id) });
    const late = await watch(w.p.chen, id);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CASE_WRONG_STATE');
    expect((await unwatch(w.p.li, id)).body).toEqual({ watching: false, watchCount: 0 });
  });

  it('tells a watcher of each step once, and that it is done without asking them to rate', async () => {
    // Prepare
    const id = await w.collected('健身区地砖松动');
    await watch(sun, id);
    // Act
    await w.resolved(id);
    // Assess
    expect((await about(sun, id)).sort()).toEqual(['您关注的事项已分派', '您关注的事项已审核', '您关注的事项已有单位认领', '您关注的事项已办结'].sort());
    const rating = await w.h.api.as(sun).post(`/five-lists/matters/${id}/ratings`, { level: 'satisfied', stars: 5 });
    expect(rating.status).toBe(403);
    expect(rating.body.code).toBe('NOT_A_RATER');
    expect((await w.detail(id, sun)).matter.watchCount).toBe(1); // the transitions' puts kept the count
  });

  it('keeps the count when a step is taken on a matter read before someone watched it', async () => {
    // Prepare: the officer's read, then a resident watches, then the officer's write
    const id = await w.collected('小区围墙有裂缝');
    const read = (await store.getFiveList(w.h.deps.db, id))!;
    await watch(zhou, id);
    const ctx = { ...makeCtx(w.h.deps, 'watch-race'), principal: { userId: w.p.officer.id, displayName: w.p.officer.displayName, grants: w.p.officer.grants } };
    // Act
    const next = advance(ctx, read, 'closed', { deadlineAt: undefined });
    await applyTransition(ctx, read, next, { action: 'close', note: '重复' });
    // Assess
    const after = (await store.getFiveList(w.h.deps.db, id))!;
    expect(after).toMatchObject({ state: 'closed', version: 1, watchCount: 1 });
    expect(next.watchCount).toBe(1);
  });

  it('carries a duplicate’s watchers over on merge, and tells one who watched and seconded once', async () => {
    // Prepare: li seconded the duplicate and watches main; zhou watches the duplicate
    expect((await watch(w.p.li, main)).body).toEqual({ watching: true, watchCount: 1 });
    expect((await watch(zhou, dup)).body).toEqual({ watching: true, watchCount: 1 });
    // Act
    const merged = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${dup}/review`, { decision: 'merge', intoMatterId: main, version: await w.version(dup) });
    await drainWork(w.h.deps); // the merge's work item carries the watchers
    // Assess
    expect(merged.body.state).toBe('merged');
    expect(await about(zhou, dup)).toEqual(['您关注的事项已合并']);
    expect((await w.detail(main, zhou)).watch).toEqual({ watching: true, watchCount: 2 });
    // li: a backer now (carried from the duplicate) and still a watcher, counted once
    expect((await w.detail(main, w.p.li)).watch).toEqual({ watching: true, watchCount: 2, alreadyTold: 'backer' });
    await w.resolved(main);
    expect((await about(w.p.li, main)).filter((t) => t.includes('办结'))).toEqual(['事项已办结，请您评价']);
    expect((await about(zhou, main)).filter((t) => t.includes('办结'))).toEqual(['您关注的事项已办结']);
    expect((await w.h.api.as(w.p.li).post(`/five-lists/matters/${main}/ratings`, { level: 'satisfied', stars: 4 })).status).toBe(201);
    // stopping watching keeps li's right to rate (the carried item stays)
    expect((await unwatch(w.p.li, main)).body).toEqual({ watching: false, watchCount: 1, alreadyTold: 'backer' });
    expect((await w.detail(main, w.p.li)).watch).toEqual({ watching: false, watchCount: 1, alreadyTold: 'backer' });
  });
});
