import type { InboxItem } from '../../../shared/notifications/schemas';
import type { UserCtx } from '../../platform/context';
import { TransactionCancelled } from '../../platform/db';
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

/**
 * Each item turns read once, and the count goes down by exactly the items that turned: read the items (one round
 * trip), then one transaction of their updates, each on `read = false`, with the count. A concurrent reader who marked
 * one first cancels it; the second pass sees that item read.
 */
export async function markRead(ctx: UserCtx, ids: string[]): Promise<{ unread: number }> {
  const userId = ctx.principal.userId;
  for (let attempt = 0; attempt < 3; attempt++) {
    const items = await ctx.db.batchGet<{ id: string; read: boolean }>([...new Set(ids)].map((id) => keys.inboxItem(userId, id)));
    const unread = items.filter((i) => !i.read);
    if (unread.length === 0) return unreadCount(ctx);
    try {
      await ctx.db.transact([
        ...unread.map((i) => ({
          update: keys.inboxItem(userId, i.id),
          spec: { set: { read: true }, if: { expr: '#read = :f', values: { ':f': false } } },
        })),
        { update: keys.inboxState(userId), spec: { add: { unread: -unread.length } } },
      ]);
      return unreadCount(ctx);
    } catch (e) {
      if (!(e instanceof TransactionCancelled)) throw e;
    }
  }
  return unreadCount(ctx);
}
