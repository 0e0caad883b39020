import type { InboxItem } from '../../../shared/notifications/schemas';
import { renderText } from '../../../shared/notifications/texts';
import type { UserCtx } from '../../platform/context';
import { TransactionCancelled } from '../../platform/db';
import { keys } from '../../platform/keys';
import { MAX_TX_ITEMS } from '../../platform/work';

export async function listInbox(ctx: UserCtx, q: { cursor?: string; limit?: number }): Promise<{ items: InboxItem[]; cursor?: string }> {
  const page = await ctx.db.query<InboxItem & Record<string, unknown>>({
    pk: keys.inboxState(ctx.principal.userId).pk,
    prefix: 'INBOX#',
    ascending: false,
    limit: q.limit ?? 20,
    cursor: q.cursor,
  });
  return { items: page.items.map(inboxView), cursor: page.cursor };
}

/**
 * An item as the reader gets it: with its key, its params and the text in both languages, rendered again from the
 * key (the app switches language without asking again). An item stored before texts had keys answers as it was
 * stored (Chinese only); so does one whose params the table no longer takes (the stored Chinese is still right).
 */
export function inboxView(r: InboxItem & Record<string, unknown>): InboxItem {
  const { id, template, title, body, link, createdAt, read } = r;
  const base: InboxItem = { id, template, title, body, link, createdAt, read };
  if (typeof r.key !== 'string') return base;
  const params = (r.params ?? {}) as Record<string, unknown>;
  try {
    const t = renderText({ key: r.key, params });
    return { ...base, key: r.key, params, title: t.zh.title, body: t.zh.body, titleEn: t.en.title, bodyEn: t.en.body };
  } catch {
    return { ...base, key: r.key, params };
  }
}

export async function unreadCount(ctx: UserCtx): Promise<{ unread: number }> {
  const state = await ctx.db.get<{ unread?: number }>(keys.inboxState(ctx.principal.userId));
  return { unread: Math.max(0, state?.unread ?? 0) };
}

/** Items marked read per transaction: with the count's update, DynamoDB's 100 items. */
export const READ_PER_TX = MAX_TX_ITEMS - 1;

/**
 * Each item turns read once, and the count goes down by exactly the items that turned: read the items (one round
 * trip), then transactions of up to 99 of their updates, each on `read = false`, with the count by as many. A
 * concurrent reader who marked one first cancels that transaction; the second pass sees that item read.
 */
export async function markRead(ctx: UserCtx, ids: string[]): Promise<{ unread: number }> {
  const userId = ctx.principal.userId;
  let todo = [...new Set(ids)];
  for (let attempt = 0; attempt < 3 && todo.length; attempt++) {
    const items = await ctx.db.batchGet<{ id: string; read: boolean }>(todo.map((id) => keys.inboxItem(userId, id)));
    const unread = items.filter((i) => !i.read);
    const failed: string[] = [];
    for (let i = 0; i < unread.length; i += READ_PER_TX) {
      const chunk = unread.slice(i, i + READ_PER_TX);
      try {
        await ctx.db.transact([
          ...chunk.map((it) => ({
            update: keys.inboxItem(userId, it.id),
            spec: { set: { read: true }, if: { expr: '#read = :f', values: { ':f': false } } },
          })),
          { update: keys.inboxState(userId), spec: { add: { unread: -chunk.length } } },
        ]);
      } catch (e) {
        if (!(e instanceof TransactionCancelled)) throw e;
        failed.push(...chunk.map((it) => it.id));
      }
    }
    todo = failed;
  }
  return unreadCount(ctx);
}
