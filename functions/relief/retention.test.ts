import { GetObjectTaggingCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Person } from '../../tests/support/harness';
import { dibaoBody, ok, reliefWorld, type ReliefWorld } from '../../tests/support/relief';
import { keys } from '../platform/keys';
import { PENDING_TAG } from '../platform/storage';
import { purgeExpired } from '../privacy/jobs';
import { closedAtOf } from './store';

/**
 * Relief files are kept 5 years after they close (shared/privacy/retention.ts `reliefFile`), then purgeExpired deletes
 * them whole (relief/privacyPort.ts `reliefFiles`): the application, its history, sealed part, consent, audit entries
 * and documents; payments, figures and the registry entry stay.
 */
let w: ReliefWorld;
let s3: S3Client;
const DAY = 86_400_000;
const FIVE_YEARS = 5 * 365;

beforeAll(async () => {
  w = await reliefWorld();
  s3 = new S3Client({ region: 'ap-east-1', endpoint: process.env.S3_ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
});

const partition = async (appId: string) => (await w.h.deps.db.query<{ sk: string }>({ pk: keys.reliefApplication(appId).pk, consistent: true })).items.map((i) => i.sk);
const tagsOf = async (key: string) => (await s3.send(new GetObjectTaggingCommand({ Bucket: process.env.UPLOAD_BUCKET, Key: key }))).TagSet ?? [];
const pending = (tags: { Key?: string; Value?: string }[]) => tags.some((t) => t.Key === PENDING_TAG.key && t.Value === PENDING_TAG.value);

/** A dibao application of a new resident, its documents uploaded to the bucket (untagged, as a kept document is). */
async function applicant(name: string): Promise<{ who: Person; body: ReturnType<typeof dibaoBody> }> {
  const who = await w.h.person(name, [['resident', 'c-a']]);
  const body = dibaoBody(who);
  for (const d of body.documents) await s3.send(new PutObjectCommand({ Bucket: process.env.UPLOAD_BUCKET, Key: d.key, Body: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) }));
  return { who, body };
}

async function rejected(name: string) {
  const { who, body } = await applicant(name);
  const id = (await w.submitted(who, body)).application.id as string;
  ok(await w.h.api.as(w.p.worker).post(w.path(id, '/reveal'), { reason: '入户核查，核对收入情况' }), 'reveal');
  ok(await w.review(w.p.worker, id, 'reject', { note: '家庭收入超过低保标准' }), 'reject');
  return { who, id, documents: body.documents.map((d) => d.key) };
}

describe('relief files purged 5 years after they close', () => {
  it('deletes a file closed 5 years and a day ago with its history, sealed part, consent, audit and documents; keeps one closed a day short of 5 years and an open one; a re-run changes nothing', async () => {
    // Prepare: a file rejected now, one rejected two days later, one still waiting
    const start = w.h.clock.now().getTime();
    const old = await rejected('冯purge旧');
    w.h.clock.advance(2 * DAY);
    const recent = await rejected('冯purge新');
    const { who: openOwner, body: openBody } = await applicant('冯purge待');
    const open = (await w.submitted(openOwner, openBody)).application.id as string;
    const oldBefore = await partition(old.id);
    const run = () => purgeExpired(w.h.deps, { at: new Date(start + (FIVE_YEARS + 1) * DAY).toISOString(), kinds: ['reliefFile'] });
    // Act
    const first = await run();
    const again = await run();
    // Assess
    expect(oldBefore).toEqual(expect.arrayContaining(['APP', 'SEALED', 'CONSENT', 'HIST#000001', expect.stringMatching(/^AUDIT#/)]));
    expect(first.reliefFiles).toBe(1);
    expect(first.reliefFileItems).toBe(oldBefore.length);
    expect(await partition(old.id)).toEqual([]);
    expect((await w.h.api.as(old.who).get(w.path(old.id))).status).toBe(404);
    expect((await w.h.deps.db.query({ index: 'gsi1', pk: keys.reliefAuditByCommunity('c-a', '', '').gsi1pk })).items.filter((a) => String((a as { pk: string }).pk) === keys.reliefApplication(old.id).pk)).toEqual([]);
    for (const key of old.documents) expect(pending(await tagsOf(key))).toBe(true);
    expect(ok(await w.h.api.as(recent.who).get(w.path(recent.id)), 'recent kept').application.status).toBe('rejected');
    for (const key of recent.documents) expect(pending(await tagsOf(key))).toBe(false);
    expect(ok(await w.h.api.as(openOwner).get(w.path(open)), 'open kept').application.status).toBe('submitted');
    expect(await partition(recent.id)).toEqual(expect.arrayContaining(['APP', 'SEALED', 'CONSENT']));
    expect(again).toMatchObject({ reliefFiles: 0, reliefFileItems: 0 });
  });

  it('purges an approved file 5 years after its last paid month and leaves the half year’s figures, the payments and the registry entry as they were', async () => {
    // Prepare: a dibao household approved, paid for this month; its case pays 12 months, so the file closes after them
    const { who, body } = await applicant('冯purge保');
    const approved = (await w.approved(who, body)).application;
    ok(await w.h.api.as(w.p.worker).post('/communities/c-a/relief/disbursements/batch', { period: '2026-12' }), 'batch');
    const figures = async () => ok(await w.h.api.as(w.p.worker).get('/relief/figures?unitId=c-a&from=2026-07&to=2026-12'), 'figures');
    const before = await figures();
    const stored = (await w.h.deps.db.get<{ decidedAt: string; amount: number; type: 'dibao'; status: 'approved'; householdId: string }>(keys.reliefApplication(approved.id), true))!;
    const closedAt = Date.parse(closedAtOf(stored)!);
    const registry = keys.registryEntry('c-a', stored.householdId);
    const payment = keys.disbursement('c-a', '2026-12', 'dibao', stored.householdId);
    // Act
    await purgeExpired(w.h.deps, { at: new Date(closedAt + (FIVE_YEARS - 1) * DAY).toISOString(), kinds: ['reliefFile'] });
    const keptThen = await partition(approved.id);
    const due = await purgeExpired(w.h.deps, { at: new Date(closedAt + (FIVE_YEARS + 1) * DAY).toISOString(), kinds: ['reliefFile'] });
    // Assess
    expect(closedAtOf(stored)).toBe('2027-11-30T16:00:00.000Z'); // the end of 2027-11 in China: 12 months from 2026-12
    expect(keptThen).toEqual(expect.arrayContaining(['APP', 'SEALED', 'CONSENT'])); // a day short of 5 years after closing
    expect(due.reliefFiles).toBeGreaterThanOrEqual(1);
    expect(await partition(approved.id)).toEqual([]);
    expect(JSON.stringify(before.rows)).toContain('dibao');
    expect(await figures()).toEqual(before);
    expect(await w.h.deps.db.get(payment, true)).toMatchObject({ applicationId: approved.id, status: 'pending' });
    expect(await w.h.deps.db.get(registry, true)).toMatchObject({ householdId: stored.householdId });
  });
});
