import { makeCtx, type UserCtx } from '../platform/context';
import { keys } from '../platform/keys';
import { currentPrivacyPolicyVersion } from '../../shared/privacy/policy';
import { currentVolunteerIdConsentVersion } from '../../shared/signups/consent';
import { NEXT_SESSION_A, type Person } from '../../tests/support/harness';
import { dibaoBody, idNumber, ok, reliefWorld, type ReliefWorld } from '../../tests/support/relief';
import { watchTransactions } from '../../tests/support/transactions';
import { elderCareWorld } from '../../tests/support/elderCare';
import { emergencyItem, type EmergencyRecord } from '../elderCare/store';
import { closeAccount } from './commands/close';
import { ports } from '../ports';
import { drainPrivacyWork, purgeExpired } from './jobs';
import { privacyKeys, setCurrentPolicyVersion } from './store';

let w: ReliefWorld;
const DAY = 86_400_000;

beforeAll(async () => {
  w = await reliefWorld();
});

async function raise(who: Person, text: string, photos: string[] = []) {
  return ok(await w.h.api.as(who).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text, photos }), 'matter');
}

/** Every item of the table (all pages) whose attributes hold `text` anywhere. */
async function scanFor(text: string): Promise<{ pk: string; sk: string }[]> {
  const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
  const out: { pk: string; sk: string }[] = [];
  let start: Record<string, any> | undefined;
  do {
    const page = await w.h.deps.db.client.send(new ScanCommand({ TableName: w.h.tableName, ExclusiveStartKey: start }));
    for (const i of page.Items ?? []) if (JSON.stringify(i).includes(text)) out.push({ pk: String(i.pk?.S), sk: String(i.sk?.S) });
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

async function exported(who: Person): Promise<{ doc: any; state: any }> {
  ok(await w.h.api.as(who).post('/me/data-export'), 'start export');
  await drainPrivacyWork(w.h.deps);
  const state = ok(await w.h.api.as(who).get('/me/data-export'), 'export state');
  const doc = state.url ? await (await fetch(state.url)).json() : undefined;
  return { doc, state };
}

describe('my data as a download (第四十五条)', () => {
  it('holds my matters and my relief application with members’ ID numbers masked, and nothing of another resident', async () => {
    // Prepare
    const resident = await w.h.person('周桂芳', [['resident', 'c-a']]);
    const other = await w.h.person('吴邻居', [['resident', 'c-a']]);
    const mine = await raise(resident, '三号楼门口的路灯坏了一个星期');
    const theirs = await raise(other, '小区东门垃圾桶满了没人清理');
    const self = idNumber('1966-02-03', '517');
    const app = await w.submitted(resident, dibaoBody(resident, { self }));
    // Act
    const started = await w.h.api.as(resident).post('/me/data-export');
    const before = ok(await w.h.api.as(resident).get('/me/data-export'), 'state before');
    await drainPrivacyWork(w.h.deps);
    const state = ok(await w.h.api.as(resident).get('/me/data-export'), 'state after');
    const text = await (await fetch(state.url)).text();
    const xlsx = Buffer.from(await (await fetch(state.xlsxUrl)).arrayBuffer());
    // Assess
    expect(started.status).toBe(202);
    expect(before.state).toBe('preparing');
    expect(state).toMatchObject({ state: 'ready', counts: expect.objectContaining({ matters: 1, reliefApplications: 1 }) });
    const doc = JSON.parse(text);
    expect(doc.sections.matters.map((m: { id: string }) => m.id)).toEqual([mine.id]);
    expect(doc.sections.reliefApplications[0]).toMatchObject({ id: app.application.id, status: 'submitted' });
    expect(doc.sections.reliefApplications[0].members[0].idMasked).toBe(`${self.slice(0, 6)}********${self.slice(-4)}`);
    expect(text).not.toContain(self);
    expect(text).not.toContain(theirs.id);
    expect(text).not.toContain(other.id);
    expect(text).not.toContain('小区东门垃圾桶');
    expect(doc.sections.profile[0]).toMatchObject({ displayName: '周桂芳', roles: [expect.objectContaining({ role: 'resident', unitId: 'c-a' })] });
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  });

  it('holds my consultation comments with their state, and not a neighbour’s on the same consultation', async () => {
    // Prepare
    const resident = await w.h.person('郑秀梅', [['resident', 'c-a']]);
    const other = await w.h.person('冯邻居', [['resident', 'c-a']]);
    const consultation = ok(
      await w.h.api.as(w.p.worker).post('/consultations', { unitId: 'c-a', title: '社区健身器材更新征求意见', description: '拟在中心广场更新一批健身器材。', options: ['更新', '暂不更新'], opensAt: '2026-12-01T00:00:00.000Z', closesAt: '2026-12-20T00:00:00.000Z' }),
      'consultation',
    );
    const mine = ok(await w.h.api.as(resident).post(`/consultations/${consultation.id}/comments`, { text: '希望增加适合老人的器材' }, { 'idempotency-key': 'export-comment-1' }), 'my comment');
    ok(await w.h.api.as(other).post(`/consultations/${consultation.id}/comments`, { text: '篮球架也该换了' }, { 'idempotency-key': 'export-comment-2' }), 'their comment');
    // Act
    const { doc } = await exported(resident);
    // Assess
    expect(doc.sections.comments).toEqual([{ consultationId: consultation.id, id: mine.id, text: '希望增加适合老人的器材', at: expect.any(String) }]);
    expect(JSON.stringify(doc)).not.toContain('篮球架也该换了');
  });

  it('answers the export being prepared when asked again, and refuses a fourth download in a day with 429', async () => {
    // Prepare
    const resident = await w.h.person('冯大姐', [['resident', 'c-a']]);
    // Act
    const first = ok(await w.h.api.as(resident).post('/me/data-export'), 'first');
    const again = ok(await w.h.api.as(resident).post('/me/data-export'), 'again');
    const run = await drainPrivacyWork(w.h.deps);
    const third = await w.h.api.as(resident).post('/me/data-export');
    const fourth = await w.h.api.as(resident).post('/me/data-export');
    // Assess
    expect(first).toEqual(again);
    expect(run.done).toBeGreaterThanOrEqual(1);
    expect(third.status).toBe(202);
    expect(fourth.status).toBe(429);
    expect(fourth.body.code).toBe('RATE_LIMITED');
  });
});

describe('withdrawing a consent (第十五条, 第四十七条)', () => {
  it('shows what withdrawing means, then withdraws the undecided application and records when', async () => {
    // Prepare
    const resident = await w.h.person('郑阿姨', [['resident', 'c-a']]);
    const app = await w.submitted(resident, dibaoBody(resident, { self: idNumber('1971-04-05', '611') }));
    const id = `relief:${app.application.id}`;
    const listed = ok(await w.h.api.as(resident).get('/me/consents'), 'consents').items;
    w.h.clock.advance(60_000);
    // Act
    const res = await w.h.api.as(resident).post('/me/consents/withdraw', { consentId: id, confirm: true });
    const again = await w.h.api.as(resident).post('/me/consents/withdraw', { consentId: id, confirm: true });
    // Assess
    expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ id, withdrawable: true, effectZh: expect.stringContaining('不能继续审核') })]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, withdrawable: false, withdrawnAt: w.h.clock.now().toISOString() });
    expect(again.status).toBe(200);
    const detail = ok(await w.h.api.as(resident).get(`/relief/applications/${app.application.id}`), 'detail');
    expect(detail.application.status).toBe('withdrawn');
    const record = await w.h.deps.db.get(privacyKeys.withdrawal(resident.id, id), true);
    expect(record).toMatchObject({ kind: 'relief', at: w.h.clock.now().toISOString() });
  });

  it('keeps a decided application as the law requires and marks only its consent withdrawn', async () => {
    // Prepare
    const resident = await w.h.person('钱老伯', [['resident', 'c-a']]);
    const app = await w.approved(resident, dibaoBody(resident, { self: idNumber('1958-06-07', '733') }));
    // Act
    const res = await w.h.api.as(resident).post('/me/consents/withdraw', { consentId: `relief:${app.application.id}`, confirm: true });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body.effectZh).toContain('按法律规定保存');
    const detail = ok(await w.h.api.as(w.p.officer).get(`/relief/applications/${app.application.id}`), 'detail');
    expect(detail.application.status).toBe('approved');
  });

  it('deletes a volunteer’s ID number when its consent is withdrawn, and keeps the volunteer record', async () => {
    // Prepare
    const volunteer = await w.h.person('陈静', [['resident', 'c-a']]);
    const n = idNumber('1988-01-02', '351');
    ok(await w.h.api.as(volunteer).put('/me/volunteer', { realName: '陈静', phoneCode: 'phone:13600009911', idNumber: n, idNumberConsent: currentVolunteerIdConsentVersion }), 'register');
    // Act
    const res = await w.h.api.as(volunteer).post('/me/consents/withdraw', { consentId: `volunteerIdNumber:${volunteer.id}`, confirm: true });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'volunteerIdNumber', withdrawable: false, withdrawnAt: w.h.clock.now().toISOString() });
    const item = (await w.h.deps.db.get<Record<string, unknown>>(keys.volunteer(volunteer.id), true))!;
    expect(item.realName).toBe('陈静');
    expect(item.idNumberSealed).toBeUndefined();
    expect(item.maskedIdNumber).toBeUndefined();
  });

  it('refuses another person’s consent (404), the privacy policy’s (409) and a withdrawal without confirming (400)', async () => {
    // Prepare
    const app = await w.consented(w.p.li, dibaoBody(w.p.li, { self: idNumber('1975-08-09', '845') }));
    // Act
    const stranger = await w.h.api.as(w.p.zhao).post('/me/consents/withdraw', { consentId: `relief:${app.application.id}`, confirm: true });
    const policy = await w.h.api.as(w.p.zhao).post('/me/consents/withdraw', { consentId: `privacyPolicy:${currentPrivacyPolicyVersion}`, confirm: true });
    const unconfirmed = await w.h.api.as(w.p.li).post('/me/consents/withdraw', { consentId: `relief:${app.application.id}` });
    // Assess
    expect(stranger.status).toBe(404);
    expect(policy.status).toBe(409);
    expect(policy.body.code).toBe('CONSENT_NOT_WITHDRAWABLE');
    expect(unconfirmed.status).toBe(400);
    expect(ok(await w.h.api.as(w.p.li).get(`/relief/applications/${app.application.id}`), 'detail').application.status).toBe('draft');
  });
});

describe('closing my account (第四十七条)', () => {
  it('ends every sign-in, deletes the profile and bindings, and pseudonymises the name on what must be kept', async () => {
    // Prepare
    const resident = await w.h.person('陈closing', [['resident', 'c-a']]);
    const matter = await raise(resident, '楼道里的灯晚上不亮了，老人走路不方便');
    const app = await w.submitted(resident, dibaoBody(resident, { self: idNumber('1969-10-11', '957') }));
    const draft = await w.draft(resident, dibaoBody(resident, { self: idNumber('1969-10-11', '957') }));
    // Act
    const refused = await w.h.api.as(resident).post('/me/close', {});
    const res = await w.h.api.as(resident).post('/me/close', { confirm: '注销' });
    const after = await w.h.api.as(resident).get('/me');
    const tx = watchTransactions(w.h.deps.db.client);
    await drainPrivacyWork(w.h.deps);
    tx.stop();
    // Assess
    expect(refused.status).toBe(400);
    expect(res.status).toBe(200);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('TOKEN_REVOKED');
    expect(await w.h.deps.db.get(keys.user(resident.id), true)).toBeUndefined();
    expect(await w.h.deps.db.get(keys.openid(resident.openid), true)).toBeUndefined();
    expect(await w.h.deps.db.get(keys.grant(resident.id, 'resident', 'c-a'), true)).toBeUndefined();
    const kept = (await w.h.deps.db.get<{ authorName: string }>(keys.matter(matter.id), true))!;
    expect(kept.authorName).toMatch(/^已注销用户/);
    const file = (await w.h.deps.db.get<{ ownerName: string; status: string }>(keys.reliefApplication(app.application.id), true))!;
    expect(file).toMatchObject({ status: 'submitted', ownerName: kept.authorName });
    expect(await w.h.deps.db.get(keys.reliefApplication(draft.application.id), true)).toBeUndefined();
    expect(tx.largest()).toBeLessThanOrEqual(100);
  });

  it('leaves no copy of the name anywhere in the table: matter, five-list record and history, relief history, reservations', async () => {
    // Prepare: a resident whose name is copied into records that are kept
    const name = '欧阳春燕';
    const resident = await w.h.person(name, [['resident', 'c-a']]);
    const worker = w.p.worker;
    const matter = await raise(resident, '小区南门的台阶破损，老人上下不方便');
    const ctx = makeCtx(w.h.deps, 'test-intake');
    // the say-it day's outcome: the matter enters the five lists through the intake port, the author's name copied
    await w.h.deps.db.transact(ports.fiveListsIntake.collectWrites(ctx, { id: matter.id, communityId: 'c-a', subdistrictId: 'sd-t', gridId: 'g-a1', authorId: resident.id, authorName: name, anonymous: false, category: 'environment', text: matter.text, photoKeys: [] }, { userId: resident.id, name }));
    const app = await w.submitted(resident, dibaoBody(resident, { self: idNumber('1972-05-06', '173') }));
    const organizer = await w.h.person('周组织', [['organizer', 'c-a']]);
    const event = ok(
      await w.h.api.as(organizer).post('/events', { unitId: 'c-a', title: '迎新年社区文艺汇演', description: '居民合唱', place: '和平社区文化广场', startsAt: '2027-01-10T01:00:00.000Z', endsAt: '2027-01-10T03:00:00.000Z', capacity: 4, maxCompanions: 1, cancelCutoffHours: 2 }, { 'idempotency-key': `ev-${resident.id}` }),
      'event',
    );
    ok(await w.h.api.as(resident).post(`/events/${event.event.id}/registration`, { companions: 0 }, { 'idempotency-key': `reg-${resident.id}` }), 'register');
    const before = await scanFor(name);
    // Act
    ok(await w.h.api.as(resident).post('/me/close', { confirm: '注销' }), 'close');
    const tx = watchTransactions(w.h.deps.db.client);
    await drainPrivacyWork(w.h.deps);
    tx.stop();
    // Assess: each kind of copy was there, and none is left
    expect(before.map((i) => i.sk)).toEqual(expect.arrayContaining(['FL', expect.stringMatching(/^FLHIST#/), expect.stringMatching(/^HIST#/), expect.stringMatching(/^RES#/)]));
    expect(await scanFor(name)).toEqual([]);
    const kept = (await w.h.deps.db.get<{ authorName: string }>(keys.matter(matter.id), true))!;
    expect((await w.h.deps.db.get<{ submitterName: string }>(keys.fiveListMatter(matter.id), true))!.submitterName).toBe(kept.authorName);
    expect((await w.h.deps.db.get<{ status: string }>(keys.reliefApplication(app.application.id), true))!.status).toBe('submitted');
    expect(tx.largest()).toBeLessThanOrEqual(100);
  });

  it('is idempotent: closing again answers the first closure and changes nothing', async () => {
    // Prepare
    const resident = await w.h.person('孔twice', [['resident', 'c-b']]);
    const ctx = makeCtx(w.h.deps, 'test-close', { userId: resident.id, displayName: resident.displayName, grants: resident.grants }) as UserCtx;
    const first = await closeAccount(ctx);
    await drainPrivacyWork(w.h.deps);
    const snapshot = await w.h.snapshot();
    w.h.clock.advance(5_000);
    // Act
    const second = await closeAccount(ctx);
    await drainPrivacyWork(w.h.deps);
    // Assess
    expect(second.closedAt).toBe(first.closedAt);
    expect(await w.h.snapshot()).toEqual(snapshot);
  });
});

describe('retention: purgeExpired', () => {
  it('deletes a download after 7 days and photos of a matter withdrawn 30 days ago, keeps what is not due, and changes nothing on a re-run', async () => {
    // Prepare
    const resident = await w.h.person('何purge', [['resident', 'c-a']]);
    const photos = [`uploads/${resident.id}/p1.jpg`, `uploads/${resident.id}/p2.jpg`];
    const gone = await raise(resident, '健身器材的螺丝松了，孩子玩很危险', photos);
    const stays = await raise(resident, '希望周末开放社区图书室给孩子们', [`uploads/${resident.id}/p3.jpg`]);
    ok(await w.h.api.as(resident).post(`/matters/${gone.id}/withdraw`), 'withdraw');
    const { state } = await exported(resident);
    const start = w.h.clock.now().getTime();
    // Act
    const early = await purgeExpired(w.h.deps, { at: new Date(start + 6 * DAY).toISOString() });
    const exportsDue = await purgeExpired(w.h.deps, { at: new Date(start + 8 * DAY).toISOString() });
    const photosDue = await purgeExpired(w.h.deps, { at: new Date(start + 31 * DAY).toISOString() });
    const rerun = await purgeExpired(w.h.deps, { at: new Date(start + 31 * DAY).toISOString() });
    // Assess
    expect(state.state).toBe('ready');
    expect(early).toMatchObject({ exports: 0, matters: 0 });
    expect(exportsDue.exports).toBeGreaterThanOrEqual(1);
    expect(await w.h.deps.db.get(privacyKeys.exportRecord(resident.id), true)).toBeUndefined();
    expect(exportsDue.matters).toBe(0);
    expect(photosDue.matters).toBeGreaterThanOrEqual(1);
    expect((await w.h.deps.db.get<{ photoKeys: string[] }>(keys.matter(gone.id), true))!.photoKeys).toEqual([]);
    expect((await w.h.deps.db.get<{ photoKeys: string[] }>(keys.matter(stays.id), true))!.photoKeys).toHaveLength(1);
    expect(rerun).toMatchObject({ exports: 0, matters: 0 });
  });

  it('deletes a 助急 call’s location after 90 days and keeps the call, and relief audit entries after 5 years, not a day before', async () => {
    // Prepare: an elder’s help call with an address, a reviewer’s audited reveal of a submitted application
    const elder = await elderCareWorld(w.h).resident('邹purgeelder', { birthYear: 1940 });
    // the call as elder care stores it (its own item builder), answered and resolved
    const call = { id: `sos-${elder.id}` };
    const createdAt = w.h.clock.now().toISOString();
    await w.h.deps.db.put(
      emergencyItem({ id: call.id, elderId: elder.id, elderName: '邹purgeelder', subdistrictId: 'sd', communityId: 'c-a', gridId: 'g-a1', location: { latitude: 31.2, longitude: 121.4, address: '和平路88号5楼' }, state: 'resolved', escalated: false, escalateAt: createdAt, createdAt, told: 1, familyIds: [], version: 2 } as EmergencyRecord),
    );
    const owner = await w.h.person('严purgeaudit', [['resident', 'c-a']]);
    const app = await w.submitted(owner, dibaoBody(owner, { self: idNumber('1962-03-04', '139') }));
    ok(await w.h.api.as(w.p.worker).post(`/relief/applications/${app.application.id}/reveal`, { reason: '入户核查，核对户籍信息' }), 'reveal');
    const audits = async () => (await w.h.deps.db.query({ pk: keys.reliefApplication(app.application.id).pk, prefix: 'AUDIT#', consistent: true })).items;
    const start = w.h.clock.now().getTime();
    const run = (days: number, kinds: ('emergencyLocation' | 'reliefAudit')[]) => purgeExpired(w.h.deps, { at: new Date(start + days * DAY).toISOString(), kinds });
    // Act
    const early = await run(89, ['emergencyLocation']);
    const heldBefore = (await w.h.deps.db.get<Record<string, unknown>>(keys.emergency(call.id), true))!;
    const due = await run(91, ['emergencyLocation']);
    const kept = (await w.h.deps.db.get<Record<string, unknown>>(keys.emergency(call.id), true))!;
    const again = await run(91, ['emergencyLocation']);
    const auditsBefore = await audits();
    const auditsEarly = await run(5 * 365 - 1, ['reliefAudit']);
    const auditsKept = await audits();
    const auditsDue = await run(5 * 365 + 1, ['reliefAudit']);
    const auditsRerun = await run(5 * 365 + 1, ['reliefAudit']);
    // Assess
    expect(early.emergencyLocations).toBe(0);
    expect(heldBefore.location).toMatchObject({ address: '和平路88号5楼' });
    expect(due.emergencyLocations).toBeGreaterThanOrEqual(1);
    expect(kept).toMatchObject({ id: call.id, elderId: elder.id, state: 'resolved', locationPurgedAt: new Date(start + 91 * DAY).toISOString() });
    expect(kept.location).toBeUndefined();
    expect(JSON.stringify(kept)).not.toContain('和平路88号');
    expect(again.emergencyLocations).toBe(0);
    expect(auditsBefore).toHaveLength(1);
    expect(auditsEarly.reliefAudits).toBe(0);
    expect(auditsKept).toHaveLength(1);
    expect(auditsDue.reliefAudits).toBeGreaterThanOrEqual(1);
    expect(await audits()).toEqual([]);
    expect(auditsRerun.reliefAudits).toBe(0);
    expect(ok(await w.h.api.as(owner).get(`/relief/applications/${app.application.id}`), 'file kept').application.status).toBe('submitted');
  });

  it('refuses a payload that is not { at, kinds } before reading anything', async () => {
    await expect(purgeExpired(w.h.deps, { at: 'yesterday' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(purgeExpired(w.h.deps, { kinds: ['everything'] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(purgeExpired(w.h.deps, { at: new Date().toISOString(), drop: true })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('the privacy policy, versioned', () => {
  it('asks a person who never accepted, records the current version, and refuses an old one', async () => {
    // Prepare
    const resident = await w.h.person('卫newpolicy', [['resident', 'c-b']]);
    // Act
    const before = ok(await w.h.api.as(resident).get('/me/privacy'), 'before');
    const stale = await w.h.api.as(resident).post('/me/privacy/accept', { version: '2020-01' });
    const accepted = ok(await w.h.api.as(resident).post('/me/privacy/accept', { version: currentPrivacyPolicyVersion }), 'accept');
    const consents = ok(await w.h.api.as(resident).get('/me/consents'), 'consents').items;
    // Assess
    expect(before).toMatchObject({ needsAcceptance: true, code: 'PRIVACY_POLICY_NEW_VERSION', policy: { version: currentPrivacyPolicyVersion } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('PRIVACY_POLICY_VERSION_UNKNOWN');
    expect(accepted).toMatchObject({ needsAcceptance: false, acceptedVersion: currentPrivacyPolicyVersion });
    expect(accepted.code).toBeUndefined();
    expect(consents).toEqual([expect.objectContaining({ kind: 'privacyPolicy', withdrawable: false })]);
  });

  it('asks again when the accepted version is older than the current one', async () => {
    // Prepare
    const resident = await w.h.person('蒋oldpolicy', [['resident', 'c-b']]);
    await w.h.deps.db.put({ ...privacyKeys.policy(resident.id), userId: resident.id, version: '2026-01', at: '2026-01-05T00:00:00.000Z' });
    // Act
    const state = ok(await w.h.api.as(resident).get('/me/privacy'), 'state');
    // Assess
    expect(state).toMatchObject({ needsAcceptance: true, code: 'PRIVACY_POLICY_NEW_VERSION', acceptedVersion: '2026-01' });
  });

  it('asks everyone who accepted the old version again once a new one is put in force, with what changed, and takes only the new one', async () => {
    // Prepare
    const resident = await w.h.person('沈movedpolicy', [['resident', 'c-b']]);
    ok(await w.h.api.as(resident).post('/me/privacy/accept', { version: currentPrivacyPolicyVersion }), 'accept the old');
    // Act
    await setCurrentPolicyVersion(w.h.deps.db, '2027-01', w.h.clock.now().toISOString());
    try {
      const asked = ok(await w.h.api.as(resident).get('/me/privacy'), 'asked');
      const old = await w.h.api.as(resident).post('/me/privacy/accept', { version: currentPrivacyPolicyVersion });
      const accepted = ok(await w.h.api.as(resident).post('/me/privacy/accept', { version: '2027-01' }), 'accept the new');
      // Assess
      expect(asked).toMatchObject({ needsAcceptance: true, code: 'PRIVACY_POLICY_NEW_VERSION', acceptedVersion: currentPrivacyPolicyVersion, policy: { version: '2027-01', changesZh: expect.stringContaining('九十天') } });
      expect(old.status).toBe(409);
      expect(accepted).toMatchObject({ needsAcceptance: false, acceptedVersion: '2027-01' });
    } finally {
      await setCurrentPolicyVersion(w.h.deps.db, currentPrivacyPolicyVersion, w.h.clock.now().toISOString());
    }
  });
});
