import { fiveListsWorld } from '../../tests/support/fiveLists';
import { watchTransactions } from '../../tests/support/transactions';
import { keys } from '../platform/keys';
import { drainWork, escalateOverdue } from './jobs';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof fiveListsWorld>>;

/** How many inbox items with this title each person has. */
async function toldCount(w: World, userIds: readonly string[], title: string): Promise<number[]> {
  return Promise.all(
    userIds.map(async (u) => {
      const { items } = await w.h.deps.db.query<{ title: string }>({ pk: keys.inboxState(u).pk, prefix: 'INBOX#' });
      return items.filter((i) => i.title === title).length;
    }),
  );
}

describe('work that outgrows one request', () => {
  it('tells each of 31 officers once of an overdue matter, in transactions of at most 100 items', async () => {
    // Prepare: 30 more officers, and a matter the unit claimed and let run past its deadline
    const w = await fiveListsWorld();
    const officers = [w.p.officer.id];
    for (let i = 0; i < 30; i++) officers.push((await w.h.person(`街道干部${i}`, [['subdistrictOfficer', 'sd-t']])).id);
    const id = await w.collected('消防栓漏水', 'safety');
    await w.claimed(id);
    w.h.clock.advance(4 * 86_400_000);
    const tx = watchTransactions(w.h.deps.db.client);
    // Act: the hourly job twice, the worker after each
    const first = await escalateOverdue(w.h.deps);
    const work = await drainWork(w.h.deps);
    const again = await escalateOverdue(w.h.deps);
    const more = await drainWork(w.h.deps);
    tx.stop();
    // Assess
    expect(first.escalated).toBe(1);
    expect(again.escalated).toBe(0);
    expect(work).toMatchObject({ done: 1, failed: 0, deadLettered: 0 });
    expect(more.chunks).toBe(0);
    expect(await toldCount(w, officers, '五单事项逾期：已领单')).toEqual(officers.map(() => 1));
    expect(tx.largest()).toBeLessThanOrEqual(100);
  });

  it('carries 130 backers and 40 watchers of a merged duplicate, each once, in transactions of at most 100 items', async () => {
    // Prepare: a duplicate with 130 more backers and 40 watchers
    const w = await fiveListsWorld();
    const [main, dup] = (await w.fromSession([{ text: '小区北门的垃圾站臭味很大' }, { text: '北门垃圾站夏天太臭影响生活', seconders: [w.p.chen] }])) as [string, string];
    const backers = Array.from({ length: 130 }, (_, i) => `u-backer-${i}`);
    const watchers = Array.from({ length: 40 }, (_, i) => `u-watcher-${i}`);
    for (let i = 0; i < backers.length; i += 25) {
      await w.h.deps.db.transact(backers.slice(i, i + 25).map((u) => ({ put: { ...keys.second(dup, u), entity: 'second', userId: u, at: w.h.clock.now().toISOString() } })));
    }
    await w.h.deps.db.transact(watchers.map((u) => ({ put: { ...keys.fiveListWatcher(dup, u), entity: 'fiveListWatcher', userId: u, watching: true } })));
    await w.h.deps.db.update(keys.fiveListMatter(dup), { set: { watchCount: watchers.length } });
    const tx = watchTransactions(w.h.deps.db.client);
    // Act: the merge, then the worker (twice: a re-run changes nothing)
    const merged = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${dup}/review`, { decision: 'merge', intoMatterId: main, version: 0 });
    const work = await drainWork(w.h.deps);
    const again = await drainWork(w.h.deps);
    tx.stop();
    // Assess
    expect(merged.status).toBe(200);
    expect(work.deadLettered + work.failed).toBe(0);
    expect(again.chunks).toBe(0);
    const after = await w.detail(main);
    expect(after.matter.watchCount).toBe(40);
    const items = await w.h.deps.db.query<{ userId: string; from?: string; watching?: boolean }>({ pk: keys.fiveListMatter(main).pk, prefix: 'FLWATCH#' });
    expect(items.items.filter((i) => i.from === dup).map((i) => i.userId).sort()).toEqual([...backers, w.p.chen.id].sort());
    expect(items.items.filter((i) => i.watching).map((i) => i.userId).sort()).toEqual([...watchers].sort());
    // every backer and watcher is told of the merge once (the first 20 in the merge's transaction, the rest by the worker)
    expect(await toldCount(w, [...backers, ...watchers], '您关注的事项已合并')).toEqual([...backers, ...watchers].map(() => 1));
    expect(tx.largest()).toBeLessThanOrEqual(100);
  });
});
