import { harness, START, type Harness, type Person } from '../../tests/support/harness';
import { safetyWorld } from '../../tests/support/safety';
import { readFigureCounters, sumByLedger } from '../platform/figures';
import { streetFrontsRecount } from './figures';
import { countShopsDue, countShopsDueHandler } from './jobs';

jest.setTimeout(60_000);

let h: Harness;
let w: ReturnType<typeof safetyWorld>;
let worker: Person;
let grid: Person;

/** 00:00 on 1 January 2027 in China, when the schedule fires */
const NEW_YEAR = '2026-12-31T16:00:00.000Z';

beforeAll(async () => {
  h = await harness();
  w = safetyWorld(h);
  worker = await h.person('刘芳', [['communityWorker', 'c-a']]);
  grid = await h.person('陈志强', [['gridWorker', 'g-a1']]);
});

afterEach(() => h.clock.set(START));

/** A token lasts 30 days: the months of this story are met by people signed in then (the same roles). */
async function at(instant: string): Promise<{ worker: Person; grid: Person }> {
  h.clock.set(instant);
  return { worker: await h.person('刘芳', [['communityWorker', 'c-a']]), grid: await h.person('陈志强', [['gridWorker', 'g-a1']]) };
}

describe('the signing rate of a year after the register was built', () => {
  let first: Awaited<ReturnType<typeof countShopsDue>>;
  let second: Awaited<ReturnType<typeof countShopsDue>>;

  beforeAll(async () => {
    // Prepare: three shops registered in December 2026; one agreement for 2027 signed early, in December
    const [a, b, c] = [await w.shop(worker), await w.shop(worker), await w.shop(worker)];
    await h.api.as(grid).post(`/shops/${c.id}/agreements`, { year: 2027, signedOn: '2026-12-01' }, w.key());
    // Act: the new year's run as scheduled, then again as a back-fill of the same year
    h.clock.set(NEW_YEAR);
    first = await countShopsDue(h.deps, { version: '0', 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} });
    h.clock.set('2027-01-02T02:00:00.000Z');
    second = await countShopsDue(h.deps, { year: 2027 });
    // a shop opened in January counts itself; last year's paper agreement of c entered in January; 2027's of a and b in February
    const jan = await at('2027-01-10T02:00:00.000Z');
    await w.shop(jan.worker);
    const late = await h.api.as(jan.grid).post(`/shops/${c.id}/agreements`, { year: 2026, signedOn: '2026-12-20' }, w.key());
    expect(late.status).toBe(201);
    const feb = await at('2027-02-15T02:00:00.000Z');
    for (const s of [a, b]) expect((await h.api.as(feb.grid).post(`/shops/${s.id}/agreements`, { year: 2027, signedOn: '2027-02-15' }, w.key())).status).toBe(201);
  });

  it('adds the register to January once: a second run of the year adds nothing', async () => {
    const january = sumByLedger(await readFigureCounters(h.deps.db, 'community', 'c-a', '2027-01', '2027-01'));
    expect(first).toMatchObject({ year: 2027, shopsDue: 3 });
    expect(first.counted).toBeGreaterThan(0);
    expect(second).toMatchObject({ year: 2027, counted: 0, shopsDue: 0 });
    // the three of the register, and d registered in January
    expect(january.streetFronts).toMatchObject({ shops: 1, shopsDue: 4, agreementsSigned: 1, lateAgreements: 1 });
  });

  it("shows 2027's first half signed over shops due, at most 100%, and last year's agreement entered late apart", async () => {
    // Act
    const july = await at('2027-07-01T02:00:00.000Z');
    const res = await h.api.as(july.worker).get('/work-summary?unitId=c-a&from=2027-01&to=2027-06');
    // Assess
    expect(res.status).toBe(200);
    const sf = res.body.ledgers.find((l: { ledger: string }) => l.ledger === 'streetFronts');
    const value = (k: string) => sf.figures.find((f: { key: string }) => f.key === k)?.value;
    expect([value('shopsDue'), value('agreementsSigned'), value('lateAgreements')]).toEqual([4, 3, 1]);
    expect(sf.rates.find((r: { key: string }) => r.key === 'signingRate').value).toBe(0.75);
    expect(sf.text.zh).toContain('签订门前三包责任书3份，签订率75%');
  });

  it('hides the late agreements where there are none, and 2026 keeps its own base', async () => {
    const july = await at('2027-07-01T02:00:00.000Z');
    const res = await h.api.as(july.worker).get('/work-summary?unitId=c-a&from=2026-07&to=2026-12');
    const sf = res.body.ledgers.find((l: { ledger: string }) => l.ledger === 'streetFronts');
    expect(sf.figures.map((f: { key: string }) => f.key)).not.toContain('lateAgreements');
    expect(sf.figures.find((f: { key: string }) => f.key === 'shopsDue').value).toBe(3);
    // c's agreement for 2027, signed in December, counts in 2027
    expect(sf.rates.find((r: { key: string }) => r.key === 'signingRate').value).toBe(0);
  });

  it('keeps the counters equal to a recount of the shops and agreements', async () => {
    const counters = sumByLedger(await readFigureCounters(h.deps.db, 'community', 'c-a', '2026-07', '2027-06'));
    const recounted = await streetFrontsRecount.recount(h.deps.db, 'c-a', '2026-07', '2027-06');
    expect(counters.streetFronts).toEqual({ shops: 4, shopsDue: 7, agreementsSigned: 3, lateAgreements: 1 });
    expect(recounted).toEqual(counters.streetFronts);
  });
});

describe('the yearly run of shops due', () => {
  it('refuses an invalid payload before it reads or writes anything', async () => {
    // Prepare
    const before = await h.snapshot();
    // Act / Assess
    for (const bad of [{ year: 'next' }, { year: 2027.5 }, { year: 1999 }, 'now', 42]) {
      await expect(countShopsDue(h.deps, bad)).rejects.toMatchObject({ code: 'VALIDATION', status: 400 });
      await expect(countShopsDueHandler(bad)).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    expect(await h.snapshot()).toEqual(before);
  });

  it('counts only shops registered before the year: a run for 2026 adds nothing for shops registered in it', async () => {
    const res = await countShopsDue(h.deps, { year: 2026 });
    const january = sumByLedger(await readFigureCounters(h.deps.db, 'community', 'c-a', '2026-01', '2026-01'));
    expect(res.shopsDue).toBe(0);
    expect(january.streetFronts).toBeUndefined();
  });
});
