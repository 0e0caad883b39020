import { GetObjectCommand, PutObjectTaggingCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { checkBucket } from './cloudRules';

/**
 * Photos and documents: uploaded from the phone straight to S3 by presigned POST, read back by presigned GET.
 * Every upload arrives tagged pending (the POST carries the tag, and its policy requires it); the bucket's lifecycle
 * rule deletes pending objects after 3 days (serverless.yml, ExpireUnreferencedUploads). A command that stores a
 * reference to an upload keeps it first (`keep`: the tag is removed), so only what nobody referenced expires: photos
 * of a matter never submitted, ID scans of an application abandoned before it was saved.
 */
export interface Storage {
  presignPost(key: string, contentType: string, maxBytes: number, expiresSeconds: number): Promise<{ url: string; fields: Record<string, string> }>;
  readUrl(key: string): Promise<string>;
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
    async presignPost(key, contentType, maxBytes, expiresSeconds) {
      if (opts.endpoint) {
        checkBucket('PutObject', key);
        // the POST sets the pending tag: S3 checks PutObjectTagging on the signer as well
        checkBucket('PutObjectTagging', key);
      }
      const post = await createPresignedPost(client, {
        Bucket: opts.bucket,
        Key: key,
        Conditions: [
          ['content-length-range', 1, maxBytes],
          ['eq', '$Content-Type', contentType],
        ],
        // each field is also a condition of the policy: a POST without the pending tag is refused
        Fields: { 'Content-Type': contentType, tagging: PENDING_TAGGING },
        Expires: expiresSeconds,
      });
      return { url: post.url, fields: post.fields };
    },
    readUrl(key) {
      if (opts.endpoint) checkBucket('GetObject', key);
      return getSignedUrl(client, new GetObjectCommand({ Bucket: opts.bucket, Key: key }), { expiresIn: 3600 });
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
