import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { dynamoClient } from '../../functions/platform/db';
import { keys } from '../../functions/platform/keys';
import { s3Storage } from '../../functions/platform/storage';
import { migrateReliefDocuments, newKeyOf } from '../../scripts/migrateReliefDocuments';
import { dibaoBody, ok, reliefWorld, type ReliefWorld } from '../support/relief';

/**
 * scripts/migrateReliefDocuments.ts on applications as the code before the documents' prefix wrote them: documents and
 * a signed form's photo under relief/ (one of them never uploaded), the consent item with the photo's key. After a run
 * every key is under relief-docs/, each object there holds the same bytes, a reviewer opens one through the audited
 * view, and a second run changes nothing; a run stopped after its first page and resumed from its cursor ends the same.
 */
jest.setTimeout(90_000);

let w: ReliefWorld;
let s3: S3Client;
const bucket = () => process.env.UPLOAD_BUCKET!;
const storage = () => s3Storage(w.h.deps.config.uploads);
const run = (extra: { page?: number; from?: string; dryRun?: boolean; log?: (line: string) => void } = {}) =>
  migrateReliefDocuments({ client: dynamoClient(process.env.DYNAMODB_ENDPOINT, 'ap-east-1'), tableName: w.h.tableName, storage: storage(), ...extra });

beforeAll(async () => {
  w = await reliefWorld();
  s3 = new S3Client({ region: 'ap-east-1', endpoint: process.env.S3_ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
});

const bytesOf = (key: string) => Buffer.from(key);
const put = (key: string) => s3.send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: bytesOf(key), ContentType: 'image/jpeg' }));
const read = async (key: string) => Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket(), Key: key }))).Body!.transformToByteArray());

/** A submitted proxy application whose items are rewritten to the old prefix, with its objects there (but one). */
async function oldApplication(seq: string) {
  const d = ok(await w.h.api.as(w.p.grid).post('/relief/applications', dibaoBody(w.p.grid, { forUserId: w.p.li.id, gridId: 'g-a1', seq })), 'create');
  const c = ok(await w.h.api.as(w.p.grid).post(w.path(d.application.id, '/consent'), { method: 'signedForm', textVersion: '2026-11', photoKey: `relief-docs/${w.p.grid.id}/signed${seq}.jpg`, version: d.application.version }), 'consent');
  ok(await w.h.api.as(w.p.grid).post(w.path(d.application.id, '/submit'), { version: c.application.version }), 'submit');
  const id = d.application.id as string;
  const app = (await w.h.deps.db.get<{ documents: { kind: string; key: string }[]; consent: Record<string, unknown> }>(keys.reliefApplication(id)))!;
  const old = (k: string) => k.replace(/^relief-docs\//, 'relief/');
  const documents = app.documents.map((x) => ({ ...x, key: old(x.key) }));
  await w.h.deps.db.update(keys.reliefApplication(id), { set: { documents, consent: { ...app.consent, photoKey: old(app.consent.photoKey as string) } } });
  await w.h.deps.db.update(keys.reliefConsent(id), { set: { photoKey: old(app.consent.photoKey as string) } });
  // every object but the last document was uploaded (the last expired, say)
  for (const k of [...documents.slice(0, -1).map((x) => x.key), old(app.consent.photoKey as string)]) await put(k);
  return { id, documents, photoKey: old(app.consent.photoKey as string) };
}

describe('moving relief documents to their encrypted prefix', () => {
  it('copies each object and rewrites each key, then a second run changes nothing', async () => {
    // Prepare
    const a = await oldApplication('611');
    const dry = await run({ dryRun: true });
    expect(dry.rewritten).toEqual({ applications: 0, consents: 0 });
    // Act
    const first = await run({ page: 7 });
    const second = await run({ page: 7 });
    // Assess
    expect(first).toMatchObject({ rewritten: { applications: 1, consents: 1 }, copied: a.documents.length, missing: 1, skipped: 0 });
    expect(second).toMatchObject({ rewritten: { applications: 0, consents: 0 }, copied: 0, missing: 0 });
    const app = (await w.h.deps.db.get<{ documents: { key: string }[]; consent: { photoKey: string }; version: number }>(keys.reliefApplication(a.id)))!;
    expect(app.documents.map((x) => x.key)).toEqual(a.documents.map((x) => newKeyOf(x.key)));
    expect(app.consent.photoKey).toBe(newKeyOf(a.photoKey));
    expect((await w.h.deps.db.get<{ photoKey: string }>(keys.reliefConsent(a.id)))!.photoKey).toBe(newKeyOf(a.photoKey));
    for (const k of [...a.documents.slice(0, -1).map((x) => x.key), a.photoKey]) expect(await read(newKeyOf(k))).toEqual(bytesOf(k));
    // the reviewers open them through the audited view now
    const detail = ok(await w.h.api.as(w.p.worker).get(w.path(a.id)), 'detail');
    expect(detail.application.documents.every((x: { present: boolean }) => x.present)).toBe(true);
    const opened = ok(await w.h.api.as(w.p.worker).post(w.path(a.id, `/documents/${detail.application.documents[0].id}/view`), { reason: '迁移后核对材料' }), 'view');
    expect(Buffer.from(await (await fetch(opened.url)).arrayBuffer())).toEqual(bytesOf(a.documents[0]!.key));
  });

  it('resumes from the cursor of the page it stopped after, and ends as a whole run', async () => {
    // Prepare: two more old applications; a run that stops after its first page with old keys
    const [b, c] = [await oldApplication('612'), await oldApplication('613')];
    let cursor: string | undefined;
    const stopped = await run({
      page: 3,
      log: (line) => {
        const m = /with old keys ([1-9]\d*), cursor (\S+)/.exec(line);
        if (m) {
          cursor = m[2];
          throw new Error('stopped');
        }
      },
    }).catch((e: Error) => e);
    expect(stopped).toMatchObject({ message: 'stopped' });
    expect(cursor).toBeDefined();
    // Act
    const resumed = await run({ page: 3, from: cursor });
    const again = await run();
    // Assess
    expect(resumed.skipped).toBe(0);
    expect(again.rewritten).toEqual({ applications: 0, consents: 0 });
    for (const x of [b, c]) {
      const app = (await w.h.deps.db.get<{ documents: { key: string }[] }>(keys.reliefApplication(x.id)))!;
      expect(app.documents.every((d) => d.key.startsWith('relief-docs/'))).toBe(true);
    }
  });
});
