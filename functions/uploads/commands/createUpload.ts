import type { CreateUploadInput } from '../../../shared/uploads/schemas';
import type { UserCtx } from '../../platform/context';

const extensions = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
const EXPIRES_SECONDS = 600;

/** A presigned POST for one file, under the caller's own prefix, limited to the size and type declared. */
export async function createUpload(ctx: UserCtx, input: CreateUploadInput) {
  const key = `uploads/${ctx.principal.userId}/${ctx.newId()}.${extensions[input.contentType]}`;
  const post = await ctx.storage.presignPost(key, input.contentType, input.size, EXPIRES_SECONDS);
  return { key, url: post.url, fields: post.fields, expiresAt: new Date(ctx.clock.now().getTime() + EXPIRES_SECONDS * 1000).toISOString() };
}
