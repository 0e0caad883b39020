import { fiveListsWorld } from '../../../tests/support/fiveLists';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;

beforeAll(async () => {
  w = await fiveListsWorld();
});

const rate = (id: string, level: string, stars: number) => w.h.api.as(w.p.grid).post(`/five-lists/matters/${id}/ratings`, { level, stars });

describe('unit scores', () => {
  it("changes a unit's score as its matters are rated, and ranks it only from five rated matters", async () => {
    // Prepare: five matters resolved on time by the water company; one by the power office
    const water = [];
    for (let i = 0; i < 5; i++) {
      const id = await w.collected(`第${i + 1}处供水管道漏水需要维修`, 'environment');
      await w.resolved(id);
      water.push(id);
    }
    const power = await w.collected('小区配电箱门锁损坏', 'safety');
    await w.resolved(power, w.p.power, 'p-power');
    const before = await w.h.api.as(w.p.water).get('/units/p-water/score');
    expect(before.body).toMatchObject({ matters: 5, resolved: 5, onTime: 5, rated: 0, unrated: 5, score: null, ranked: false, year: 2026 });
    // Act
    for (const id of water.slice(0, 4)) expect((await rate(id, 'satisfied', 5)).status).toBe(201);
    const four = await w.h.api.as(w.p.water).get('/units/p-water/score');
    expect((await rate(water[4]!, 'partly', 3)).status).toBe(201);
    expect((await rate(power, 'partly', 2)).status).toBe(201);
    // Assess
    expect(four.body).toMatchObject({ rated: 4, score: 100, ranked: false, starRating: null });
    const own = await w.h.api.as(w.p.water).get('/units/p-water/score');
    expect(own.body).toMatchObject({ rated: 5, ranked: true, satisfiedMatters: 4, satisfactionRate: 0.8, resolutionRate: 1 });
    expect(own.body.score).toBe(93); // 100 × (0.7 × (4 × 1 + 0.5) / 5 + 0.3 × 1): partly with 3 stars is worth 0.5
    expect(own.body.starRating).toBe(5);
    const ranking = await w.h.api.as(w.p.officer).get('/subdistricts/sd-t/unit-ranking');
    expect(ranking.body.items.map((u: { unitId: string; rank: number | null }) => [u.unitId, u.rank])).toEqual([
      ['p-water', 1],
      ['p-power', null],
    ]);
  });

  it("shows a unit its own score only, and the ranking only to officers", async () => {
    expect((await w.h.api.as(w.p.power).get('/units/p-water/score')).status).toBe(404);
    expect((await w.h.api.as(w.p.power).get('/subdistricts/sd-t/unit-ranking')).status).toBe(404);
    expect((await w.h.api.as(w.p.wang).get('/units/p-water/score')).status).toBe(404);
    const byOfficer = await w.h.api.as(w.p.officer).get('/units/p-power/score');
    expect(byOfficer.body).toMatchObject({ unitId: 'p-power', rated: 1, ranked: false, rank: null });
  });

  it('counts a late resolution against timeliness', async () => {
    const id = await w.collected('排水沟堵塞需要清理', 'safety');
    await w.claimed(id, w.p.power, 'p-power');
    w.h.clock.advance(5 * 86_400_000); // past the three days for safety
    const v = await w.version(id);
    await w.h.api.as(w.p.power).post(`/five-lists/matters/${id}/resolve`, { note: '已清理', photos: [`uploads/${w.p.power.id}/d.jpg`], version: v });
    const s = await w.h.api.as(w.p.power).get('/units/p-power/score');
    expect(s.body).toMatchObject({ resolved: 2, onTime: 1, timeliness: 0.5 });
  });
});
