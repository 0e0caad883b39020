import { fiveListsWorld } from '../../../tests/support/fiveLists';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;

beforeAll(async () => {
  w = await fiveListsWorld();
});

describe('reading the five lists', () => {
  it('shows a matter with its whole timeline, a share path, and the actions open to each reader', async () => {
    // Prepare
    const id = await w.collected('小区大门道闸经常故障');
    await w.claimed(id);
    // Act
    const byUnit = await w.detail(id, w.p.water);
    const byOfficer = await w.detail(id, w.p.officer);
    const byNeighbour = await w.detail(id, w.p.wang);
    // Assess
    expect(byOfficer.timeline.map((t: { action: string; to: string }) => `${t.action}:${t.to}`)).toEqual(['collect:collected', 'dispatch:dispatched', 'confirm:reviewed', 'claim:claimed']);
    expect(byOfficer.share.path).toBe(`/packages/fiveLists/matter/index?id=${id}`);
    expect(byUnit.actions).toEqual(['requestExtension', 'resolve']);
    expect(byOfficer.actions).toEqual([]); // nothing to decide until the unit asks for more time
    expect(byNeighbour.actions).toEqual([]);
    expect(byUnit.matter).toMatchObject({ state: 'claimed', claimedByName: '水务小周', overdue: false });
  });

  it("lists the community's matters newest first on the public board", async () => {
    w.h.clock.advance(60_000); // a new millisecond: ids made in the same one sort by chance
    const a = await w.collected('第一件：单元楼道灯不亮');
    w.h.clock.advance(60_000);
    const b = await w.collected('第二件：垃圾桶破损需要更换');
    const board = await w.h.api.as(w.p.wang).get('/communities/c-a/five-lists?limit=2');
    expect(board.body.items.map((m: { id: string }) => m.id)).toEqual([b, a]);
  });
});
