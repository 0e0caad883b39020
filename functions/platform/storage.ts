import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { checkBucket } from './cloudRules';

/** Photos and documents: uploaded from the phone straight to S3 by presigned POST, read back by presigned GET. */
export interface Storage {
  presignPost(key: string, contentType: string, maxBytes: number, expiresSeconds: number): Promise<{ url: string; fields: Record<string, string> }>;
  readUrl(key: string): Promise<string>;
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
  return {
    async presignPost(key, contentType, maxBytes, expiresSeconds) {
      if (opts.endpoint) checkBucket('PutObject', key);
      const post = await createPresignedPost(client, {
        Bucket: opts.bucket,
        Key: key,
        Conditions: [
          ['content-length-range', 1, maxBytes],
          ['eq', '$Content-Type', contentType],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: expiresSeconds,
      });
      return { url: post.url, fields: post.fields };
    },
    readUrl(key) {
      if (opts.endpoint) checkBucket('GetObject', key);
      return getSignedUrl(client, new GetObjectCommand({ Bucket: opts.bucket, Key: key }), { expiresIn: 3600 });
    },
  };
}
