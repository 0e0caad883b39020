import { dynamoClient } from '../../functions/platform/db';
import { vaultFromEnv } from '../../functions/platform/crypto';
import { keys } from '../../functions/platform/keys';
import { screenRegistry } from '../../functions/relief/jobs';
import { maskIdNumber } from '../../shared/platform/masking';
import { migrateSealBirthDates } from '../../scripts/migrateSealBirthDates';
import { harness, type Harness } from '../support/harness';
import { idNumber } from '../support/relief';

/**
 * scripts/migrateSealBirthDates.ts on items as the code before issue 11 item 1 wrote them: an application whose
 * members keep their birth dates, its household's registry entry with the dates, a volunteer with a date. After a
 * run none keeps a date, each keeps what the new code reads (birth years, keyed hashes of birth months), the monthly
 * screening still finds the member who turns 90 this month, and a second run rewrites nothing.
 */
jest.setTimeout(60_000);

let h: Harness;
const HOUSEHOLD = 'hh-old';
const NINETY = idNumber('1936-12-15', '515');
const SPOUSE = idNumber('1940-02-03', '525');

beforeAll(async () => {
  h = await harness();
  const at = '2025-06-01T02:00:00.000Z';
  const member = (name: string, relation: string, id: string, birthDate: string) => ({ name, relation, idMasked: maskIdNumber(id), sex: 'female', birthDate, hasIncome: false, hasDisability: false, hasHealth: false });
  await h.deps.db.put({
    ...keys.reliefApplication('app-old'),
    entity: 'reliefApplication',
    id: 'app-old',
    type: 'seniorAllowance',
    status: 'approved',
    subdistrictId: 'sd-t',
    communityId: 'c-a',
    ownerId: 'u-old',
    ownerName: '周奶奶',
    members: [member('周奶奶', 'self', NINETY, '1936-12-15'), member('周爷爷', 'spouse', SPOUSE, '1940-02-03')],
    form: { bankAccount: '***************0123' },
    documents: [],
    eligibility: { eligible: true, checks: [], persons: 1 },
    persons: 1,
    householdId: HOUSEHOLD,
    personHashes: [],
    locked: false,
    createdAt: at,
    updatedAt: at,
    version: 4,
  });
  await h.deps.db.put({
    ...keys.registryEntry('c-a', HOUSEHOLD),
    entity: 'registryEntry',
    householdId: HOUSEHOLD,
    communityId: 'c-a',
    headName: '周奶奶',
    tags: [],
    source: 'application',
    birthDates: ['1936-12-15', '1940-02-03'],
    flags: [],
    createdAt: at,
    updatedAt: at,
    version: 2,
  });
  await h.deps.db.put({ ...keys.volunteer('u-vol'), entity: 'volunteer', userId: 'u-vol', realName: '陈志愿', phone: '13900001111', skills: [], availability: [], birthDate: '1962-04-17', maskedIdNumber: '330106********7471', communityId: 'c-a', communityPath: ['sd-t', 'c-a'], registeredAt: at, updatedAt: at });
});

const run = () => {
  const v = vaultFromEnv();
  return migrateSealBirthDates({ client: dynamoClient(), tableName: h.tableName, hash: (p, x) => v.hash(p, x), page: 2 });
};

describe('migrateSealBirthDates', () => {
  it('rewrites old items in chunks, keeps what the rules need, and a second run rewrites nothing', async () => {
    // Act
    const first = await run();
    const second = await run();
    // Assess
    expect(first.rewritten).toEqual({ applications: 1, registryEntries: 1, volunteers: 1 });
    expect(first.pages).toBeGreaterThan(1);
    expect(second.rewritten).toEqual({ applications: 0, registryEntries: 0, volunteers: 0 });
    const app = await h.deps.db.get<Record<string, any>>(keys.reliefApplication('app-old'), true);
    expect(app!.members.map((m: Record<string, unknown>) => [m.birthYear, 'birthDate' in m])).toEqual([[1936, false], [1940, false]]);
    expect(app!.version).toBe(4);
    const entry = await h.deps.db.get<Record<string, any>>(keys.registryEntry('c-a', HOUSEHOLD), true);
    expect(entry!.birthDates).toBeUndefined();
    expect(entry!.birthMonthHashes).toHaveLength(2);
    // the application carries the same hashes, for its household's entry
    expect([...app!.birthMonthHashes].sort()).toEqual([...entry!.birthMonthHashes].sort());
    const vol = await h.deps.db.get<Record<string, any>>(keys.volunteer('u-vol'), true);
    expect([vol!.birthYear, vol!.birthDate]).toEqual([1962, undefined]);
    expect(JSON.stringify(await h.snapshot())).not.toMatch(/1936-12-15|19361215|1962-04-17/);
  });

  it('leaves the screening able to find the member who turns 90 this month', async () => {
    // Act
    await screenRegistry(h.deps, new Date('2026-12-01T02:00:00.000Z'));
    // Assess
    const entry = await h.deps.db.get<Record<string, any>>(keys.registryEntry('c-a', HOUSEHOLD), true);
    expect(entry!.flags.map((f: { kind: string }) => f.kind)).toEqual(['ageThreshold']);
  });
});
