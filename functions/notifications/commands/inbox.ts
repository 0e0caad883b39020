import type { InboxItem } from '../../../shared/notifications/schemas';
import type { UserCtx } from '../../platform/context';
import { ConditionFailed } from '../../platform/db';
import { keys } from '../../platform/keys';

export async function listInbox(ctx: UserCtx, q: { cursor?: string; limit?: number }): Promise<{ items: InboxItem[]; cursor?: string }> {
  const page = await ctx.db.query<InboxItem & Record<string, unknown>>({
    pk: keys.inboxState(ctx.principal.userId).pk,
    prefix: 'INBOX#',
    ascending: false,
    limit: q.limit ?? 20,
    cursor: q.cursor,
  });
  return {
    items: page.items.map(({ id, template, title, body, link, createdAt, read }) => ({ id, template, title, body, link, createdAt, read })),
    cursor: page.cursor,
  };
}

export async function unreadCount(ctx: UserCtx): Promise<{ unread: number }> {
  const state = await ctx.db.get<{ unread?: number }>(keys.inboxState(ctx.principal.userId));
  return { unread: Math.max(0, state?.unread ?? 0) };
}

/** Each item turns read once (a condition), and the count goes down by exactly the items that turned. */
export async function markRead(ctx: UserCtx, ids: string[]): Promise<{ unread: number }> {
  const userId = ctx.principal.userId;
  let turned = 0;
  for (const id of new Set(ids)) {
    try {
      await ctx.db.update(keys.inboxItem(userId, id), { set: { read: true }, if: { expr: 'attribute_exists(#pk) AND #read = :f', values: { ':f': false } } });
      turned++;
    } catch (e) {
      if (!(e instanceof ConditionFailed)) throw e;
    }
  }
  if (turned === 0) return unreadCount(ctx);
  const state = await ctx.db.update<{ unread: number }>(keys.inboxState(userId), { add: { unread: -turned } });
  return { unread: Math.max(0, state.unread) };
}
