import type { Matter, SubmitMatterInput } from '../../../shared/sayItDay/schemas';
import { isOpenForMatters } from '../../../shared/sayItDay/schedule';
import { can } from '../../../shared/org/permissions';
import type { UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { type MatterRecord, matterItem } from '../store';
import * as store from '../store';
import { authorOpenid, queueWrites, screenPhotos, screenText, type ContentMeta } from '../../platform/contentSecurity';
import { checkPhotoKeys } from './photos';
import { matterView, scopeOf } from './view';

/** A resident raises a matter for a session that still takes matters. Two round trips: read the session, one transaction. */
export async function submitMatter(ctx: UserCtx, sessionId: string, input: SubmitMatterInput): Promise<Matter> {
  const session = await store.getSession(ctx.db, sessionId);
  if (!session || !can.readCommunity(ctx.principal, scopeOf(session))) throw new NotFoundError('session');
  if (!can.submitMatter(ctx.principal, scopeOf(session))) throw new ForbiddenError('NOT_BOUND');
  const now = ctx.clock.now();
  if (!isOpenForMatters(session, now)) throw new ConflictError('SESSION_CLOSED');
  checkPhotoKeys(ctx, input.photos);
  await ctx.storage.keep(input.photos);

  const id = ctx.newId();
  const at = now.toISOString();
  // content security before anything is stored: a risky text is refused here; one WeChat doubts, or could not judge,
  // is stored held back and queued for the community's workers (platform/contentSecurity.ts)
  const openid = await authorOpenid(ctx);
  const screened = await screenText(ctx, openid, [{ name: 'text', zh: '事项内容', en: 'text of the matter', text: input.text }], 3);
  const meta: ContentMeta = {
    kind: 'matter',
    ref: id,
    communityId: session.communityId,
    subdistrictId: session.subdistrictId,
    authorId: ctx.principal.userId,
    authorName: ctx.principal.displayName ?? '居民',
    text: input.text,
    link: matterLink(id),
  };
  const photos = await screenPhotos(ctx, openid, meta, input.photos, 3);
  const record: MatterRecord = {
    id,
    sessionId: session.id,
    communityId: session.communityId,
    subdistrictId: session.subdistrictId,
    authorId: ctx.principal.userId,
    authorName: ctx.principal.displayName ?? '居民',
    anonymous: input.anonymous,
    category: input.category,
    text: input.text,
    photoKeys: input.photos,
    location: input.location,
    status: 'submitted',
    secondCount: 0,
    createdAt: at,
    updatedAt: at,
    cutoffAt: session.cutoffAt,
    version: 0,
    ...(screened.modState ? { modState: screened.modState } : {}),
    ...photos.attrs,
  };
  const view = await matterView(ctx, record, ctx.principal);
  return transactCreate(
    ctx,
    [
      { put: matterItem(record), if: { expr: 'attribute_not_exists(#pk)' } },
      {
        update: keys.session(session.communityId, session.date),
        spec: { add: { matterCount: 1 }, if: { expr: '#state = :scheduled AND #cutoffAt > :now', values: { ':scheduled': 'scheduled', ':now': at } } },
        fails: 'SESSION_CLOSED',
      },
      ...queueWrites(ctx, meta, [...screened.causes, ...photos.causes]),
      ...photos.writes,
    ],
    view,
  );
}

/** The mini-program's page of a say-it day matter (the moderation queue links to it). */
export function matterLink(matterId: string): string {
  return `/packages/sayItDay/matter/index?id=${matterId}`;
}
