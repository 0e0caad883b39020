import { renderText, type NotificationText } from '../../shared/notifications/texts';
import { chinaDateTime } from '../../shared/platform/chinaTime';
import type { Ctx } from '../platform/context';
import type { TxWrite } from '../platform/db';
import { keys } from '../platform/keys';
import { notificationWrites } from '../platform/notify';
import { tellStep, workItemWrite, type WorkKinds, type WorkStep } from '../platform/work';

/** Sign-ups' work items (platform/work.ts): their queue, and what its worker knows how to do. */
export const SIGNUPS_QUEUE = 'signups';

/** Holders per chunk: their reservation's cancellation and a notification (3 writes) each, and the item's progress. */
const HOLDERS_PER_CHUNK = 24;

interface CancelPayload {
  /** the activity or event cancelled */
  ref: string;
  /** its places (an activity's shifts, an event itself), all closed in the cancel's transaction */
  places: string[];
  /** what everyone is told (signups.eventCancelled or signups.activityCancelled) */
  text: NotificationText;
  link: string;
}

/**
 * The work item that tells everyone signed up or waiting for the places of a cancelled activity or event, and cancels
 * their reservations: written in the cancel's transaction, so the places close and the telling is certain at once.
 */
export function cancelHoldersWrite(ctx: Ctx, payload: CancelPayload): TxWrite {
  return workItemWrite(ctx, SIGNUPS_QUEUE, 'cancelHolders', { ...payload });
}

/**
 * One chunk: the next holders of one place (a page of its reservations), each reservation cancelled (on `status <>
 * cancelled`: one who cancelled meanwhile makes the worker read the chunk again) with a notification. The cursor is the
 * place's index and the page's cursor.
 */
const cancelHoldersStep: WorkStep<CancelPayload> = async (ctx, p, cursor) => {
  const zh = renderText(p.text).zh; // the subscribe message's fields are in Chinese
  const bar = (cursor ?? '0|').indexOf('|');
  const i = Number((cursor ?? '0|').slice(0, bar));
  const pageCursor = (cursor ?? '0|').slice(bar + 1) || undefined;
  const placeId = p.places[i]!;
  const page = await ctx.db.query<{ userId: string; status: string; title?: string }>({ pk: keys.place(placeId).pk, prefix: 'RES#', cursor: pageCursor, limit: HOLDERS_PER_CHUNK, consistent: true });
  const at = ctx.clock.now().toISOString();
  const writes = page.items
    .filter((r) => r.status !== 'cancelled')
    .flatMap((r): TxWrite[] => [
      {
        update: keys.reservation(placeId, r.userId),
        spec: { set: { status: 'cancelled', updatedAt: at }, remove: ['position'], if: { expr: '#status <> :c', values: { ':c': 'cancelled' } } },
      },
      ...notificationWrites(ctx, {
        userId: r.userId,
        template: 'signupCancelled',
        text: p.text,
        link: p.link,
        data: { thing1: (r.title ?? zh.title).slice(0, 20), thing2: zh.body.slice(0, 20) },
      }),
    ]);
  const next = page.cursor ? `${i}|${page.cursor}` : i + 1 < p.places.length ? `${i + 1}|` : undefined;
  return { writes, next };
};

interface ChangePayload {
  /** the activity or event edited */
  ref: string;
  /** its places whose holders' copies change, with the new copies and, where the place or time moved, what to tell */
  places: { id: string; title: string; place: string; startsAt: string; endsAt: string; tell?: NotificationText }[];
  link: string;
}

/**
 * The work item that carries an edit of an activity or event to everyone signed up or waiting for its places (their
 * reservation's copies of the title, place and times) and tells them where the place or time moved: written in the
 * edit's transaction, so a request that dies after the edit still tells everyone, and a large event is not told one
 * transaction a person inside the request.
 */
export function changeHoldersWrite(ctx: Ctx, payload: ChangePayload): TxWrite {
  return workItemWrite(ctx, SIGNUPS_QUEUE, 'changeHolders', { ...payload });
}

/**
 * One chunk: the next holders of one place, each reservation's copies updated (on `status <> cancelled`: one who
 * cancelled meanwhile makes the worker read the chunk again) with a notification where there is something to tell.
 * Two edits in a row are two items, done oldest first, so the last copies win. The cursor is as cancelHolders'.
 */
const changeHoldersStep: WorkStep<ChangePayload> = async (ctx, p, cursor) => {
  const bar = (cursor ?? '0|').indexOf('|');
  const i = Number((cursor ?? '0|').slice(0, bar));
  const pageCursor = (cursor ?? '0|').slice(bar + 1) || undefined;
  const c = p.places[i]!;
  const page = await ctx.db.query<{ userId: string; status: string }>({ pk: keys.place(c.id).pk, prefix: 'RES#', cursor: pageCursor, limit: HOLDERS_PER_CHUNK, consistent: true });
  const at = ctx.clock.now().toISOString();
  const writes = page.items
    .filter((r) => r.status !== 'cancelled')
    .flatMap((r): TxWrite[] => [
      {
        update: keys.reservation(c.id, r.userId),
        spec: {
          set: { title: c.title, place: c.place, startsAt: c.startsAt, endsAt: c.endsAt, updatedAt: at, ...keys.reservationByHolder(r.userId, c.endsAt, c.id) },
          if: { expr: '#status <> :c', values: { ':c': 'cancelled' } },
        },
      },
      ...(c.tell
        ? notificationWrites(ctx, {
            userId: r.userId,
            template: 'signupChanged',
            text: c.tell,
            link: p.link,
            data: { thing1: c.title.slice(0, 20), time2: chinaDateTime(c.startsAt), thing3: c.place.slice(0, 20) },
          })
        : []),
    ]);
  const next = page.cursor ? `${i}|${page.cursor}` : i + 1 < p.places.length ? `${i + 1}|` : undefined;
  return { writes, next };
};

export const signupsWork: WorkKinds = { tell: tellStep, cancelHolders: cancelHoldersStep, changeHolders: changeHoldersStep };
