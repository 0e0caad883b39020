import { BANK, idNumber, ok, reliefWorld, type ReliefWorld } from '../../../tests/support/relief';
import type { Person } from '../../../tests/support/harness';

jest.setTimeout(60_000);

// the harness starts at 2026-12-01T02:00Z: 10:00 on Tuesday 1 December in China
let w: ReliefWorld;
beforeAll(async () => {
  w = await reliefWorld();
});

const levels2 = [
  { role: 'communityWorker', deadlineDays: 5 },
  { role: 'subdistrictOfficer', deadlineDays: 10 },
];
const dibaoDocs = [
  { kind: 'idCard', required: true },
  { kind: 'householdRegister', required: true },
  { kind: 'incomeProof', required: true },
  { kind: 'bankCard', required: false },
];
const dibaoVersion = (dibaoLine: number, effectiveFrom: string, extra: Record<string, unknown> = {}) => ({
  nameZh: '低保',
  nameEn: 'Minimum living allowance',
  parameters: { dibaoLine },
  documents: dibaoDocs,
  levels: levels2,
  effectiveFrom,
  reason: '市民政局调整低保标准',
  ...extra,
});
const seniorCardVersion = (seniorCardAge: number, effectiveFrom: string) => ({
  nameZh: '敬老优待证',
  nameEn: 'Senior citizen card',
  parameters: { seniorCardAge },
  documents: [
    { kind: 'idCard', required: true },
    { kind: 'photo', required: true },
  ],
  levels: [{ role: 'communityWorker', deadlineDays: 3 }],
  effectiveFrom,
  reason: '优待证年龄调整',
});
let key = 0;
const post = (who: Person, type: string, body: unknown, k = `rulever-${String(++key).padStart(4, '0')}`) => w.h.api.as(who).post(`/relief/types/${type}/versions`, body, { 'idempotency-key': k });
const typeOf = async (who: Person, type: string) => (ok(await w.h.api.as(who).get('/relief/types'), 'types').items as any[]).find((t) => t.type === type);

/** A dibao household of three whose income per person is 1400 a month: above the built-in line (1365), below 1500. */
let seq = 500;
function dibao1400(who: Person) {
  seq += 2;
  return {
    type: 'dibao',
    household: [
      { name: '王秀兰', relation: 'self', idNumber: idNumber('1971-03-04', String(seq + 1)), monthlyIncome: 2000 },
      { name: '陈大明', relation: 'spouse', idNumber: idNumber('1969-05-06', String(seq)), monthlyIncome: 1500 },
      { name: '陈小雨', relation: 'child', idNumber: idNumber('2013-07-08', String(seq)), monthlyIncome: 700 },
    ],
    form: { reason: '家庭收入低', housing: 'rented', bankAccount: BANK },
    documents: ['idCard', 'householdRegister', 'incomeProof'].map((kind) => ({ kind, key: `relief-docs/${who.id}/${kind}.jpg` })),
  };
}
async function consentedDraft(who: Person, body: unknown) {
  const d = ok(await w.h.api.as(who).post('/relief/applications', body), 'create');
  return ok(await w.h.api.as(who).post(w.path(d.application.id, '/consent'), { method: 'app', textVersion: '2026-11', version: d.application.version }), 'consent');
}

describe('relief rules as versions', () => {
  it('shows the built-in table as version 0 until a sub-district stores one', async () => {
    const t = await typeOf(w.p.wang, 'housingSubsidy');
    expect(t).toMatchObject({ version: 0, parameters: { housingSubsidyMonthly: 800, housingIncomeLimit: 4000 }, chain: ['community', 'subdistrict'] });
    expect(t.levels).toEqual([
      { role: 'communityWorker', deadlineDays: 5 },
      { role: 'subdistrictOfficer', deadlineDays: 10 },
    ]);
  });

  it('applies a version from its effective day: a raised line is on the form today, an application keeps the version it was submitted under', async () => {
    // Prepare: the built-in line (1365) refuses a household at 1400 a person
    const before = ok(await w.h.api.as(w.p.wang).post('/relief/eligibility', dibao1400(w.p.wang)), 'eligibility before');
    expect(before.eligible).toBe(false);
    // Act: the officer raises the line to 1500 from today
    const v1 = await post(w.p.officer, 'dibao', dibaoVersion(1500, '2026-12-01'));
    // Assess
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ type: 'dibao', version: 1, subdistrictId: 'sd-t', authorName: '黄伟', effectiveFrom: '2026-12-01', reason: '市民政局调整低保标准' });
    expect((await typeOf(w.p.wang, 'dibao')).parameters).toEqual({ dibaoLine: 1500 });
    const c = await consentedDraft(w.p.wang, dibao1400(w.p.wang));
    expect(c.application.eligibility.eligible).toBe(true);
    const s = ok(await w.h.api.as(w.p.wang).post(w.path(c.application.id, '/submit'), { version: c.application.version }), 'submit');
    expect(s.application.rulesVersion).toEqual({ version: 1, effectiveFrom: '2026-12-01' });
    expect(s.application.eligibility.suggestedAmount).toBe(1500 * 3 - 4200);

    // Act: a second version the same day lowers the line again
    const v2 = await post(w.p.officer, 'dibao', dibaoVersion(1300, '2026-12-01', { reason: '更正：按市标准执行' }));
    expect(v2.body.version).toBe(2);
    // Assess: the submitted application keeps version 1 and its eligibility; the form shows 1300
    const again = ok(await w.h.api.as(w.p.worker).get(w.path(s.application.id)), 'read').application;
    expect(again.rulesVersion).toEqual({ version: 1, effectiveFrom: '2026-12-01' });
    expect(again.eligibility.eligible).toBe(true);
    expect((await typeOf(w.p.li, 'dibao')).parameters.dibaoLine).toBe(1300);
    const history = ok(await w.h.api.as(w.p.officer).get('/relief/types/dibao/versions'), 'history');
    expect(history.inForce).toBe(2);
    expect(history.items.map((v: { version: number }) => v.version)).toEqual([2, 1, 0]);
    expect(history.items[0]).toMatchObject({ parameters: { dibaoLine: 1300 }, reason: '更正：按市标准执行', authorName: '黄伟' });
  });

  it('checks a draft again under the version in force on the day it is submitted', async () => {
    // Prepare: a draft at 1400 a person saved under a line of 1500
    ok(await post(w.p.officer, 'dibao', dibaoVersion(1500, '2026-12-01', { reason: '恢复 1500 元标准' })), 'line 1500');
    const c = await consentedDraft(w.p.li, dibao1400(w.p.li));
    expect(c.application.eligibility.eligible).toBe(true);
    // Act: the line goes down before it is submitted
    ok(await post(w.p.officer, 'dibao', dibaoVersion(1350, '2026-12-01', { reason: '按市标准 1350 元' })), 'line 1350');
    const res = await w.h.api.as(w.p.li).post(w.path(c.application.id, '/submit'), { version: c.application.version });
    // Assess
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NOT_ELIGIBLE');
    expect(res.body.details.checks).toContain('dibaoLine');
  });

  it('takes a version dated later only from its day, and names it as the next one until then', async () => {
    // Act
    const v = await post(w.p.officer, 'seniorCard', seniorCardVersion(65, '2026-12-10'));
    // Assess
    expect(v.status).toBe(201);
    expect(await typeOf(w.p.wang, 'seniorCard')).toMatchObject({ version: 0, parameters: { seniorCardAge: 60 }, nextVersion: { version: 1, effectiveFrom: '2026-12-10' } });
    w.h.clock.set('2026-12-09T15:59:00Z'); // 23:59 on the 9th in China
    expect((await typeOf(w.p.wang, 'seniorCard')).version).toBe(0);
    w.h.clock.set('2026-12-09T16:00:00Z'); // 00:00 on the 10th
    expect(await typeOf(w.p.wang, 'seniorCard')).toMatchObject({ version: 1, parameters: { seniorCardAge: 65 }, levels: [{ role: 'communityWorker', deadlineDays: 3 }] });
    w.h.clock.set('2026-12-01T02:00:00Z');
  });

  it('makes one version of a request sent twice with its Idempotency-Key', async () => {
    const body = { ...seniorCardVersion(62, '2026-12-20'), reason: '重发测试' };
    const a = await post(w.p.officer, 'seniorCard', body, 'same-key-1');
    const b = await post(w.p.officer, 'seniorCard', body, 'same-key-1');
    expect(b.body.version).toBe(a.body.version);
    const history = ok(await w.h.api.as(w.p.officer).get('/relief/types/seniorCard/versions'), 'history');
    expect(history.items.filter((v: { reason: string }) => v.reason === '重发测试')).toHaveLength(1);
  });
});

describe('what a version may say', () => {
  const cases: [string, Record<string, unknown>, number, string][] = [
    ['a threshold of zero', { parameters: { dibaoLine: 0 } }, 400, 'VALIDATION'],
    ['a negative amount', { parameters: { dibaoLine: -5 } }, 400, 'VALIDATION'],
    ['a parameter of another type', { parameters: { dibaoLine: 1400, seniorCardAge: 60 } }, 422, 'RULES_PARAMETERS_INVALID'],
    ['a missing parameter', { parameters: {} }, 422, 'RULES_PARAMETERS_INVALID'],
    ['no level', { levels: [] }, 400, 'VALIDATION'],
    ['four levels', { levels: [...levels2, ...levels2] }, 400, 'VALIDATION'],
    ['a chain starting at the sub-district', { levels: [{ role: 'subdistrictOfficer', deadlineDays: 5 }] }, 422, 'RULES_CHAIN_UNSUPPORTED'],
    ['three levels', { levels: [...levels2, { role: 'subdistrictOfficer', deadlineDays: 5 }] }, 422, 'RULES_CHAIN_UNSUPPORTED'],
    ['a deadline of 0 days', { levels: [{ role: 'communityWorker', deadlineDays: 0 }] }, 400, 'VALIDATION'],
    ['a document kind not in the list', { documents: [{ kind: 'passport', required: true }] }, 400, 'VALIDATION'],
    ['an effective day in the past', { effectiveFrom: '2026-11-30' }, 422, 'RULES_EFFECTIVE_IN_PAST'],
    ['no reason', { reason: '' }, 400, 'VALIDATION'],
  ];
  it.each(cases)('refuses %s, and stores nothing', async (_what, patch, status, code) => {
    const before = await w.h.snapshot();
    const res = await post(w.p.officer, 'dibao', { ...dibaoVersion(1400, '2026-12-01'), ...patch });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toBeTruthy();
    expect(res.body.messageEn).toBeTruthy();
    expect(await w.h.snapshot()).toEqual(before);
  });

  it('refuses the body without a reason field at all', async () => {
    const { reason: _r, ...body } = dibaoVersion(1400, '2026-12-01');
    const res = await post(w.p.officer, 'dibao', body);
    expect(res.status).toBe(400);
  });
});

describe('who may see and change the rules', () => {
  it('lets only officers add versions and read the history', async () => {
    for (const who of [w.p.worker, w.p.grid, w.p.wang]) {
      const res = await post(who, 'dibao', dibaoVersion(1400, '2026-12-01'));
      expect(res.status).toBe(403);
      expect((await w.h.api.as(who).get('/relief/types/dibao/versions')).status).toBe(403);
    }
  });

  it('serves the types to any signed-in person and to nobody signed out', async () => {
    expect((await w.h.api.as(w.p.worker).get('/relief/types')).status).toBe(200);
    expect((await w.h.api.as(undefined).get('/relief/types')).status).toBe(401);
  });
});
