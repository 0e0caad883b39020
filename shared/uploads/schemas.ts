import { z } from 'zod';

export const UploadPurpose = z.enum(['matterPhoto']);

export const CreateUploadInput = z
  .object({
    purpose: UploadPurpose,
    contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    /** bytes; photos are compressed on the phone before upload */
    size: z.number().int().min(1).max(5 * 1024 * 1024),
  })
  .strict();
export type CreateUploadInput = z.infer<typeof CreateUploadInput>;

/** A presigned POST: send `fields` and the file (last, as `file`) to `url` as multipart/form-data. */
export const Upload = z.object({
  key: z.string(),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});
