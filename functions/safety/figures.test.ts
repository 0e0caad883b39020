import { safetyLedger, streetFrontsLedger } from '../../shared/safety/figures';
import { harness, START, type Harness, type Person } from '../../tests/support/harness';
import { safetyWorld } from '../../tests/support/safety';
import { readFigureCounters, sumByLedger } from '../platform/figures';
import { safetyRecount, streetFrontsRecount } from './figures';

let h: Harness;
let w: ReturnType<typeof safetyWorld>;
let worker: Person;
let grid: Person;

beforeAll(async () => {
  h = await harness();
  w = safetyWorld(h);
  worker = await h.person('刘芳', [['communityWorker', 'c-a']]);
  grid = await h.person('陈志强', [['gridWorker', 'g-a1']]);
});

afterEach(() => h.clock.set(START));

it("keeps the safety and street-front counters equal to a recount of the records, and prints the summary's sentences", async () => {
  // Prepare: two sites, three inspections finding three hazards (two rectified, one late), shops, agreements, reports
  const school = await w.site(worker, 'school');
  const market = await w.site(worker, 'market');
  await w.inspect(grid, school);
  const a = await w.inspect(grid, school, { exitsClear: '安全出口上锁', drillRecords: '无演练记录' });
  const b = await w.inspect(grid, market, { gasCylinders: '液化气瓶露天存放' });
  h.clock.set('2026-12-02T02:00:00.000Z');
  await h.api.as(grid).post(`/safety-cases/${a.hazards[0].id}/steps`, { action: 'reinspectRectified', photos: [w.photo(grid)], version: 0 });
  h.clock.set('2026-12-20T02:00:00.000Z'); // past the 3-day deadline: not in time
  const late = await h.api.as(grid).post(`/safety-cases/${b.hazards[0].id}/steps`, { action: 'reinspectRectified', photos: [w.photo(grid)], version: 0 });
  expect(late.body.inTime).toBe(false);
  h.clock.set(START);
  const shops = [await w.shop(worker), await w.shop(worker), await w.shop(worker)];
  for (const s of shops.slice(0, 2)) await h.api.as(grid).post(`/shops/${s.id}/agreements`, { year: 2026, signedOn: '2026-11-30' }, w.key());
  const r1 = await w.report(grid);
  await w.report(grid);
  await h.api.as(worker).post(`/safety-cases/${r1.id}/steps`, { action: 'passOn', version: 0 });
  await h.api.as(worker).post(`/safety-cases/${r1.id}/steps`, { action: 'recordOutcome', outcome: 'corrected', version: 1 });
  // Act: the half-year the sentences name (from January 2027 on, the yearly run adds the register to shopsDue:
  // jobs.test.ts)
  const counters = sumByLedger(await readFigureCounters(h.deps.db, 'community', 'c-a', '2026-07', '2026-12'));
  const recounted = {
    safety: await safetyRecount.recount(h.deps.db, 'c-a', '2026-07', '2026-12'),
    streetFronts: await streetFrontsRecount.recount(h.deps.db, 'c-a', '2026-07', '2026-12'),
  };
  const november = sumByLedger(await readFigureCounters(h.deps.db, 'community', 'c-a', '2026-11', '2026-11'));
  // Assess
  expect(counters.safety).toEqual({ sites: 2, inspections: 3, hazardsFound: 3, rectified: 2, rectifiedInTime: 1 });
  expect(counters.streetFronts).toEqual({ shops: 3, shopsDue: 3, agreementsSigned: 2, illegalBuildingReports: 2, passedOn: 1, corrected: 1 });
  expect(recounted.safety).toEqual(counters.safety);
  expect(recounted.streetFronts).toEqual(counters.streetFronts);
  expect(november).toEqual({});
  expect(safetyLedger.sentences(counters.safety!, { zh: '下半年', en: 'Second half' }).zh).toBe('下半年开展安全生产检查3次，排查隐患3处，整改率66.7%');
  expect(streetFrontsLedger.sentences(counters.streetFronts!, { zh: '下半年', en: 'Second half' }).zh).toBe(
    '下半年签订门前三包责任书2份，签订率66.7%；上报巡查发现违建2件，移交执法1件，拆除或整改1件',
  );
});
