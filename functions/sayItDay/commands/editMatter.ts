import type { EditMatterInput, Matter } from '../../../shared/sayItDay/schemas';
import type { UserCtx } from '../../platform/context';
import { parseSessionId } from '../../../shared/sayItDay/schedule';
import { ConditionFailed, TransactionCancelled } from '../../platform/db';
import { ConflictError, ForbiddenError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import { toMatterRecord, type MatterRecord } from '../store';
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
  const updated = await guardedUpdate(ctx, matter, input.version, now, {
    category: input.category,
    text: input.text,
    photoKeys: input.photos,
    location: input.location === null ? undefined : input.location,
    anonymous: input.anonymous,
  }, input.location === null ? ['location'] : []);
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
