import { createHash } from 'node:crypto';
import type { TemplateKey } from '../../shared/notifications/schemas';
import { renderText, type NotificationText } from '../../shared/notifications/texts';
import type { Ctx } from './context';
import type { TxWrite } from './db';
import { keys, outboxShards } from './keys';

/**
 * A change a person must hear about writes, in the same transaction as the change:
 * an inbox item (always), the unread count, and an outbox record that the sender turns into a subscribe message
 * where the person holds a grant. Nothing is lost: if the change happened, the notification is recorded.
 */
export interface Notification {
  userId: string;
  template: TemplateKey;
  /** what it says, by key (shared/notifications/texts.ts): the inbox renders it in the reader's language */
  text: NotificationText;
  /** the mini-program page it opens */
  link?: string;
  /** the subscribe message's fields, as the template defines them */
  data: Record<string, string>;
  /** makes a notification that may be produced twice (a re-run job) land once */
  dedupeKey?: string;
}

/** The tag of a notification's dedupe write: `e.failed(DEDUPED)` on a cancelled transaction says it was told already. */
export const DEDUPED = 'notificationDedupe';

/** The outbox partition of a record. */
export function shardOf(id: string): number {
  return createHash('sha1').update(id).digest()[0]! % outboxShards;
}

export function notificationWrites(ctx: Ctx, n: Notification): TxWrite[] {
  const createdAt = ctx.clock.now().toISOString();
  const id = ctx.newId();
  // rendered now to check the params (a bad one throws before anything is written) and to keep the Chinese beside
  // the key, for the subscribe message's history and clients that read title/body only
  const zh = renderText(n.text).zh;
  const inbox: TxWrite = {
    put: {
      ...keys.inboxItem(n.userId, id),
      entity: 'inboxItem',
      id,
      template: n.template,
      key: n.text.key,
      params: n.text.params,
      title: zh.title,
      body: zh.body,
      link: n.link,
      createdAt,
      read: false,
    },
    if: { expr: 'attribute_not_exists(#pk)' },
  };
  const unread: TxWrite = { update: keys.inboxState(n.userId), spec: { add: { unread: 1 } } };
  const outbox: TxWrite = {
    put: {
      ...keys.outbox(shardOf(id), createdAt, id),
      ...keys.outboxDue(shardOf(id), createdAt, id),
      entity: 'outbox',
      id,
      userId: n.userId,
      template: n.template,
      page: n.link,
      data: n.data,
      attempts: 0,
      nextAttemptAt: createdAt,
      grantTaken: false,
    },
  };
  if (!n.dedupeKey) return [inbox, unread, outbox];
  // A notification that may be produced twice (a job re-run) claims its dedupe key in the same transaction:
  // the second attempt fails that condition and writes nothing. The inbox id stays time-sorted.
  const dedupe: TxWrite = {
    put: {
      ...keys.notificationDedupe(n.dedupeKey),
      entity: 'notificationDedupe',
      expiresAt: Math.floor(ctx.clock.now().getTime() / 1000) + 90 * 86_400,
    },
    if: { expr: 'attribute_not_exists(#pk)' },
    tag: DEDUPED,
  };
  return [dedupe, inbox, unread, outbox];
}
