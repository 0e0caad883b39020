import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { safetyWorld } from '../../../tests/support/safety';

let h: Harness;
let w: ReturnType<typeof safetyWorld>;
let worker: Person;
let grid: Person;
let workerB: Person;

beforeAll(async () => {
  h = await harness();
  w = safetyWorld(h);
  worker = await h.person('刘芳', [['communityWorker', 'c-b']]);
  grid = await h.person('陈志强', [['gridWorker', 'g-a1']]);
  workerB = await h.person('张社工', [['communityWorker', 'c-a']]);
});

describe("street-front agreements", () => {
  it('gives the signing rate of the year: signed shops over registered shops', async () => {
    // Prepare
    const shops = [await w.shop(worker, 'c-b'), await w.shop(worker, 'c-b'), await w.shop(worker, 'c-b'), await w.shop(worker, 'c-b')];
    // Act
    for (const s of shops.slice(0, 3)) {
      const res = await h.api.as(worker).post(`/shops/${s.id}/agreements`, { year: 2026, signedOn: '2026-11-20', photo: w.photo(worker) }, w.key());
      expect(res.status).toBe(201);
    }
    const list = await h.api.as(worker).get('/communities/c-b/shops?year=2026');
    const nextYear = await h.api.as(worker).get('/communities/c-b/shops?year=2027');
    // Assess
    expect(list.body).toMatchObject({ year: 2026, shops: 4, signed: 3, signingRate: 0.75 });
    expect(list.body.items[0].agreement).toBeUndefined(); // the one left to sign comes first
    expect(list.body.items[1].agreement.photo.url).toContain('uploads/');
    expect(nextYear.body).toMatchObject({ shops: 4, signed: 0 });
  });

  it('records a shop signing once a year: a second signing is refused, a retry with its key answers the first', async () => {
    // Prepare
    const shop = await w.shop(workerB, 'c-a');
    const headers = w.key();
    // Act
    const first = await h.api.as(grid).post(`/shops/${shop.id}/agreements`, { year: 2026, signedOn: '2026-12-01' }, headers);
    const retry = await h.api.as(grid).post(`/shops/${shop.id}/agreements`, { year: 2026, signedOn: '2026-12-01' }, headers);
    const second = await h.api.as(workerB).post(`/shops/${shop.id}/agreements`, { year: 2026, signedOn: '2026-12-01' }, w.key());
    const list = await h.api.as(workerB).get('/communities/c-a/shops?year=2026');
    // Assess
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.recordedAt).toBe(first.body.recordedAt);
    expect([second.status, second.body.code]).toEqual([409, 'AGREEMENT_ALREADY_SIGNED']);
    expect(list.body.signed).toBe(1);
  });

  it('refuses a signing dated after today, and one by a worker of another community', async () => {
    const shop = await w.shop(worker, 'c-b');
    const future = await h.api.as(worker).post(`/shops/${shop.id}/agreements`, { year: 2026, signedOn: '2026-12-20' });
    const other = await h.api.as(workerB).post(`/shops/${shop.id}/agreements`, { year: 2026, signedOn: '2026-11-20' });
    expect(future.body.code).toBe('AGREEMENT_DATE_INVALID');
    expect(other.status).toBe(404);
  });

  it('refuses a grid worker registering a shop', async () => {
    const res = await h.api.as(grid).post('/communities/c-a/shops', { name: '老王烟酒店' });
    expect(res.status).toBe(403);
  });
});
