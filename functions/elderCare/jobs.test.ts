import { canteenUnit, elderCareWorld, idem } from '../../tests/support/elderCare';
import { harness, type Harness, type Person } from '../../tests/support/harness';
import { readFigureCounters, sumByLedger } from '../platform/figures';

let h: Harness;
let w: ReturnType<typeof elderCareWorld>;
let gridWorker: Person;
let workers: Person[];
let elder: Person;
let son: Person;

beforeAll(async () => {
  h = await harness({ extraUnits: [canteenUnit] });
  w = elderCareWorld(h);
  gridWorker = await h.person('陈志强', [['gridWorker', 'g-a1']]);
  workers = [await h.person('刘芳', [['communityWorker', 'c-a']]), await h.person('张社工', [['communityWorker', 'c-a']])];
  elder = await w.resident('王秀兰', { birthYear: 1938 });
  son = await h.person('王儿子');
  const code = w.ok(await h.api.as(elder).post('/me/elder-care/family-code'), 'code').code;
  w.ok(await h.api.as(son).post('/elder-care/family-links', { code, relation: '儿子' }), 'link');
  w.ok(await h.api.as(elder).post(`/me/elder-care/family/${son.id}/confirm`), 'confirm');
});

const at = (ms: number) => new Date(Date.parse('2026-12-01T02:00:00.000Z') + ms).toISOString();
const help = (location = { latitude: 31.2304, longitude: 121.4737, address: '和平路12号3楼' }) => h.api.as(elder).post('/elder-care/emergencies', { location }, idem());
const helpTitles = async (p: Person) => (await w.inboxOf(p.id)).filter((i) => i.link?.includes('/elderCare/emergency')).map((i) => i.title);

describe('助急', () => {
  afterEach(() => h.clock.set('2026-12-01T02:00:00.000Z'));

  it('reaches the grid worker and the family at once, and the community workers only after 5 minutes without an answer', async () => {
    // Prepare
    h.clock.set(at(0));
    const before = await Promise.all(workers.map(helpTitles));
    // Act
    const sent = w.ok(await help(), 'help');
    h.clock.set(at(4 * 60_000));
    const early = await w.escalate();
    h.clock.set(at(5 * 60_000 + 30_000));
    const due = await w.escalate();
    const rerun = await w.escalate();
    // Assess
    expect(sent).toMatchObject({ state: 'open', escalated: false, told: 2 });
    expect(await helpTitles(gridWorker)).toContain('助急求助');
    expect(await helpTitles(son)).toContain('助急求助');
    expect(early.escalated).toBe(0);
    expect(due).toEqual({ escalated: 1, told: 2 });
    expect(rerun.escalated).toBe(0);
    for (const [i, p] of workers.entries()) expect((await helpTitles(p)).length - before[i]!.length).toBe(1);
    const seen = w.ok(await h.api.as(workers[0]!).get(`/elder-care/emergencies/${sent.id}`), 'get');
    expect(seen.escalated).toBe(true);
  });

  it('stops the escalation once someone acknowledges, counts it in time, and resolves with a note', async () => {
    // Prepare
    h.clock.set(at(3600_000));
    const sent = w.ok(await help(), 'help');
    const before = await Promise.all(workers.map(helpTitles));
    const counted = async () => sumByLedger(await readFigureCounters(h.deps.db, 'community', 'c-a', '2026-12', '2026-12')).elderCare ?? {};
    const figuresBefore = await counted();
    // Act
    h.clock.set(at(3600_000 + 2 * 60_000));
    const ack = w.ok(await h.api.as(gridWorker).post(`/elder-care/emergencies/${sent.id}/acknowledge`), 'ack');
    h.clock.set(at(3600_000 + 10 * 60_000));
    const run = await w.escalate();
    const done = await h.api.as(gridWorker).post(`/elder-care/emergencies/${sent.id}/resolve`, { note: '已上门，老人摔倒无大碍，已联系家属' });
    // Assess
    expect(ack).toMatchObject({ state: 'acknowledged', acknowledgedBy: { userId: gridWorker.id } });
    expect(run.escalated).toBe(0);
    expect(await Promise.all(workers.map(helpTitles))).toEqual(before);
    expect(done.body).toMatchObject({ state: 'resolved', note: '已上门，老人摔倒无大碍，已联系家属' });
    expect((await w.inboxOf(elder.id)).map((i) => i.title)).toContain('已有人响应您的求助');
    const figuresAfter = await counted();
    expect((figuresAfter.emergencyAckInTime ?? 0) - (figuresBefore.emergencyAckInTime ?? 0)).toBe(1);
  });

  it('sends one request however often the tap is retried, and hides it from residents it does not concern', async () => {
    // Prepare
    const headers = idem();
    const stranger = await w.resident('邻居');
    // Act
    const [a, b] = await Promise.all([1, 2].map(() => h.api.as(elder).post('/elder-care/emergencies', { location: { address: '和平路12号' } }, headers)));
    const peek = await h.api.as(stranger).get(`/elder-care/emergencies/${a!.body.id}`);
    // Assess
    expect(a!.status).toBe(201);
    expect(b!.body.id).toBe(a!.body.id);
    expect(peek.status).toBe(404);
    const list = w.ok(await h.api.as(workers[0]!).get('/communities/c-a/elder-care/emergencies'), 'list');
    expect(list.items.filter((e: { id: string }) => e.id === a!.body.id)).toHaveLength(1);
  });
});
