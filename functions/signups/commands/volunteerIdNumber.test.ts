import { SHIFT_START, signupsWorld, ok, readPdf } from '../../../tests/support/signups';
import { badIdNumber, idNumber } from '../../../tests/support/relief';
import type { Person } from '../../../tests/support/harness';
import { currentVolunteerIdConsentVersion } from '../../../shared/signups/consent';
import { vaultFromEnv, type Sealed } from '../../platform/crypto';
import { keys } from '../../platform/keys';
import { setLogSink } from '../../platform/log';
import { volunteerIdAad } from '../store';

/**
 * A volunteer's ID number, for the certificate of service hours: sealed in the table, masked in every answer and on the
 * certificate, never in a log line.
 */
type World = Awaited<ReturnType<typeof signupsWorld>>;
let w: World;
const lines: string[] = [];
let restore: ReturnType<typeof setLogSink>;

beforeAll(async () => {
  // every level, so that the request lines and the commands' own lines are all captured
  process.env.LOG_LEVEL = 'debug';
  w = await signupsWorld();
  restore = setLogSink((line) => lines.push(line));
});
afterAll(() => setLogSink(restore));

/** every number any test here sends, to look for in the table and the logs */
const sent: string[] = [];
let phones = 0;
function id(birth: string, seq: string): string {
  const n = idNumber(birth, seq);
  sent.push(n);
  return n;
}
const masked = (n: string) => `${n.slice(0, 6)}********${n.slice(-4)}`;

async function register(p: Person, extra: Record<string, unknown>, name = '陈静') {
  return w.h.api.as(p).put('/me/volunteer', { realName: name, phoneCode: `phone:1360000${String(++phones).padStart(4, '0')}`, ...extra });
}

async function rawVolunteer(userId: string) {
  return (await w.h.deps.db.get<Record<string, unknown>>(keys.volunteer(userId), true))!;
}

describe("a volunteer's ID number", () => {
  it('is stored sealed to the record, and answered only masked', async () => {
    // Prepare
    const p = await w.h.person('陈静', [['resident', 'c-a']]);
    const n = id('1985-06-15', '421');
    // Act
    const res = await register(p, { idNumber: n, idNumberConsent: currentVolunteerIdConsentVersion });
    const mine = ok(await w.h.api.as(p).get('/me/volunteer'), 'me');
    // Assess
    expect(res.status).toBe(200);
    expect(res.body.maskedIdNumber).toBe(masked(n));
    expect(mine.volunteer.maskedIdNumber).toBe(masked(n));
    for (const body of [res.body, mine]) {
      expect(JSON.stringify(body)).not.toContain(n);
      expect(JSON.stringify(body)).not.toContain('idNumberSealed');
    }
    const item = await rawVolunteer(p.id);
    expect(JSON.stringify(item)).not.toContain(n);
    expect(item.maskedIdNumber).toBe(masked(n));
    expect(item.idNumberConsent).toEqual({ textVersion: currentVolunteerIdConsentVersion, at: w.h.clock.now().toISOString() });
    // what is sealed is the number, and it opens on this volunteer's record only
    const sealed = item.idNumberSealed as Sealed;
    await expect(vaultFromEnv().open(sealed, volunteerIdAad(p.id))).resolves.toBe(n);
    await expect(vaultFromEnv().open(sealed, volunteerIdAad('someone-else'))).rejects.toThrow();
  });

  it('takes a lower-case x as the check digit X', async () => {
    // Prepare: a number whose check digit is X
    let n = '';
    for (let s = 100; !n.endsWith('X'); s++) n = idNumber('1990-01-01', String(s));
    sent.push(n);
    const p = await w.h.person('赵小', [['resident', 'c-a']]);
    // Act
    const res = await register(p, { idNumber: n.toLowerCase(), idNumberConsent: currentVolunteerIdConsentVersion });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body.maskedIdNumber).toBe(masked(n));
    await expect(vaultFromEnv().open((await rawVolunteer(p.id)).idNumberSealed as Sealed, volunteerIdAad(p.id))).resolves.toBe(n);
  });

  it('refuses a number whose check digit is wrong, without repeating it, and registers nothing', async () => {
    // Prepare
    const p = await w.h.person('钱错', [['resident', 'c-a']]);
    const bad = badIdNumber('1970-03-04');
    sent.push(bad);
    // Act
    const res = await register(p, { idNumber: bad, idNumberConsent: currentVolunteerIdConsentVersion });
    // Assess
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.message.length).toBeGreaterThan(0);
    expect(res.body.messageEn.length).toBeGreaterThan(0);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.idNumber']);
    expect(JSON.stringify(res.body)).not.toContain(bad);
    expect(ok(await w.h.api.as(p).get('/me/volunteer'), 'me').volunteer).toBeNull();
  });

  it('needs the separate consent, to the current text', async () => {
    // Prepare
    const p = await w.h.person('孙同意', [['resident', 'c-a']]);
    const n = id('1980-02-02', '431');
    // Act
    const none = await register(p, { idNumber: n });
    const old = await register(p, { idNumber: n, idNumberConsent: '2020-01' });
    // Assess
    expect([none.status, none.body.code]).toEqual([422, 'CONSENT_REQUIRED']);
    expect([old.status, old.body.code]).toEqual([422, 'CONSENT_VERSION_UNKNOWN']);
    expect(old.body.details.current).toBe(currentVolunteerIdConsentVersion);
    expect(ok(await w.h.api.as(p).get('/me/volunteer'), 'me').volunteer).toBeNull();
  });

  it('is kept when I save my registration without it, replaced by a new one, and deleted with null', async () => {
    // Prepare
    const p = await w.h.person('周更新', [['resident', 'c-a']]);
    const first = id('1975-07-07', '441');
    const second = id('1975-07-07', '443');
    const withFirst = ok(await register(p, { idNumber: first, idNumberConsent: currentVolunteerIdConsentVersion }), 'first');
    // Act + Assess: the same body again answers the same
    const again = ok(await register(p, { idNumber: first, idNumberConsent: currentVolunteerIdConsentVersion }), 'again');
    expect({ ...again, phoneMasked: '' }).toEqual({ ...withFirst, phoneMasked: '' });
    // saved without it: kept
    expect(ok(await register(p, { skills: ['理发'] }), 'kept').maskedIdNumber).toBe(masked(first));
    // a new one replaces it
    expect(ok(await register(p, { idNumber: second, idNumberConsent: currentVolunteerIdConsentVersion }), 'new').maskedIdNumber).toBe(masked(second));
    await expect(vaultFromEnv().open((await rawVolunteer(p.id)).idNumberSealed as Sealed, volunteerIdAad(p.id))).resolves.toBe(second);
    // null deletes the number, its masked form and the consent record
    const deleted = ok(await register(p, { idNumber: null }), 'deleted');
    expect(deleted.maskedIdNumber).toBeUndefined();
    const item = await rawVolunteer(p.id);
    expect(['idNumberSealed', 'maskedIdNumber', 'idNumberConsent'].filter((k) => k in item)).toEqual([]);
  });
});

describe('the certificate of service hours', () => {
  afterEach(() => w.h.clock.set('2026-12-01T02:00:00.000Z'));

  async function certified(name: string, extra: Record<string, unknown>) {
    const { shiftIds } = await w.activity({ slots: 5 });
    const v = await w.h.person(name, [['resident', 'c-a']]);
    ok(await register(v, extra, name), 'register');
    ok(await w.h.api.as(v).post(`/shifts/${shiftIds[0]}/signup`), 'sign up');
    w.h.clock.set(new Date(Date.parse(SHIFT_START) - 5 * 60_000).toISOString());
    const code = async () => ok(await w.h.api.as(w.organizer).get(`/shifts/${shiftIds[0]}/qr`), 'qr').token;
    ok(await w.h.api.as(v).post(`/shifts/${shiftIds[0]}/check-in`, { token: await code() }), 'check in');
    w.h.clock.advance(90 * 60_000);
    ok(await w.h.api.as(v).post(`/shifts/${shiftIds[0]}/check-out`, { token: await code() }), 'check out');
    ok(await w.h.api.as(w.organizer).post(`/shifts/${shiftIds[0]}/hours/${v.id}`, { minutes: 90 }), 'confirm');
    const cert = ok(await w.h.api.as(v).post('/me/certificates', { from: '2026-01-01', to: '2026-12-31' }), 'issue');
    const pdf = ok(await w.h.api.as(v).get(`/me/certificates/${cert.serial}/pdf`), 'pdf');
    const check = ok(await w.h.api.as().get(`/certificates/${cert.serial}`), 'verify');
    const text = readPdf(Buffer.from(pdf.content, 'base64')).pages.map((pg) => pg.lines.join('')).join('');
    return { cert, check, text };
  }

  it('prints the masked ID number, and the serial check shows the same', async () => {
    // Prepare + Act
    const n = id('1962-11-20', '451');
    const { cert, check, text } = await certified('吴证明', { idNumber: n, idNumberConsent: currentVolunteerIdConsentVersion });
    // Assess
    expect(cert.maskedId).toBe(masked(n));
    expect(text).toContain(`吴证明（身份证号：${masked(n)}）`);
    expect(check).toMatchObject({ valid: true, name: '吴*明', maskedId: masked(n) });
    for (const s of [JSON.stringify(cert), JSON.stringify(check), text]) expect(s).not.toContain(n);
  });

  it('says 未登记 for a volunteer who gave none', async () => {
    const { cert, check, text } = await certified('郑未填', {});
    expect(cert.maskedId).toBeUndefined();
    expect(text).toContain('郑未填（身份证号：未登记）');
    expect(check.maskedId).toBeUndefined();
  });
});

describe('everything above', () => {
  it('left no ID number in the table, keys and indexes included', async () => {
    const all = (await w.h.snapshot()).join('\n').toUpperCase();
    expect(sent.length).toBeGreaterThanOrEqual(6);
    for (const n of sent) expect(all.includes(n)).toBe(false);
  });

  it('wrote no ID number in a log line', () => {
    expect(lines.length).toBeGreaterThan(20);
    for (const l of lines) for (const n of sent) expect(l.toUpperCase().includes(n)).toBe(false);
  });
});
