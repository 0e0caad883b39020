import { text } from '../../../shared/notifications/texts';
import type { ContentKind, QueueCause } from '../../../shared/moderation/schemas';
import { QueueCause as Causes } from '../../../shared/moderation/schemas';
import { canModerate } from '../../../shared/moderation/permissions';
import { photoCheckAttr } from '../../../shared/moderation/visibility';
import type { UserCtx } from '../../platform/context';
import { authorNoticeWrites, contentKey, modKeys, QUEUE_INDEX_ATTRS, type ContentMeta } from '../../platform/contentSecurity';
import type { TxWrite } from '../../platform/db';
import { ForbiddenError } from '../../platform/errors';
import { readTarget } from './target';

type Decision = { kind: ContentKind; ref: string; state: 'hidden' | 'passed' };

const causeAttrs = Causes.options.map((c: QueueCause) => `cause_${c}`);

/**
 * A worker hides an item: one transaction writes the item's hold (`modState: hidden` with the reason: its author still
 * sees it, marked 已隐藏), closes its queue entry (out of the index), keeps an audit entry (who, when, why) and tells
 * the author in their inbox.
 */
export async function hide(ctx: UserCtx, kind: ContentKind, ref: string, reason: string): Promise<Decision> {
  const target = await readTarget(ctx, kind, ref);
  if (!canModerate(ctx.principal, target.meta)) throw new ForbiddenError();
  const at = ctx.clock.now().toISOString();
  await ctx.db.transact([
    { update: contentKey(kind, ref), spec: { set: { modState: 'hidden', modReason: reason }, if: { expr: 'attribute_exists(#pk)' } }, fails: 'NOT_FOUND' },
    closeEntry(ctx, target.meta, 'hidden', at, reason),
    audit(ctx, kind, ref, at, 'hide', reason),
    ...authorNoticeWrites(ctx, target.meta.authorId, text('moderation.hidden', { kind, reason }), target.meta.link),
  ]);
  return { kind, ref, state: 'hidden' };
}

/**
 * A worker shows an item again, or passes it out of review: the hold is lifted, photos still waiting for WeChat's
 * verdict are passed by the worker's look (a photo WeChat called risky stays hidden), the entry closes, the audit keeps
 * it, and an author whose item was held is told.
 */
export async function restore(ctx: UserCtx, kind: ContentKind, ref: string, note?: string): Promise<Decision> {
  const target = await readTarget(ctx, kind, ref);
  if (!canModerate(ctx.principal, target.meta)) throw new ForbiddenError();
  const at = ctx.clock.now().toISOString();
  const pending = target.photoKeys.map(photoCheckAttr).filter((a) => target.item[a] === 'pending');
  await ctx.db.transact([
    {
      update: contentKey(kind, ref),
      spec: { set: Object.fromEntries(pending.map((a) => [a, 'pass'])), remove: ['modState', 'modReason'], if: { expr: 'attribute_exists(#pk)' } },
      fails: 'NOT_FOUND',
    },
    closeEntry(ctx, target.meta, 'passed', at, note),
    audit(ctx, kind, ref, at, 'restore', note),
    ...(target.modState ? authorNoticeWrites(ctx, target.meta.authorId, text('moderation.restored', { kind }), target.meta.link) : []),
  ]);
  return { kind, ref, state: 'passed' };
}

/**
 * The entry leaves the queue. A hidden one enters the hidden list (gsi1 `MODHID#c`, gsi2 `MODHIDSD#sd`, by the time of
 * the hide) so a worker can find it and show it again; a passed one leaves every index.
 */
function closeEntry(ctx: UserCtx, meta: ContentMeta, state: 'hidden' | 'passed', at: string, reason?: string): TxWrite {
  const { kind, ref, ...rest } = meta;
  const listed: Record<string, string> = state === 'hidden' ? modKeys.hidden(meta.communityId, meta.subdistrictId, at, kind, ref) : {};
  return {
    update: modKeys.item(kind, ref),
    spec: {
      set: { state, decidedAt: at, decidedBy: ctx.principal.userId, decidedByName: ctx.principal.displayName, decisionReason: reason, ...listed },
      setIfAbsent: { entity: 'moderationItem', kind, ref, ...rest, text: rest.text.slice(0, 500), at, reportCount: 0 },
      remove: [...QUEUE_INDEX_ATTRS.filter((a) => !(a in listed)), ...causeAttrs],
    },
  };
}

function audit(ctx: UserCtx, kind: ContentKind, ref: string, at: string, action: 'hide' | 'restore', reason?: string): TxWrite {
  const id = ctx.newId();
  return {
    put: { ...modKeys.audit(kind, ref, at, id), entity: 'moderationAudit', id, action, by: ctx.principal.userId, byName: ctx.principal.displayName, reason, at },
    if: { expr: 'attribute_not_exists(#pk)' },
  };
}
