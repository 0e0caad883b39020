import { harness, type Harness } from '../../tests/support/harness';
import { capability, runAs, type FunctionDeclaration } from './capability';
import { takeBreaches } from './cloudRules';
import { checkSealedPut, LOCAL_RELIEF_KMS_KEY_ID, s3Storage, sealedFields, SSE_HEADERS, type Storage } from './storage';

/**
 * relief-docs/ takes only SSE-KMS under the relief key, as its bucket policy would in AWS: the local guard refuses a
 * put there (a presigned POST's policy, a copy) without `x-amz-server-side-encryption: aws:kms` and the right key id,
 * whoever makes it, and records the breach. The tests below breach on purpose and take what they breached.
 */
const docs = capability('test', {
  functions: {
    docs: { handler: 'x.handler', description: 'test', endpoints: [], needs: { bucket: { read: ['relief-docs/', 'uploads/'], write: ['relief-docs/', 'uploads/'], tag: ['relief-docs/', 'uploads/'] } } },
  },
}).functions.docs as FunctionDeclaration;

const RIGHT = { kmsKeyId: LOCAL_RELIEF_KMS_KEY_ID, context: { app: 'linli', purpose: 'relief' } };

let h: Harness;
let storage: Storage;
beforeAll(async () => {
  h = await harness();
  storage = s3Storage(h.deps.config.uploads);
});

describe('a put to the documents prefix', () => {
  it('is refused without SSE-KMS, as the bucket policy would refuse it, and recorded', async () => {
    // Act
    const error = await runAs(docs, () => storage.presignPost('relief-docs/u1/a.jpg', 'image/jpeg', 100, 600)).catch((e: Error) => e);
    // Assess
    expect(error).toMatchObject({ name: 'AccessDeniedException', message: expect.stringMatching(/bucket policy of relief-docs\/.*aws:kms/) });
    expect(takeBreaches()).toEqual([expect.objectContaining({ rule: 'permission', fn: 'docs' })]);
  });

  it('is refused under another KMS key', async () => {
    const error = await runAs(docs, () => storage.presignPost('relief-docs/u1/a.jpg', 'image/jpeg', 100, 600, { ...RIGHT, kmsKeyId: 'some-other-key' })).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('under some-other-key') });
    expect(takeBreaches()).toHaveLength(1);
  });

  it('is refused to a script too (a bucket policy binds every caller), and passed with aws:kms and the relief key', () => {
    expect(() => checkSealedPut('relief-docs/u1/a.jpg', { [SSE_HEADERS.sse]: 'AES256' })).toThrow(/AccessDenied|bucket policy/);
    expect(takeBreaches()).toHaveLength(1);
    expect(() => checkSealedPut('relief-docs/u1/a.jpg', sealedFields(RIGHT))).not.toThrow();
    // other prefixes keep the bucket's default encryption
    expect(() => checkSealedPut('uploads/u1/a.jpg', {})).not.toThrow();
  });

  it('is presigned with the SSE-KMS fields as conditions of its policy when sealed with the relief key', async () => {
    // Act
    const post = await runAs(docs, () => storage.presignPost('relief-docs/u1/b.jpg', 'image/jpeg', 100, 600, RIGHT));
    // Assess
    const policy = JSON.parse(Buffer.from(post.fields.Policy!, 'base64').toString('utf8')) as { conditions: Record<string, string>[] };
    expect(policy.conditions).toEqual(expect.arrayContaining([{ [SSE_HEADERS.sse]: 'aws:kms' }, { [SSE_HEADERS.keyId]: LOCAL_RELIEF_KMS_KEY_ID }, { [SSE_HEADERS.context]: sealedFields(RIGHT)[SSE_HEADERS.context] }]));
    expect(JSON.parse(Buffer.from(post.fields[SSE_HEADERS.context]!, 'base64').toString('utf8'))).toEqual({ app: 'linli', purpose: 'relief' });
  });

  it('by copy is refused without SSE-KMS and done with it', async () => {
    // Prepare: an object under uploads/
    const post = await runAs(docs, () => storage.presignPost('uploads/u1/c.jpg', 'image/jpeg', 100, 600));
    const form = new FormData();
    for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
    form.append('file', new Blob([Buffer.from([1, 2, 3])], { type: 'image/jpeg' }), 'c.jpg');
    expect((await fetch(post.url, { method: 'POST', body: form })).status).toBeLessThan(300);
    // Act
    const refused = await runAs(docs, () => storage.copySealed('uploads/u1/c.jpg', 'relief-docs/u1/c.jpg', { ...RIGHT, kmsKeyId: '' })).catch((e: Error) => e);
    await runAs(docs, () => storage.copySealed('uploads/u1/c.jpg', 'relief-docs/u1/c.jpg', RIGHT));
    // Assess
    expect(refused).toMatchObject({ name: 'AccessDeniedException' });
    expect(takeBreaches()).toHaveLength(1);
    expect(await runAs(docs, () => storage.head('relief-docs/u1/c.jpg'))).toBeDefined();
    expect(await runAs(docs, () => storage.head('relief-docs/u1/none.jpg'))).toBeUndefined();
  });
});
