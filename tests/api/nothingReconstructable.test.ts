import { unmarshall } from '@aws-sdk/util-dynamodb';
import { screenRegistry } from '../../functions/relief/jobs';
import { currentVolunteerIdConsentVersion } from '../../shared/signups/consent';
import { BANK, dibaoBody, idNumber, ok, reliefWorld, seniorCardBody, type ReliefWorld } from '../support/relief';

/**
 * Nothing reconstructable (issue 11 item 1): a table read, a backup or an export must not give back an ID number or a
 * bank account number from what is stored in the clear. A world of relief applications (approved, so the registry
 * holds the household), a worker-added registry household screened in the month its head turns 90, and a volunteer
 * who gave both an ID number and a birth date; then every stored item is scanned and, for each group of items that
 * belong together (one partition, one household, one person), every plain string is tried against the pieces of each
 * number the test made: an ID number is rebuilt by its area code (6), its birth date (8: YYYYMMDD or YYYY-MM-DD) and its
 * sequence (3: the check digit follows from the first 17), a bank account by all but its last 4 and its last 4. Sealed
 * blobs (`{v, k, iv, tag, ct}`) are not plain and are left out.
 */
jest.setTimeout(120_000);

const SELF = idNumber('1955-09-09', '919');
const SPOUSE = idNumber('1956-10-10', '929');
const CHILD = idNumber('2012-07-08', '939');
const SENIOR = idNumber('1950-01-01', '222');
const HEAD = idNumber('1936-12-15', '515', '440306'); // turns 90 on 2026-12-15: flagged by this month's screening
const VOLUNTEER = idNumber('1962-04-17', '747', '330106');
const NUMBERS = [SELF, SPOUSE, CHILD, SENIOR, HEAD, VOLUNTEER];
const ACCOUNTS = [BANK];

let w: ReliefWorld;
let items: Record<string, unknown>[];

const isSealed = (v: unknown) => !!v && typeof v === 'object' && 'ct' in v && 'iv' in v && 'tag' in v;

/** Every plain string (and number, as text) of an item, nested ones too; sealed blobs left out. */
function plainStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v, v.replace(/[-/.\s]/g, ''));
  else if (typeof v === 'number') out.push(String(v));
  else if (v instanceof Set) for (const x of v) plainStrings(x, out);
  else if (Array.isArray(v)) for (const x of v) plainStrings(x, out);
  else if (v && typeof v === 'object' && !isSealed(v)) for (const x of Object.values(v)) plainStrings(x, out);
  return out;
}

/** Items that belong together: by partition, by household id, by the person they are about. */
function groups(all: Record<string, unknown>[]): Map<string, Record<string, unknown>[]> {
  const g = new Map<string, Record<string, unknown>[]>();
  const add = (key: string, it: Record<string, unknown>) => g.set(key, [...(g.get(key) ?? []), it]);
  for (const it of all) {
    add(`pk:${String(it.pk)}`, it);
    for (const k of ['householdId', 'userId', 'ownerId', 'residentId']) if (typeof it[k] === 'string') add(`${k}:${it[k] as string}`, it);
  }
  return g;
}

/** What could be rebuilt from a group's plain strings: each number named with the group that gives it. */
function rebuildable(all: Record<string, unknown>[]): string[] {
  const found: string[] = [];
  for (const [key, members] of groups(all)) {
    const strings = members.flatMap((m) => plainStrings(m));
    const has = (piece: string) => strings.some((s) => s.includes(piece));
    for (const n of NUMBERS) {
      if (has(n) || (has(n.slice(0, 6)) && has(n.slice(6, 14)) && has(n.slice(14, 17)))) found.push(`${n} from ${key}`);
    }
    for (const a of ACCOUNTS) if (has(a) || (has(a.slice(0, -4)) && has(a.slice(-4)))) found.push(`${a} from ${key}`);
  }
  return [...new Set(found)];
}

beforeAll(async () => {
  w = await reliefWorld();
  // Prepare: an approved dibao household of three (the registry holds it), a senior card draft, a worker-added household
  const body = dibaoBody(w.p.wang, { self: SELF, spouse: SPOUSE });
  body.household[2]!.idNumber = CHILD;
  await w.approved(w.p.wang, body);
  await w.draft(w.p.li, { ...seniorCardBody(w.p.li), household: [{ name: '李奶奶', relation: 'self', idNumber: SENIOR }] });
  ok(await w.h.api.as(w.p.worker).post('/communities/c-a/relief/registry', { gridId: 'g-a1', headName: '周爷爷', headIdNumber: HEAD, tags: ['elderlyAlone'] }), 'registry');
  await screenRegistry(w.h.deps, new Date('2026-12-01T02:00:00.000Z'));
  // a volunteer with an ID number (for the certificate) and a birth date (for age bands and the time bank)
  const v = await w.h.person('陈志愿', [['resident', 'c-a']]);
  ok(await w.h.api.as(v).put('/me/volunteer', { realName: '陈志愿', phoneCode: 'phone:13900009999', skills: ['陪伴'], availability: ['weekendDaytime'], birthDate: '1962-04-17', idNumber: VOLUNTEER, idNumberConsent: currentVolunteerIdConsentVersion }), 'volunteer');
  items = (await w.h.snapshot()).map((s) => unmarshall(JSON.parse(s)));
});

describe('nothing reconstructable', () => {
  it('the world stored what the scan looks for: masks, sealed parts, the registry and the volunteer', () => {
    // the scan is only worth something if the items it should look at are there
    const strings = items.flatMap((i) => plainStrings(i));
    expect(strings.some((s) => s.includes(`${SELF.slice(0, 6)}********${SELF.slice(-4)}`))).toBe(true);
    expect(strings.some((s) => s.includes(`${VOLUNTEER.slice(0, 6)}********${VOLUNTEER.slice(-4)}`))).toBe(true);
    const registry = items.filter((i) => i.entity === 'registryEntry');
    expect(registry).toHaveLength(2);
    // the screening opened the worker-added head's sealed birth date: 90 this month
    expect(registry.flatMap((e) => (e.flags as { kind: string }[]).map((f) => f.kind))).toEqual(['ageThreshold']);
    expect(items.filter((i) => i.entity === 'reliefSealed').length).toBeGreaterThanOrEqual(2);
  });

  it('rebuilds no ID number and no bank account from what is stored in the clear', () => {
    expect(rebuildable(items)).toEqual([]);
  });

  it('the scan finds a number when the pieces are there (a birth date put beside a mask)', () => {
    // Prepare: an item as the code before issue 11 item 1 stored a member
    const old = { pk: 'RAPP#x', sk: 'APP', members: [{ idMasked: `${SELF.slice(0, 6)}********${SELF.slice(-4)}`, birthDate: '1955-09-09' }] };
    // Assess
    expect(rebuildable([old])).toEqual([`${SELF} from pk:RAPP#x`]);
    expect(rebuildable([{ pk: 'X', a: `${BANK.slice(0, -4)}`, b: '***0123' }])).toEqual([`${BANK} from pk:X`]);
  });
});
