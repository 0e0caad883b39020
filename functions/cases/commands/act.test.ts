import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { keys } from '../../platform/keys';

let h: Harness;
let gridWorker: Person;
let worker: Person;
let mediator: Person;
let otherWorker: Person;
let officer: Person;
let resident: Person;

beforeAll(async () => {
  h = await harness();
  gridWorker = await h.person('网格员李', [['gridWorker', 'g-a1']]);
  worker = await h.person('张社工', [['communityWorker', 'c-a']]);
  mediator = await h.person('调解员王', [['communityWorker', 'c-a']]);
  otherWorker = await h.person('金社工', [['communityWorker', 'c-b']]);
  officer = await h.person('街道刘', [['subdistrictOfficer', 'sd-t']]);
  resident = await h.person('居民陈', [['resident', 'c-a']]);
});

const cityCase = (extra: Record<string, unknown> = {}) => ({
  kind: 'cityCase',
  communityId: 'c-a',
  category: 'damagedRoad',
  title: '人民路路面破损',
  place: { text: '人民路 12 号门前' },
  ...extra,
});

const dispute = (extra: Record<string, unknown> = {}) => ({
  kind: 'mediation',
  communityId: 'c-a',
  category: 'neighbours',
  title: '楼上漏水引发邻里纠纷',
  parties: [
    { role: 'applicant', name: '赵大明', phone: '13812345678' },
    { role: 'respondent', name: '钱小红', phone: '13987654321' },
  ],
  consent: true,
  handlerId: mediator.id,
  ...extra,
});

describe('raising a case', () => {
  it('lets a grid worker on patrol raise a city case in their grid, counted as found on patrol', async () => {
    // Act
    const res = await h.api.as(gridWorker).post('/cases', cityCase());
    // Assess
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'cityCase', state: 'received', gridId: 'g-a1', source: 'patrol', open: true, overdue: false, version: 0 });
    expect(res.body.history).toHaveLength(1);
    expect(res.body.actions).toContain('handle');
  });

  it('refuses a resident and a worker of another community', async () => {
    const byResident = await h.api.as(resident).post('/cases', cityCase());
    const byOther = await h.api.as(otherWorker).post('/cases', cityCase());
    expect([byResident.status, byOther.status]).toEqual([403, 403]);
  });

  it('refuses a category that is not in the kind’s list, and an unknown kind', async () => {
    const badCategory = await h.api.as(worker).post('/cases', cityCase({ category: 'neighbours' }));
    const badKind = await h.api.as(worker).post('/cases', cityCase({ kind: 'weather' }));
    expect([badCategory.body.code, badKind.body.code]).toEqual(['CASE_CATEGORY_UNKNOWN', 'CASE_KIND_UNKNOWN']);
  });

  it('refuses a city case without a place and a mediation without its parties or their consent', async () => {
    const noPlace = await h.api.as(worker).post('/cases', cityCase({ place: undefined }));
    const noParties = await h.api.as(worker).post('/cases', dispute({ parties: undefined, consent: undefined }));
    const noConsent = await h.api.as(worker).post('/cases', dispute({ consent: undefined }));
    expect([noPlace.status, noParties.status, noConsent.status]).toEqual([422, 422, 422]);
    expect([noPlace.body.details.field, noParties.body.details.field, noConsent.body.code]).toEqual(['place', 'parties', 'CASE_CONSENT_MISSING']);
  });

  it('creates once when a raise is retried with the same idempotency key', async () => {
    // Act
    const first = await h.api.as(worker).post('/cases', cityCase({ title: '重试的案件' }), { 'idempotency-key': 'raise-retry-1' });
    const again = await h.api.as(worker).post('/cases', cityCase({ title: '重试的案件' }), { 'idempotency-key': 'raise-retry-1' });
    // Assess
    expect(again.body.id).toBe(first.body.id);
    const list = await h.api.as(worker).get('/communities/c-a/cases?kind=cityCase&limit=100');
    expect(list.body.items.filter((c: { title: string }) => c.title === '重试的案件')).toHaveLength(1);
  });

  it('refuses a second case with a ticket number the sub-district already has, also in another community', async () => {
    // Prepare
    await h.api.as(worker).post('/cases', cityCase({ ticketNo: 'rx-2026-0001', source: 'hotline' }));
    // Act
    const again = await h.api.as(otherWorker).post('/cases', cityCase({ communityId: 'c-b', ticketNo: 'RX-2026-0001', source: 'hotline' }));
    // Assess
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE_TICKET_EXISTS');
  });
});

describe('sealing the parties of a mediation', () => {
  it('stores no plain name or phone number and answers them masked', async () => {
    // Act
    const res = await h.api.as(worker).post('/cases', dispute());
    // Assess
    expect(res.status).toBe(201);
    expect(res.body.parties).toEqual([
      { role: 'applicant', name: '赵*明', phone: expect.stringMatching(/^138\*+5678$/) },
      { role: 'respondent', name: '钱*红', phone: expect.stringMatching(/^139\*+4321$/) },
    ]);
    const stored = (await h.snapshot()).filter((i) => i.includes(res.body.id)).join('\n');
    expect(stored).not.toMatch(/赵大明|钱小红|13812345678|13987654321/);
    expect(await h.deps.db.get(keys.caseSealed(res.body.id))).toBeDefined();
  });

  it('reveals them to the mediator (audited) and not to a grid worker', async () => {
    // Prepare
    const c = (await h.api.as(worker).post('/cases', dispute({ gridId: 'g-a1' }))).body;
    // Act
    const byMediator = await h.api.as(mediator).post(`/cases/${c.id}/parties/reveal`);
    const byGridWorker = await h.api.as(gridWorker).post(`/cases/${c.id}/parties/reveal`);
    // Assess
    expect(byMediator.body.parties.map((p: { name: string }) => p.name)).toEqual(['赵大明', '钱小红']);
    expect(byGridWorker.status).toBe(403);
    const audit = await h.deps.db.query({ pk: keys.caseItem(c.id).pk, prefix: 'AUDIT#' });
    expect(audit.items).toEqual([expect.objectContaining({ by: mediator.id, what: 'parties' })]);
  });
});

describe('the state machine', () => {
  it('takes a mediation through sessions to an agreement and a follow-up, one history entry a step', async () => {
    // Prepare
    let c = (await h.api.as(worker).post('/cases', dispute())).body;
    // Act
    c = (await h.api.as(mediator).post(`/cases/${c.id}/actions`, { action: 'recordSession', version: c.version, on: '2026-11-30', note: '双方到场，陈述各自诉求' })).body;
    c = (await h.api.as(mediator).post(`/cases/${c.id}/actions`, { action: 'recordSession', version: c.version, on: '2026-12-01', note: '现场查看漏水点' })).body;
    c = (await h.api.as(mediator).post(`/cases/${c.id}/actions`, { action: 'conclude', version: c.version, outcome: 'agreement', note: '楼上负责维修并赔偿 800 元', followUpOn: '2026-12-15' })).body;
    h.clock.advance(14 * 86_400_000);
    c = (await h.api.as(mediator).post(`/cases/${c.id}/actions`, { action: 'followUp', version: c.version, on: '2026-12-15', note: '已修好，双方满意' })).body;
    h.clock.advance(-14 * 86_400_000);
    // Assess
    expect(c).toMatchObject({ state: 'concluded', outcome: 'agreement', sessions: 2, open: false, version: 4 });
    expect(c.history.map((e: { action: string }) => e.action)).toEqual(['raise', 'recordSession', 'recordSession', 'conclude', 'followUp']);
  });

  it('refuses a step the state does not allow, and a write over a version no longer current', async () => {
    // Prepare
    const c = (await h.api.as(worker).post('/cases', dispute())).body;
    // Act
    const tooEarly = await h.api.as(mediator).post(`/cases/${c.id}/actions`, { action: 'conclude', version: c.version, outcome: 'agreement', note: '直接结案' });
    await h.api.as(mediator).post(`/cases/${c.id}/actions`, { action: 'recordSession', version: c.version, on: '2026-12-01', note: '第一次调解' });
    const stale = await h.api.as(worker).post(`/cases/${c.id}/actions`, { action: 'recordSession', version: c.version, on: '2026-12-01', note: '同时记录' });
    // Assess
    expect([tooEarly.status, tooEarly.body.code]).toEqual([409, 'CASE_STEP_NOT_ALLOWED']);
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
  });

  it('lets only an officer follow up the backlog, and a grid worker not assign a handler', async () => {
    // Prepare
    const c = (await h.api.as(gridWorker).post('/cases', cityCase())).body;
    // Act
    const byWorker = await h.api.as(worker).post(`/cases/${c.id}/actions`, { action: 'followUpBacklog', version: c.version, note: '请尽快处置' });
    const assign = await h.api.as(gridWorker).post(`/cases/${c.id}/actions`, { action: 'assign', version: c.version, handlerId: worker.id });
    const byOfficer = await h.api.as(officer).post(`/cases/${c.id}/actions`, { action: 'followUpBacklog', version: c.version, note: '请尽快处置' });
    // Assess
    expect([byWorker.status, assign.status, byOfficer.status]).toEqual([403, 403, 200]);
  });

  it('records a reply to the caller once', async () => {
    // Prepare
    let c = (await h.api.as(worker).post('/cases', cityCase({ source: 'hotline', ticketNo: 'RX-2026-0100' }))).body;
    c = (await h.api.as(worker).post(`/cases/${c.id}/actions`, { action: 'handle', version: c.version, outcome: 'resolved', note: '已通知市政修补' })).body;
    c = (await h.api.as(worker).post(`/cases/${c.id}/actions`, { action: 'reply', version: c.version, reply: '路面已修补，感谢反映' })).body;
    // Act
    const twice = await h.api.as(worker).post(`/cases/${c.id}/actions`, { action: 'reply', version: c.version, reply: '再回复一次' });
    // Assess
    expect(c.reply).toBe('路面已修补，感谢反映');
    expect([twice.status, twice.body.code]).toEqual([409, 'CASE_ACTION_DONE']);
  });

  it('hides cases from residents and from workers of another community', async () => {
    const c = (await h.api.as(worker).post('/cases', cityCase())).body;
    const byResident = await h.api.as(resident).get(`/cases/${c.id}`);
    const byOther = await h.api.as(otherWorker).get(`/cases/${c.id}`);
    expect([byResident.status, byOther.status]).toEqual([404, 404]);
  });
});

describe('deadlines', () => {
  it('flags a case overdue once its step deadline passes, and lists it among the overdue', async () => {
    // Prepare
    const c = (await h.api.as(worker).post('/cases', cityCase({ title: '超期的案件' }))).body;
    // Act
    h.clock.advance(2 * 86_400_000);
    const later = await h.api.as(worker).get(`/cases/${c.id}`);
    const overdue = await h.api.as(worker).get('/communities/c-a/cases?kind=cityCase&only=overdue&limit=100');
    h.clock.advance(-2 * 86_400_000);
    // Assess
    expect(c.overdue).toBe(false);
    expect(later.body.overdue).toBe(true);
    expect(overdue.body.items.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it("lists the sub-district's open cases for the officer, oldest first, flagging those open past 30 days", async () => {
    // Prepare
    const c = (await h.api.as(worker).post('/cases', cityCase({ title: '积案' }))).body;
    // Act
    h.clock.advance(31 * 86_400_000);
    // signed in a month later (the tokens of beforeAll have expired by then)
    const lateOfficer = await h.person('街道周', [['subdistrictOfficer', 'sd-t']]);
    const lateWorker = await h.person('孙社工', [['communityWorker', 'c-a']]);
    const res = await h.api.as(lateOfficer).get('/subdistricts/sd-t/cases/backlog?kind=cityCase');
    const byWorker = await h.api.as(lateWorker).get('/subdistricts/sd-t/cases/backlog?kind=cityCase');
    h.clock.advance(-31 * 86_400_000);
    // Assess
    expect(res.body.items.find((x: { id: string }) => x.id === c.id)).toMatchObject({ backlog: true });
    expect(byWorker.status).toBe(403);
  });
});
