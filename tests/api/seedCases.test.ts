import { harness, type Harness, type Person } from '../support/harness';
import { signAccessToken } from '../../functions/platform/tokens';
import { readFigureCounters, sumByLedger } from '../../functions/platform/figures';
import { cityCasesRecount, mediationRecount } from '../../functions/cases/figures';
import { cityCasesLedger, mediationLedger } from '../../shared/cases/figures';
import type { Unit } from '../../shared/org/schemas';
import { seedCases } from '../../scripts/seedCases';

/**
 * The cases' seed (scripts/seedCases.ts) on its own: a year to date of mediations, city cases and imported hotline
 * tickets in three communities, all through the commands, whose counters equal a recount of the cases' records, and
 * whose first half-year reads as the seed reports do.
 */
jest.setTimeout(600_000);

const sd: Unit = { id: 'sd-xx', kind: 'subdistrict', name: '幸福街道', path: ['sd-xx'] };
const communityIds = ['c-heping', 'c-jinlvzhou', 'c-yuanxin'];
const units: Unit[] = [
  sd,
  ...communityIds.map((id): Unit => ({ id, kind: 'community', name: id, parentId: 'sd-xx', path: ['sd-xx', id] })),
  ...communityIds.flatMap((c) => [1, 2].map((n): Unit => ({ id: `g-${c.slice(2)}-${n}`, kind: 'grid', name: `${c}-${n}`, parentId: c, path: ['sd-xx', c, `g-${c.slice(2)}-${n}`] }))),
];
const staff: [string, string, string][] = [
  ['worker-liu', 'communityWorker', 'c-heping'],
  ['worker-wu', 'communityWorker', 'c-jinlvzhou'],
  ['worker-zheng', 'communityWorker', 'c-yuanxin'],
  ['grid-chen', 'gridWorker', 'g-heping-1'],
  ['grid-he', 'gridWorker', 'g-heping-2'],
  ['grid-lin', 'gridWorker', 'g-jinlvzhou-1'],
  ['grid-guo', 'gridWorker', 'g-jinlvzhou-2'],
  ['grid-ma', 'gridWorker', 'g-yuanxin-1'],
  ['grid-luo', 'gridWorker', 'g-yuanxin-2'],
  ['officer-huang', 'subdistrictOfficer', 'sd-xx'],
];

let h: Harness;
const people = new Map<string, Person>();

beforeAll(async () => {
  h = await harness({ extraUnits: units });
  for (const [openid, role, unitId] of staff) people.set(openid, await h.person(openid, [[role as never, unitId]], { openid }));
  await seedCases({
    deps: h.deps,
    now: h.clock.now(),
    call: async (at, method, path, token, body, headers) => {
      h.clock.set(at);
      return h.api.call(method, path, { token, body, headers });
    },
    tokenFor: (openid, at) => {
      const p = people.get(openid)!;
      return signAccessToken({ userId: p.id, displayName: p.displayName, grants: p.grants }, h.deps.config.tokenSecret, at, 3600);
    },
  });
});

describe('the seeded casework', () => {
  it('keeps counters equal to a recount of the cases, in every community', async () => {
    for (const c of communityIds) {
      // Act
      const counters = sumByLedger(await readFigureCounters(h.deps.db, 'community', c, '2026-01', '2026-12'));
      const mediation = await mediationRecount.recount(h.deps.db, c, '2026-01', '2026-12');
      const city = await cityCasesRecount.recount(h.deps.db, c, '2026-01', '2026-12');
      // Assess
      const nonZero = (v: Record<string, number> = {}) => Object.fromEntries(Object.entries(v).filter(([, n]) => n !== 0));
      expect(nonZero(counters.mediation)).toEqual(nonZero(mediation));
      expect(nonZero(counters.cityCases)).toEqual(nonZero(city));
    }
  });

  it('reads its first half-year in the shape of the seed reports', async () => {
    // Act
    const sums = sumByLedger(await readFigureCounters(h.deps.db, 'subdistrict', 'sd-xx', '2026-01', '2026-06'));
    const period = { zh: '上半年', en: 'the first half of 2026' };
    const mediation = mediationLedger.sentences(sums.mediation ?? {}, period);
    const city = cityCasesLedger.sentences(sums.cityCases ?? {}, period);
    // Assess
    expect(mediation.zh).toMatch(/^上半年共调解矛盾纠纷\d+起，成功率达\d+(\.\d)?%/);
    expect(city.zh).toMatch(/^上半年共处理数管案件\d+起，政府热线投诉\d+件，处置率达\d+(\.\d)?%/);
    expect(sums.mediation?.mediated).toBeGreaterThan(10);
    expect(sums.cityCases?.receivedHotline).toBeGreaterThan(10);
    console.log(`${mediation.zh}\n${city.zh}\n${mediation.en}\n${city.en}`);
  });
});
