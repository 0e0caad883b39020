import type { EditMatterInput, Matter } from '../../../shared/sayItDay/schemas';
import type { UserCtx } from '../../platform/context';
import { ConditionFailed } from '../../platform/db';
import { ConflictError, ForbiddenError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import { toMatterRecord, type MatterRecord } from '../store';
import { checkPhotoKeys } from './photos';
import { matterView, readableMatter } from './view';

/** Its author changes a matter before the cut-off, over the version they read. */
export async function editMatter(ctx: UserCtx, matterId: string, input: EditMatterInput): Promise<Matter> {
  const matter = await readableMatter(ctx, matterId);
  if (matter.authorId !== ctx.principal.userId) throw new ForbiddenError();
  if (input.photos) checkPhotoKeys(ctx, input.photos);
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

export async function withdrawMatter(ctx: UserCtx, matterId: string): Promise<Matter> {
  const matter = await readableMatter(ctx, matterId);
  if (matter.authorId !== ctx.principal.userId) throw new ForbiddenError();
  const now = ctx.clock.now().toISOString();
  const updated = await guardedUpdate(ctx, matter, matter.version, now, { status: 'withdrawn' }, []);
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
