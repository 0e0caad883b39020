import { SHIFT_START, signupsWorld, ok, readPdf } from '../../../tests/support/signups';
import type { Person } from '../../../tests/support/harness';

type World = Awaited<ReturnType<typeof signupsWorld>>;
let w: World;

beforeAll(async () => {
  w = await signupsWorld();
});
afterEach(() => w.h.clock.set('2026-12-01T02:00:00.000Z'));

/** On the day: 5 minutes before the shift. */
const ON_SITE = new Date(Date.parse(SHIFT_START) - 5 * 60_000).toISOString();

async function signedUp(opts: { elderToElder?: boolean } = {}) {
  const { activityId, shiftIds } = await w.activity({ slots: 5, elderToElder: opts.elderToElder });
  const v = await w.volunteer('林志愿', { birthDate: '1960-03-01' });
  ok(await w.h.api.as(v).post(`/shifts/${shiftIds[0]}/signup`), 'sign up');
  return { activityId, shiftId: shiftIds[0]!, v };
}

async function code(shiftId: string): Promise<string> {
  return ok(await w.h.api.as(w.organizer).get(`/shifts/${shiftId}/qr`), 'qr').token;
}

async function served(shiftId: string, v: Person, minutes: number) {
  w.h.clock.set(ON_SITE);
  ok(await w.h.api.as(v).post(`/shifts/${shiftId}/check-in`, { token: await code(shiftId) }), 'check in');
  w.h.clock.advance(minutes * 60_000);
  return ok(await w.h.api.as(v).post(`/shifts/${shiftId}/check-out`, { token: await code(shiftId) }), 'check out');
}

describe('checking in with the rotating code', () => {
  it('refuses a forged code, one for another shift, and an expired one; takes the current one once', async () => {
    // Prepare
    const { shiftId, v } = await signedUp();
    const other = await w.activity({ slots: 1 });
    w.h.clock.set(ON_SITE);
    const current = await code(shiftId);
    const [prefix, id, window] = current.split('.');
    // Act + Assess
    const forged = await w.h.api.as(v).post(`/shifts/${shiftId}/check-in`, { token: `${prefix}.${id}.${window}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` });
    expect(forged.status).toBe(422);
    expect(forged.body.code).toBe('QR_INVALID');
    const wrongShift = await w.h.api.as(v).post(`/shifts/${shiftId}/check-in`, { token: await code(other.shiftIds[0]!) });
    expect(wrongShift.body.code).toBe('QR_INVALID');
    w.h.clock.advance(3 * 60_000);
    const expired = await w.h.api.as(v).post(`/shifts/${shiftId}/check-in`, { token: current });
    expect(expired.status).toBe(422);
    expect(expired.body.code).toBe('QR_EXPIRED');
    const fresh = await w.h.api.as(v).post(`/shifts/${shiftId}/check-in`, { token: await code(shiftId) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.checkedInAt).toBeDefined();
    const again = await w.h.api.as(v).post(`/shifts/${shiftId}/check-in`, { token: await code(shiftId) });
    expect(again.body.code).toBe('ALREADY_CHECKED_IN');
  });

  it('accepts a code scanned just as it turns over', async () => {
    const { shiftId, v } = await signedUp();
    w.h.clock.set(ON_SITE);
    const token = await code(shiftId);
    w.h.clock.advance(60_000);
    expect((await w.h.api.as(v).post(`/shifts/${shiftId}/check-in`, { token })).status).toBe(200);
  });

  it('shows the code only to the organizer, and refuses a check-in by someone not signed up', async () => {
    const { shiftId, v } = await signedUp();
    expect((await w.h.api.as(v).get(`/shifts/${shiftId}/qr`)).status).toBe(403);
    const stranger = await w.volunteer('路人');
    w.h.clock.set(ON_SITE);
    const res = await w.h.api.as(stranger).post(`/shifts/${shiftId}/check-in`, { token: await code(shiftId) });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_SIGNED_UP');
  });

  it('gives the hours from check-in to check-out', async () => {
    const { shiftId, v } = await signedUp();
    const out = await served(shiftId, v, 125);
    expect(out).toMatchObject({ hoursStatus: 'pending', claimedMinutes: 120 });
  });
});

describe('confirming hours', () => {
  it('lets only the organizer of that activity confirm, and nobody their own', async () => {
    // Prepare
    const { shiftId, v } = await signedUp();
    await served(shiftId, v, 120);
    const otherOrganizer = await w.h.person('另一组织者', [['organizer', 'c-a']]);
    // Act
    const byOther = await w.h.api.as(otherOrganizer).post(`/shifts/${shiftId}/hours/${v.id}`, { minutes: 120 });
    const byVolunteer = await w.h.api.as(v).post(`/shifts/${shiftId}/hours/${v.id}`, { minutes: 120 });
    const byOrganizer = await w.h.api.as(w.organizer).post(`/shifts/${shiftId}/hours/${v.id}`, { minutes: 120 });
    // Assess
    expect(byOther.status).toBe(403);
    expect(byVolunteer.status).toBe(403);
    expect(byVolunteer.body.code).toBe('OWN_HOURS');
    expect(byOrganizer.status).toBe(200);
    expect(byOrganizer.body).toMatchObject({ minutes: 120, claimedMinutes: 120, servedOn: '2026-12-10' });
    const ledger = ok(await w.h.api.as(v).get('/me/hours'), 'ledger');
    expect(ledger.totalMinutes).toBe(120);
    expect(ledger.entries).toHaveLength(1);
    expect((await w.inbox(v)).filter((n) => n.template === 'hoursConfirmed')).toHaveLength(1);
  });

  it('refuses an organizer confirming hours they served on their own activity', async () => {
    const both = await w.volunteer('既组织又服务', { roles: [['organizer', 'c-a']] });
    const { shiftIds } = await w.activity({ slots: 2, by: both });
    ok(await w.h.api.as(both).post(`/shifts/${shiftIds[0]}/signup`), 'sign up');
    w.h.clock.set(ON_SITE);
    const token = ok(await w.h.api.as(both).get(`/shifts/${shiftIds[0]}/qr`), 'qr').token;
    ok(await w.h.api.as(both).post(`/shifts/${shiftIds[0]}/check-in`, { token }), 'in');
    const res = await w.h.api.as(both).post(`/shifts/${shiftIds[0]}/hours/${both.id}`, { minutes: 60, reason: '提前离开' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('OWN_HOURS');
  });

  it('asks a reason to adjust, and counts the hours once however often confirmed', async () => {
    const { shiftId, v } = await signedUp();
    await served(shiftId, v, 120);
    const noReason = await w.h.api.as(w.organizer).post(`/shifts/${shiftId}/hours/${v.id}`, { minutes: 90 });
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('ADJUST_REASON_REQUIRED');
    const results = await Promise.all([1, 2, 3].map(() => w.h.api.as(w.organizer).post(`/shifts/${shiftId}/hours/${v.id}`, { minutes: 90, reason: '中途离开半小时' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(['HOURS_ALREADY_CONFIRMED', 'HOURS_ALREADY_CONFIRMED']);
    const ledger = ok(await w.h.api.as(v).get('/me/hours'), 'ledger');
    expect(ledger.totalMinutes).toBe(90);
    expect(ledger.entries[0]).toMatchObject({ minutes: 90, claimedMinutes: 120, adjustReason: '中途离开半小时' });
  });

  it('credits elder-to-elder hours to the time bank as well', async () => {
    const { shiftId, v } = await signedUp({ elderToElder: true });
    await served(shiftId, v, 60);
    ok(await w.h.api.as(w.organizer).post(`/shifts/${shiftId}/hours/${v.id}`, { minutes: 60 }), 'confirm');
    const bank = ok(await w.h.api.as(v).get('/me/time-bank'), 'bank');
    expect(bank.balanceMinutes).toBe(60);
    expect(bank.entries).toMatchObject([{ kind: 'earn', minutes: 60, shiftId }]);
  });
});

describe('ledgers and certificates', () => {
  it("does not show a resident another's ledger, but shows it to the staff over them", async () => {
    const { v } = await signedUp();
    const neighbour = await w.volunteer('邻居');
    const res = await w.h.api.as(neighbour).get(`/volunteers/${v.id}/hours`);
    expect(res.status).toBe(404);
    expect((await w.h.api.as(w.organizerB).get(`/volunteers/${v.id}/hours`)).status).toBe(404);
    expect((await w.h.api.as(w.organizer).get(`/volunteers/${v.id}/hours`)).status).toBe(200);
    expect((await w.h.api.as(v).get(`/volunteers/${v.id}/hours`)).status).toBe(200);
  });

  it('issues a certificate whose serial anyone can verify', async () => {
    // Prepare
    const { shiftId, v } = await signedUp();
    await served(shiftId, v, 120);
    ok(await w.h.api.as(w.organizer).post(`/shifts/${shiftId}/hours/${v.id}`, { minutes: 120 }), 'confirm');
    // Act
    const empty = await w.h.api.as(v).post('/me/certificates', { from: '2025-01-01', to: '2025-12-31' });
    const cert = await w.h.api.as(v).post('/me/certificates', { from: '2026-01-01', to: '2026-12-31' });
    // Assess
    expect(empty.body.code).toBe('CERTIFICATE_EMPTY');
    expect(cert.status).toBe(201);
    expect(cert.body).toMatchObject({ name: '林志愿', organisation: '测试街道', totalMinutes: 120, hours: 2 });
    const check = await w.h.api.as().get(`/certificates/${cert.body.serial}`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ valid: true, name: '林*愿', totalMinutes: 120 });
    const fake = await w.h.api.as().get('/certificates/LL20261201ABCDEFGHJK');
    expect(fake.body).toEqual({ serial: 'LL20261201ABCDEFGHJK', valid: false });
  });

  it('gives the holder their certificate as a PDF that says what the data says, and nobody else', async () => {
    // Prepare
    const { shiftId, v } = await signedUp();
    await served(shiftId, v, 90);
    ok(await w.h.api.as(w.organizer).post(`/shifts/${shiftId}/hours/${v.id}`, { minutes: 90 }), 'confirm');
    const cert = ok(await w.h.api.as(v).post('/me/certificates', { from: '2026-01-01', to: '2026-12-31' }), 'issue');
    const neighbour = await w.volunteer('邻居');
    // Act
    const mine = await w.h.api.as(v).get(`/me/certificates/${cert.serial}/pdf`);
    const theirs = await w.h.api.as(neighbour).get(`/me/certificates/${cert.serial}/pdf`);
    const staff = await w.h.api.as(w.organizer).get(`/me/certificates/${cert.serial}/pdf`);
    const anonymous = await w.h.api.as().get(`/me/certificates/${cert.serial}/pdf`);
    // Assess
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ contentType: 'application/pdf', encoding: 'base64', filename: `volunteer-certificate-${cert.serial}.pdf` });
    const text = readPdf(Buffer.from(mine.body.content, 'base64')).pages.map((p) => p.lines.join('')).join('');
    for (const s of ['林志愿', cert.serial, '出具单位：测试街道', '合计：1.5小时', '2026年1月1日至2026年12月31日']) expect(text).toContain(s);
    expect(theirs.status).toBe(404);
    expect(staff.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });

  it('does not verify a serial with one character changed', async () => {
    // Prepare
    const { shiftId, v } = await signedUp();
    await served(shiftId, v, 60);
    ok(await w.h.api.as(w.organizer).post(`/shifts/${shiftId}/hours/${v.id}`, { minutes: 60 }), 'confirm');
    const { serial } = ok(await w.h.api.as(v).post('/me/certificates', { from: '2026-01-01', to: '2026-12-31' }), 'issue');
    const last = serial.slice(-1);
    const tampered = serial.slice(0, -1) + (last === 'Z' ? 'Y' : 'Z');
    // Act
    const check = await w.h.api.as().get(`/certificates/${tampered}`);
    const pdf = await w.h.api.as(v).get(`/me/certificates/${tampered}/pdf`);
    // Assess
    expect(check.body).toEqual({ serial: tampered, valid: false });
    expect(pdf.status).toBe(404);
    expect((await w.h.api.as().get(`/certificates/${serial}`)).body.valid).toBe(true);
  });

  it('issues one certificate for a retried request with the same Idempotency-Key', async () => {
    const { shiftId, v } = await signedUp();
    await served(shiftId, v, 60);
    ok(await w.h.api.as(w.organizer).post(`/shifts/${shiftId}/hours/${v.id}`, { minutes: 60 }), 'confirm');
    const headers = { 'idempotency-key': 'cert-retry-0001' };
    const a = ok(await w.h.api.as(v).post('/me/certificates', { from: '2026-01-01', to: '2026-12-31' }, headers), 'first');
    const b = ok(await w.h.api.as(v).post('/me/certificates', { from: '2026-01-01', to: '2026-12-31' }, headers), 'retry');
    expect(b.serial).toBe(a.serial);
  });
});
