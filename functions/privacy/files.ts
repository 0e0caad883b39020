import { GetObjectCommand, PutObjectCommand, PutObjectTaggingCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Config } from '../platform/config';
import { checkBucket } from '../platform/cloudRules';
import { PENDING_TAG } from '../platform/storage';

/**
 * The download files of privacy, in the uploads bucket under `exports/<userId>/`: written by the export worker, read
 * by 15-minute presigned GETs, and at the end of their retention tagged pending, so the bucket's lifecycle rule that
 * removes unreferenced uploads deletes them (no role here needs s3:DeleteObject). Photos of withdrawn matters are let
 * go the same way. platform/storage.ts has no PutObject of a body; this is that, for privacy alone.
 */
export interface PrivacyFiles {
  put(key: string, body: Buffer | string, contentType: string): Promise<void>;
  url(key: string, expiresSeconds: number): Promise<string>;
  /** tags objects pending: the lifecycle rule deletes them within days; a key with no object is passed over */
  letGo(keys: readonly string[]): Promise<void>;
}

export const EXPORT_URL_SECONDS = 15 * 60;
/** where the download files live: the bucket's lifecycle rule ExpirePrivacyExports (serverless.yml) deletes them after 7 days */
export const EXPORTS_PREFIX = 'exports/';

export function privacyFiles(config: Pick<Config, 'uploads'>): PrivacyFiles {
  const opts = config.uploads;
  const local = (endpoint: string) => ({ endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const signer = new S3Client({ region: opts.region, requestChecksumCalculation: 'WHEN_REQUIRED', ...(opts.publicEndpoint ? local(opts.publicEndpoint) : {}) });
  const api = opts.endpoint && opts.endpoint !== opts.publicEndpoint ? new S3Client({ region: opts.region, requestChecksumCalculation: 'WHEN_REQUIRED', ...local(opts.endpoint) }) : signer;
  return {
    async put(key, body, contentType) {
      if (opts.endpoint) checkBucket('PutObject', key);
      await api.send(new PutObjectCommand({ Bucket: opts.bucket, Key: key, Body: body, ContentType: contentType, ContentDisposition: 'attachment' }));
    },
    url(key, expiresSeconds) {
      if (opts.endpoint) checkBucket('GetObject', key);
      return getSignedUrl(signer, new GetObjectCommand({ Bucket: opts.bucket, Key: key }), { expiresIn: expiresSeconds });
    },
    async letGo(keys) {
      for (const key of new Set(keys)) {
        if (opts.endpoint) checkBucket('PutObjectTagging', key);
        try {
          await api.send(new PutObjectTaggingCommand({ Bucket: opts.bucket, Key: key, Tagging: { TagSet: [{ Key: PENDING_TAG.key, Value: PENDING_TAG.value }] } }));
        } catch (e) {
          if (!(e instanceof S3ServiceException && e.name === 'NoSuchKey')) throw e;
        }
      }
    },
  };
}
