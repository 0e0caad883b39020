import type { EditMatterInput, Matter } from '../../../shared/sayItDay/schemas';
import type { UserCtx } from '../../platform/context';
import { parseSessionId } from '../../../shared/sayItDay/schedule';
import { ConditionFailed, TransactionCancelled } from '../../platform/db';
import { ConflictError, ForbiddenError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import { toMatterRecord, type MatterRecord } from '../store';
import { authorOpenid, enqueueWrite, screenPhotos, screenText, type ContentMeta } from '../../platform/contentSecurity';
import { matterLink } from './submitMatter';
import { checkPhotoKeys } from './photos';
import { matterView, readableMatter } from './view';

/** Its author changes a matter before the cut-off, over the version they read. */
export async function editMatter(ctx: UserCtx, matterId: string, input: EditMatterInput): Promise<Matter> {
  const matter = await readableMatter(ctx, matterId);
  if (matter.authorId !== ctx.principal.userId) throw new ForbiddenError();
  if (input.photos) {
    checkPhotoKeys(ctx, input.photos);
    await ctx.storage.keep(input.photos);
  }
  const now = ctx.clock.now().toISOString();
  // a changed text or new photos are checked as at submission; a hold a worker put on it stays until a worker lifts it
  const openid = await authorOpenid(ctx);
  const changedText = input.text !== undefined && input.text !== matter.text ? input.text : undefined;
  const screened = await screenText(ctx, openid, [{ name: 'text', zh: '事项内容', en: 'text of the matter', text: changedText }], 3);
  const meta: ContentMeta = {
    kind: 'matter',
    ref: matter.id,
    communityId: matter.communityId,
    subdistrictId: matter.subdistrictId,
    authorId: matter.authorId,
    authorName: matter.authorName,
    text: input.text ?? matter.text,
    link: matterLink(matter.id),
  };
  const newPhotos = (input.photos ?? []).filter((k) => !matter.photoKeys.includes(k));
  const photos = await screenPhotos(ctx, openid, meta, newPhotos, 3);
  const updated = await guardedUpdate(ctx, matter, input.version, now, {
    category: input.category,
    text: input.text,
    photoKeys: input.photos,
    location: input.location === null ? undefined : input.location,
    anonymous: input.anonymous,
    ...(screened.modState && matter.modState !== 'hidden' ? { modState: screened.modState } : {}),
    ...photos.attrs,
  }, input.location === null ? ['location'] : []);
  const causes = [...screened.causes, ...photos.causes];
  // after the edit landed: its queue entry (re)opens, and WeChat's verdicts find their photos. Were this lost (the
  // function dying in between), the matter stays held back from neighbours; it is never shown unchecked.
  const follow = [...(causes.length ? [enqueueWrite(ctx, meta, causes)] : []), ...photos.writes];
  if (follow.length) await ctx.db.transact(follow);
  return matterView(ctx, updated, ctx.principal);
}

/**
 * Its author withdraws a matter before the cut-off: the matter and its session's count change in one transaction, so a
 * withdrawn matter no longer counts in its session. The condition on the matter's status makes a retried withdraw
 * (or two at once) change the count once. Two round trips: read the matter, one transaction.
 */
export async function withdrawMatter(ctx: UserCtx, matterId: string): Promise<Matter> {
  const matter = await readableMatter(ctx, matterId);
  if (matter.authorId !== ctx.principal.userId) throw new ForbiddenError();
  const now = ctx.clock.now().toISOString();
  if (matter.status !== 'submitted' || matter.cutoffAt <= now) throw new ConflictError('MATTER_NOT_EDITABLE');
  const session = parseSessionId(matter.sessionId);
  if (!session) throw new Error(`matter ${matter.id} names no session`);
  try {
    await ctx.db.transact([
      {
        update: keys.matter(matter.id),
        spec: {
          set: { status: 'withdrawn', updatedAt: now },
          add: { version: 1 },
          if: {
            expr: '#version = :v AND #authorId = :me AND #status = :submitted AND #cutoffAt > :now',
            values: { ':v': matter.version, ':me': ctx.principal.userId, ':submitted': 'submitted', ':now': now },
          },
        },
        tag: 'matter',
      },
      { update: keys.session(session.communityId, session.date), spec: { add: { matterCount: -1 } } },
    ]);
  } catch (e) {
    if (!(e instanceof TransactionCancelled) || !e.failed('matter')) throw e;
    // changed since the read: withdrawn meanwhile (a second tap) or past the cut-off, or edited (another version)
    const now2 = await readableMatter(ctx, matterId);
    throw new ConflictError(now2.status === 'submitted' && now2.cutoffAt > now ? 'STALE_VERSION' : 'MATTER_NOT_EDITABLE');
  }
  const updated: MatterRecord = { ...matter, status: 'withdrawn', updatedAt: now, version: matter.version + 1 };
  return matterView(ctx, updated, ctx.principal);
}

async function guardedUpdate(
  ctx: UserCtx,
  matter: MatterRecord,
  version: number,
  now: string,
  set: Record<string, unknown>,
  remove: string[],
): Promise<MatterRecord> {
  if (matter.status !== 'submitted' || matter.cutoffAt <= now) throw new ConflictError('MATTER_NOT_EDITABLE');
  try {
    const it = await ctx.db.update<Record<string, unknown>>(keys.matter(matter.id), {
      set: { ...set, updatedAt: now },
      remove,
      add: { version: 1 },
      if: {
        expr: '#version = :v AND #authorId = :me AND #status = :submitted AND #cutoffAt > :now',
        values: { ':v': version, ':me': ctx.principal.userId, ':submitted': 'submitted', ':now': now },
      },
    });
    return toMatterRecord(it);
  } catch (e) {
    if (e instanceof ConditionFailed) {
      if (e.item && e.item.version !== version) throw new ConflictError('STALE_VERSION');
      throw new ConflictError('MATTER_NOT_EDITABLE');
    }
    throw e;
  }
}
