import { CopyObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectTaggingCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { runningAs, type FunctionDeclaration } from './capability';
import { checkBucket, recordBreach } from './cloudRules';

/**
 * Photos and documents: uploaded from the phone straight to S3 by presigned POST, read back by presigned GET.
 * Every upload arrives tagged pending (the POST carries the tag, and its policy requires it); the bucket's lifecycle
 * rule deletes pending objects after 3 days (serverless.yml, ExpireUnreferencedUploads). A command that stores a
 * reference to an upload keeps it first (`keep`: the tag is removed), so only what nobody referenced expires: photos
 * of a matter never submitted, ID scans of an application abandoned before it was saved.
 */
export interface Storage {
  /** With `sealed`, the POST's policy pins SSE-KMS under that key and encryption context (the fields are conditions). */
  presignPost(key: string, contentType: string, maxBytes: number, expiresSeconds: number, sealed?: SealedWith): Promise<{ url: string; fields: Record<string, string> }>;
  /** A presigned GET, valid for `expiresSeconds` (1 hour unless said). */
  readUrl(key: string, expiresSeconds?: number): Promise<string>;
  /** Copies an object to another key, encrypted there with SSE-KMS (a migration's step; its tags go with it). */
  copySealed(from: string, to: string, sealed: SealedWith): Promise<void>;
  /** Whether an object is there, and how it is encrypted (undefined: no such object). */
  head(key: string): Promise<{ sse?: string; kmsKeyId?: string } | undefined>;
  /**
   * Keeps uploads a record now references: removes their pending tag, so the expiry rule passes them by. Call it
   * before the write that stores the keys (a write that then fails leaves a kept orphan, never an expired reference).
   * A key with no object (never uploaded, or already expired) is passed over.
   */
  keep(keys: readonly string[]): Promise<void>;
}

/** The tag every upload carries until a record references it; the bucket's lifecycle rule expires what still has it. */
export const PENDING_TAG = { key: 'linli-pending', value: '1' } as const;
/** The POST form field that sets it (S3 takes the tag set as XML in the `tagging` field). */
export const PENDING_TAGGING = `<Tagging><TagSet><Tag><Key>${PENDING_TAG.key}</Key><Value>${PENDING_TAG.value}</Value></Tag></TagSet></Tagging>`;

/** The request fields (POST form fields, copy headers) that ask S3 for SSE-KMS. */
export const SSE_HEADERS = {
  sse: 'x-amz-server-side-encryption',
  keyId: 'x-amz-server-side-encryption-aws-kms-key-id',
  context: 'x-amz-server-side-encryption-context',
} as const;

/** The key id relief's sealed objects are encrypted under: ReliefKey in the cloud, a stand-in name on the local stack. */
export const LOCAL_RELIEF_KMS_KEY_ID = 'linli-local-relief-key';
export function reliefKmsKeyId(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RELIEF_KMS_KEY_ID) return env.RELIEF_KMS_KEY_ID;
  if (env.LINLI_ENV === 'local') return LOCAL_RELIEF_KMS_KEY_ID;
  throw new Error('RELIEF_KMS_KEY_ID must be set outside the local stack');
}

/**
 * Object key prefixes that take only SSE-KMS under one key, as their bucket policy says in the cloud (a Deny on
 * s3:PutObject without `x-amz-server-side-encryption: aws:kms` and that key id): relief's documents under ReliefKey.
 */
export const SEALED_PREFIXES: Readonly<Record<string, () => string>> = { 'relief-docs/': () => reliefKmsKeyId() };

/** What the local stack answers a put its bucket policy refuses, named as AWS names it. */
class SealedPutRefused extends Error {
  readonly $fault = 'client';
  readonly $metadata = { httpStatusCode: 403 };
  constructor(message: string) {
    super(`linli local guard: ${message}`);
    this.name = 'AccessDeniedException';
  }
}

/**
 * The local stack's rule for a put (a presigned POST's fields, a copy's headers) to a sealed prefix: refused without
 * SSE-KMS under the prefix's key, and recorded as the guard records a breach (tests fail on it). A bucket policy binds
 * every caller, so this holds for scripts as well as functions. It lives here, not in cloudRules.ts, because the cloud
 * bundles replace cloudRules.ts by a stub (cloud/esbuildPlugins.js) and these constants are needed in the cloud.
 */
export function checkSealedPut(key: string, fields: Readonly<Record<string, string | undefined>>, fn: FunctionDeclaration | undefined = runningAs()?.fn): void {
  const prefix = Object.keys(SEALED_PREFIXES).find((p) => key.startsWith(p));
  if (!prefix) return;
  const want = SEALED_PREFIXES[prefix]!();
  const sse = fields[SSE_HEADERS.sse];
  const keyId = fields[SSE_HEADERS.keyId];
  if (sse === 'aws:kms' && keyId === want) return;
  const message = `s3:PutObject on ${key} refused by the bucket policy of ${prefix}: it takes only ${SSE_HEADERS.sse}: aws:kms with ${SSE_HEADERS.keyId}: ${want} (got ${sse ?? 'none'}${keyId ? ` under ${keyId}` : ''})`;
  recordBreach({ rule: 'permission', fn: fn?.name, message });
  throw new SealedPutRefused(message);
}

/**
 * SSE-KMS for an object: S3 wraps its data key with this KMS key, and the additional encryption context rides in every
 * KMS call S3 makes for the object, so a role's KMS condition on that context (cloud/iam.js) applies to it too.
 */
export interface SealedWith {
  kmsKeyId: string;
  context: Readonly<Record<string, string>>;
}

/** The POST fields (and headers of a copy) that ask S3 for SSE-KMS under `sealed`. */
export function sealedFields(sealed: SealedWith): Record<string, string> {
  return {
    [SSE_HEADERS.sse]: 'aws:kms',
    [SSE_HEADERS.keyId]: sealed.kmsKeyId,
    [SSE_HEADERS.context]: Buffer.from(JSON.stringify(sealed.context), 'utf8').toString('base64'),
  };
}

export function s3Storage(opts: { bucket: string; endpoint?: string; publicEndpoint?: string; region: string }): Storage {
  // Presigning is computation, not I/O: it is done against the endpoint the phone (or browser) will use.
  const client = new S3Client({
    region: opts.region,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    ...(opts.publicEndpoint
      ? { endpoint: opts.publicEndpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
      : {}),
  });
  // The function's own calls go to the endpoint it reaches (the same as the phone's, except behind a proxy locally).
  const api =
    opts.endpoint && opts.endpoint !== opts.publicEndpoint
      ? new S3Client({ region: opts.region, requestChecksumCalculation: 'WHEN_REQUIRED', endpoint: opts.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
      : client;
  return {
    async presignPost(key, contentType, maxBytes, expiresSeconds, sealed) {
      const sse = sealed ? sealedFields(sealed) : {};
      if (opts.endpoint) {
        checkBucket('PutObject', key);
        // the POST sets the pending tag: S3 checks PutObjectTagging on the signer as well
        checkBucket('PutObjectTagging', key);
        // a sealed prefix takes only SSE-KMS under its key, as its bucket policy would refuse anything else
        checkSealedPut(key, sse);
      }
      const post = await createPresignedPost(client, {
        Bucket: opts.bucket,
        Key: key,
        Conditions: [
          ['content-length-range', 1, maxBytes],
          ['eq', '$Content-Type', contentType],
        ],
        // each field is also a condition of the policy: a POST without the pending tag is refused
        Fields: { 'Content-Type': contentType, tagging: PENDING_TAGGING, ...sse },
        Expires: expiresSeconds,
      });
      return { url: post.url, fields: post.fields };
    },
    readUrl(key, expiresSeconds = 3600) {
      if (opts.endpoint) checkBucket('GetObject', key);
      return getSignedUrl(client, new GetObjectCommand({ Bucket: opts.bucket, Key: key }), { expiresIn: expiresSeconds });
    },
    async copySealed(from, to, sealed) {
      const sse = sealedFields(sealed);
      if (opts.endpoint) {
        checkBucket('GetObject', from);
        checkBucket('PutObject', to);
        checkSealedPut(to, sse);
      }
      await api.send(
        new CopyObjectCommand({
          Bucket: opts.bucket,
          Key: to,
          CopySource: `${opts.bucket}/${encodeURIComponent(from).replace(/%2F/g, '/')}`,
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: sealed.kmsKeyId,
          SSEKMSEncryptionContext: sse[SSE_HEADERS.context],
        }),
      );
    },
    async head(key) {
      if (opts.endpoint) checkBucket('GetObject', key);
      try {
        const out = await api.send(new HeadObjectCommand({ Bucket: opts.bucket, Key: key }));
        return { sse: out.ServerSideEncryption, kmsKeyId: out.SSEKMSKeyId };
      } catch (e) {
        if (e instanceof S3ServiceException && (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata.httpStatusCode === 404)) return undefined;
        throw e;
      }
    },
    async keep(keys) {
      await Promise.all(
        [...new Set(keys)].map(async (key) => {
          if (opts.endpoint) checkBucket('PutObjectTagging', key);
          try {
            await api.send(new PutObjectTaggingCommand({ Bucket: opts.bucket, Key: key, Tagging: { TagSet: [] } }));
          } catch (e) {
            if (!(e instanceof S3ServiceException && e.name === 'NoSuchKey')) throw e;
          }
        }),
      );
    },
  };
}
