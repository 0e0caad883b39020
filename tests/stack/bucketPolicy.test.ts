/**
 * The uploads bucket refuses what the app would never send (issue 11 items 2 and 7), read from the resolved
 * serverless config as tests/stack/serverlessConfig.test.ts reads it: the bucket policy denies any s3:PutObject (a
 * presigned POST, a PutObject or a CopyObject) to relief-docs/ that is not SSE-KMS under the relief key, whoever
 * signs it; and the lifecycle deletes the privacy downloads under exports/ after their 7 days even if purgeExpired
 * never ran. The policy is evaluated here for requests as S3 would see them, so a statement that stops matching fails.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { SEALED_PREFIXES } from '../../functions/platform/storage';
import { EXPORTS_PREFIX } from '../../functions/privacy/files';
import { retentionDays } from '../../shared/privacy/retention';
import { DOCUMENTS_PREFIX } from '../../shared/relief/schemas';

const ROOT = path.resolve(__dirname, '../..');

type Statement = { Sid?: string; Effect: 'Allow' | 'Deny'; Principal: unknown; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };
let resources: Record<string, any>;

beforeAll(() => {
  const out = execFileSync(path.join(ROOT, 'node_modules/.bin/serverless'), ['print', '--stage', 'ci', '--region', 'cn-north-1', '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  resources = JSON.parse(out.slice(out.indexOf('{'))).resources.Resources;
}, 90_000);

const BUCKET = 'linli-ci-uploads';
/** a CloudFormation value as this test names it: Fn::Sub resolved for AWS China, Ref and GetAtt of the key as markers */
function resolve(v: unknown): string {
  if (typeof v === 'string') return v;
  const o = v as Record<string, unknown>;
  if (o['Fn::Sub']) return String(o['Fn::Sub']).replace('${AWS::Partition}', 'aws-cn').replace('${UploadBucket}', BUCKET);
  if (o.Ref) return `ref:${String(o.Ref)}`;
  if (o['Fn::GetAtt']) return `arn:${(o['Fn::GetAtt'] as string[]).join('.')}`;
  throw new Error(`unresolved value ${JSON.stringify(v)}`);
}
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const glob = (pattern: string, s: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(s);

/** Whether one condition block holds for a request's context (absent keys as IAM treats them). */
function holds(op: string, block: Record<string, unknown>, ctx: Record<string, string>): boolean {
  return Object.entries(block).every(([key, want]) => {
    const values = list(want).map(resolve);
    const got = ctx[key];
    switch (op) {
      case 'StringEquals':
        return got !== undefined && values.includes(got);
      case 'StringNotEquals':
        return got === undefined || !values.includes(got); // a negated operator matches an absent key
      case 'Null':
        return (got === undefined) === (values[0] === 'true');
      case 'Bool':
        return got !== undefined && values.includes(got);
      default:
        throw new Error(`condition operator ${op} not known to this test`);
    }
  });
}

/** Whether the bucket policy denies s3:PutObject of `key` with these headers (over TLS). */
function deniesPut(key: string, headers: Record<string, string>): string[] {
  const statements = resources.UploadBucketPolicy.Properties.PolicyDocument.Statement as Statement[];
  const arn = `arn:aws-cn:s3:::${BUCKET}/${key}`;
  const ctx: Record<string, string> = { 'aws:SecureTransport': 'true', ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [`s3:${k}`, v])) };
  return statements
    .filter((s) => s.Effect === 'Deny' && list(s.Action).some((a) => a === 's3:*' || a === 's3:PutObject'))
    .filter((s) => list(s.Resource).map(resolve).some((r) => glob(r, arn)))
    .filter((s) => Object.entries(s.Condition ?? {}).every(([op, block]) => holds(op, block, ctx)))
    .map((s) => s.Sid ?? '?');
}

const KMS = { 'x-amz-server-side-encryption': 'aws:kms' };
const KEY = 'x-amz-server-side-encryption-aws-kms-key-id';

describe('the bucket policy of relief-docs/', () => {
  it('lets through what the app sends: SSE-KMS under the relief key, by its id or its ARN', () => {
    expect(deniesPut(`${DOCUMENTS_PREFIX}u1/idCard.jpg`, { ...KMS, [KEY]: 'ref:ReliefKey' })).toEqual([]);
    expect(deniesPut(`${DOCUMENTS_PREFIX}u1/idCard.jpg`, { ...KMS, [KEY]: 'arn:ReliefKey.Arn' })).toEqual([]);
  });

  it('denies a put with no encryption header, with SSE-S3, with aws:kms under the default or another key', () => {
    expect(deniesPut(`${DOCUMENTS_PREFIX}u1/idCard.jpg`, {}).length).toBeGreaterThan(0);
    expect(deniesPut(`${DOCUMENTS_PREFIX}u1/idCard.jpg`, { 'x-amz-server-side-encryption': 'AES256' }).length).toBeGreaterThan(0);
    expect(deniesPut(`${DOCUMENTS_PREFIX}u1/idCard.jpg`, KMS).length).toBeGreaterThan(0);
    expect(deniesPut(`${DOCUMENTS_PREFIX}u1/idCard.jpg`, { ...KMS, [KEY]: 'arn:aws-cn:kms:cn-north-1:111122223333:key/another' }).length).toBeGreaterThan(0);
    expect(deniesPut(`${DOCUMENTS_PREFIX}u1/idCard.jpg`, { 'x-amz-server-side-encryption': 'AES256', [KEY]: 'ref:ReliefKey' }).length).toBeGreaterThan(0);
  });

  it('covers every prefix the local guard seals (platform/storage.ts SEALED_PREFIXES), and leaves other prefixes to SSE-S3', () => {
    for (const prefix of Object.keys(SEALED_PREFIXES)) expect({ prefix, denied: deniesPut(`${prefix}x/y.jpg`, {}).length > 0 }).toEqual({ prefix, denied: true });
    expect(deniesPut('uploads/u1/photo.jpg', {})).toEqual([]);
    expect(deniesPut(`${EXPORTS_PREFIX}u1/e1.json`, {})).toEqual([]);
  });

  it('denies from everyone (Principal *), and the deny-without-TLS statement is still there', () => {
    const statements = resources.UploadBucketPolicy.Properties.PolicyDocument.Statement as Statement[];
    for (const s of statements.filter((x) => x.Sid?.startsWith('DenyReliefDocuments'))) expect(s.Principal).toBe('*');
    expect(statements.map((s) => s.Sid)).toContain('DenyInsecureTransport');
  });
});

describe('the lifecycle of exports/', () => {
  it('expires the privacy downloads after the 7 days of the retention table', () => {
    const rules = resources.UploadBucket.Properties.LifecycleConfiguration.Rules as { Id: string; Status: string; Prefix?: string; Filter?: { Prefix?: string }; ExpirationInDays?: number }[];
    const exports = rules.filter((r) => (r.Prefix ?? r.Filter?.Prefix) === EXPORTS_PREFIX);
    expect(exports).toEqual([expect.objectContaining({ Status: 'Enabled', ExpirationInDays: retentionDays('dataExport') })]);
    expect(retentionDays('dataExport')).toBe(7);
  });

  it('expires nothing else by prefix: photos and documents go by the pending tag only', () => {
    const rules = resources.UploadBucket.Properties.LifecycleConfiguration.Rules as { Prefix?: string; Filter?: { Prefix?: string }; ExpirationInDays?: number }[];
    const byPrefix = rules.filter((r) => r.ExpirationInDays && (r.Prefix ?? r.Filter?.Prefix) !== undefined).map((r) => r.Prefix ?? r.Filter?.Prefix);
    expect(byPrefix).toEqual([EXPORTS_PREFIX]);
  });
});
