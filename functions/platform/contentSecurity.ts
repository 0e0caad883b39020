import { text, type NotificationText } from '../../shared/notifications/texts';
import type { ContentKind, QueueCause } from '../../shared/moderation/schemas';
import { photoCheckAttr } from '../../shared/moderation/visibility';
import type { Ctx, UserCtx } from './context';
import { TransactionCancelled, type TxWrite } from './db';
import { ApiError } from './errors';
import { keys } from './keys';
import { notificationWrites } from './notify';
import type { SecScene } from './wechat';

/**
 * Content security (内容安全) for what residents write for their neighbours: used by the commands that store it (say-it
 * day matters, consultation comments), by the message push (a photo's verdict) and by the moderation capability. Like
 * notify.ts it writes its own items (the queue entry, a photo's trace) in the caller's transaction, so a matter and
 * its place in the workers' queue are stored together.
 *
 * - Text: WeChat's msgSecCheck (version 2) for each field, as the author (openid). `risky` refuses the write with
 *   CONTENT_RISKY naming the field; `review` stores it held back (`modState: review`) and queues it; if WeChat cannot
 *   be asked (an error, a timeout) it is stored the same way (cause `unchecked`): never refused, never lost.
 * - Photos: mediaCheckAsync for each; the verdict comes later by the message push (`wxa_media_check`). Until then the
 *   photo's attribute (photoCheckAttr) is `pending`: only its author and staff see it. A trace record
 *   `MEDIACHECK#<trace_id>` says which item and photo a verdict is for.
 * - The content item carries only `modState`, `modReason` and the photo attributes; it stays its capability's item.
 */

export const modKeys = {
  item: (kind: ContentKind, ref: string) => ({ pk: `MODITEM#${kind}#${ref}`, sk: 'MOD' }),
  report: (kind: ContentKind, ref: string, userId: string) => ({ pk: `MODITEM#${kind}#${ref}`, sk: `REPORT#${userId}` }),
  audit: (kind: ContentKind, ref: string, at: string, id: string) => ({ pk: `MODITEM#${kind}#${ref}`, sk: `AUDIT#${at}#${id}` }),
  /** the community's queue (gsi1) and the sub-district's (gsi2), newest first; set while the entry is open */
  queue: (communityId: string | undefined, subdistrictId: string, at: string, kind: ContentKind, ref: string) => ({
    ...(communityId ? { gsi1pk: `MODQ#${communityId}`, gsi1sk: `${at}#${kind}#${ref}` } : {}),
    gsi2pk: `MODQSD#${subdistrictId}`,
    gsi2sk: `${at}#${kind}#${ref}`,
  }),
  /** a hidden item in its community's list (gsi1) and its sub-district's (gsi2), newest hide first; set by hide, removed
   * by restore (closeEntry removes QUEUE_INDEX_ATTRS) or when the item is queued again */
  hidden: (communityId: string | undefined, subdistrictId: string, at: string, kind: ContentKind, ref: string) => ({
    ...(communityId ? { gsi1pk: `MODHID#${communityId}`, gsi1sk: `${at}#${kind}#${ref}` } : {}),
    gsi2pk: `MODHIDSD#${subdistrictId}`,
    gsi2sk: `${at}#${kind}#${ref}`,
  }),
  /** an author's entries (gsi3), whatever their state: what closing the account pseudonymises */
  byAuthor: (authorId: string, kind: ContentKind, ref: string) => ({ gsi3pk: `MODBY#${authorId}`, gsi3sk: `${kind}#${ref}` }),
  mediaCheck: (traceId: string) => ({ pk: `MEDIACHECK#${traceId}`, sk: 'MEDIA' }),
  /** a trace still waiting for its verdict, oldest first (gsi1): what recheckMediaChecks asks WeChat about again.
   * One partition for the whole table: a few writes a photo, far under a partition's 1,000 a second */
  mediaWaiting: (askedAt: string, traceId: string) => ({ gsi1pk: MEDIA_WAITING, gsi1sk: `${askedAt}#${traceId}` }),
};
export const MEDIA_WAITING = 'MEDIAWAIT';
export const QUEUE_INDEX_ATTRS = ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'];

/** The content item's key: a matter, or a comment under its consultation (`<consultationId>.<commentId>`). */
export function contentKey(kind: ContentKind, ref: string): { pk: string; sk: string } {
  if (kind === 'matter') return keys.matter(ref);
  const [consultationId, commentId] = ref.split('.');
  if (!consultationId || !commentId) throw new ApiError(404, 'NOT_FOUND');
  return keys.consultationComment(consultationId, commentId);
}

/**
 * What a photo's trace names: a resident's item (ContentKind, in the workers' queue) or a staff item residents read
 * (`announcement`: its attachments; `event`: its poster), which has no queue entry; its author is told of a risky verdict instead.
 */
export type TraceKind = ContentKind | 'announcement' | 'event';
export const STAFF_TRACE_KINDS: readonly TraceKind[] = ['announcement', 'event'];
export const isStaffTrace = (kind: TraceKind): kind is 'announcement' | 'event' => STAFF_TRACE_KINDS.includes(kind);

/** The item a trace's verdict is set on. */
export function traceItemKey(kind: TraceKind, ref: string): { pk: string; sk: string } {
  if (kind === 'announcement') return keys.announcement(ref);
  if (kind === 'event') return keys.event(ref);
  return contentKey(kind, ref);
}

/** What the queue shows of an item, copied when it enters (the content may change; the queue shows what was judged). */
export interface ContentMeta {
  kind: ContentKind;
  ref: string;
  communityId?: string;
  subdistrictId: string;
  authorId: string;
  authorName: string;
  text: string;
  link?: string;
}

export interface TextField {
  name: string;
  zh: string;
  en: string;
  text?: string;
}

export interface Screened {
  /** absent: shown to all */
  modState?: 'review';
  causes: QueueCause[];
}

const EXCERPT = 500;

/** The author's openid (msgSecCheck asks as a user who opened the mini-program lately). */
export async function authorOpenid(ctx: UserCtx): Promise<string | undefined> {
  const user = await ctx.db.get<{ openid?: string }>(keys.user(ctx.principal.userId));
  return user?.openid;
}

/** Each field through msgSecCheck, at once. Throws CONTENT_RISKY (422) naming the first risky field. */
export async function screenText(ctx: UserCtx, openid: string | undefined, fields: TextField[], scene: SecScene): Promise<Screened> {
  const asked = fields.filter((f) => f.text && f.text.trim());
  if (!asked.length) return { causes: [] };
  if (!openid) return { modState: 'review', causes: ['unchecked'] };
  const verdicts = await Promise.all(
    asked.map(async (f) => {
      try {
        return (await ctx.wechat.msgSecCheck({ content: f.text!, scene, openid })).suggest;
      } catch (e) {
        // whatever stops us asking WeChat (an errcode, a 5xx, a timeout, no network), the text is kept for a person to
        // judge: refusing would lose what a resident wrote because of WeChat's outage
        ctx.log.warn('msgSecCheck failed', { error: e instanceof Error ? e.message : String(e) });
        return 'unchecked' as const;
      }
    }),
  );
  const risky = asked.find((_, i) => verdicts[i] === 'risky');
  if (risky) {
    throw new ApiError(
      422,
      'CONTENT_RISKY',
      `「${risky.zh}」含有不适宜公开的信息，请修改后再提交`,
      `The ${risky.en} contains something that cannot be shown to neighbours: change it and submit again`,
      { field: risky.name },
    );
  }
  const causes: QueueCause[] = [];
  if (verdicts.includes('review')) causes.push('review');
  if (verdicts.includes('unchecked')) causes.push('unchecked');
  return causes.length ? { modState: 'review', causes } : { causes };
}

/**
 * Staff texts that residents see (announcements, events and activities, five-list resolution notes, micro-project
 * accounts): each field through msgSecCheck as its author, as residents' texts are. `risky` is refused with
 * CONTENT_RISKY naming the field (the worker changes the words and posts again). `review`, and WeChat unreachable, are
 * **stored and shown**, unlike a resident's text: the author is a named worker whose role an admin granted and who
 * answers for what they post (the record keeps their id and name); their notices are often urgent (a water cut
 * tomorrow, a cold-weather warning), and holding one until WeChat is back, or until another worker releases it, would
 * keep residents from what they need to know. Each such text is logged with its field and why, so a look afterwards
 * finds it. Answers how the check went.
 */
export async function screenStaffText(ctx: UserCtx, fields: TextField[], scene: SecScene = 3): Promise<'pass' | 'review' | 'unchecked'> {
  const asked = fields.filter((f) => f.text && f.text.trim());
  if (!asked.length) return 'pass';
  const screened = await screenText(ctx, await authorOpenid(ctx), asked, scene);
  const outcome = screened.causes.includes('unchecked') ? 'unchecked' : screened.causes.includes('review') ? 'review' : 'pass';
  if (outcome !== 'pass') ctx.log.warn('staff text stored without a pass', { outcome, fields: asked.map((f) => f.name), userId: ctx.principal.userId });
  return outcome;
}

/**
 * Hands each photo to mediaCheckAsync. Answers the attributes to set on the content item (each photo `pending`) and
 * the trace records to write in its transaction. A photo WeChat would not take stays pending and queues the item
 * (cause `photo`): a worker decides.
 */
export async function screenPhotos(
  ctx: UserCtx,
  openid: string | undefined,
  meta: TraceMeta,
  photoKeys: readonly string[],
  scene: SecScene,
): Promise<{ attrs: Record<string, 'pending'>; writes: TxWrite[]; causes: QueueCause[] }> {
  const attrs: Record<string, 'pending'> = {};
  const writes: TxWrite[] = [];
  let failed = false;
  await Promise.all(
    photoKeys.map(async (photoKey) => {
      const attr = photoCheckAttr(photoKey);
      attrs[attr] = 'pending';
      if (!openid) {
        failed = true;
        return;
      }
      try {
        // WeChat fetches the photo itself: a presigned GET good for a day (its check can take minutes)
        const mediaUrl = await ctx.storage.readUrl(photoKey, 86_400);
        const { traceId } = await ctx.wechat.mediaCheckAsync({ mediaUrl, mediaType: 2, scene, openid });
        writes.push({ put: mediaTraceItem(ctx, { ...meta, traceId, attr, photoKey, scene, tries: 1 }) });
      } catch (e) {
        // as for text: a photo WeChat would not take is held back for a worker, not refused
        ctx.log.warn('mediaCheckAsync failed', { error: e instanceof Error ? e.message : String(e) });
        failed = true;
      }
    }),
  );
  return { attrs, writes, causes: failed ? ['photo'] : [] };
}

/** The item a photo belongs to, as its trace keeps it: ContentMeta with the wider kind. */
export type TraceMeta = Omit<ContentMeta, 'kind'> & { kind: TraceKind };

/** What a media-check trace keeps: which item and photo a verdict is for, and how often WeChat was asked. */
export interface MediaTrace extends TraceMeta {
  traceId: string;
  attr: string;
  photoKey: string;
  scene?: SecScene;
  /** how many times WeChat was asked about this photo, this trace's ask included (absent on traces before re-asking) */
  tries?: number;
  askedAt?: string;
}

/** The trace of one ask, waiting (in the MEDIAWAIT index) until its verdict comes or recheckMediaChecks settles it. */
export function mediaTraceItem(ctx: Ctx, t: MediaTrace): Record<string, unknown> & { pk: string; sk: string } {
  const askedAt = ctx.clock.now().toISOString();
  const expiresAt = Math.floor(ctx.clock.now().getTime() / 1000) + 30 * 86_400;
  return { ...t, ...modKeys.mediaCheck(t.traceId), ...modKeys.mediaWaiting(askedAt, t.traceId), entity: 'mediaCheck', text: t.text.slice(0, EXCERPT), askedAt, expiresAt };
}

function entryAttrs(meta: ContentMeta, at: string, causes: QueueCause[]) {
  return {
    entity: 'moderationItem',
    kind: meta.kind,
    ref: meta.ref,
    communityId: meta.communityId,
    subdistrictId: meta.subdistrictId,
    authorId: meta.authorId,
    authorName: meta.authorName,
    text: meta.text.slice(0, EXCERPT),
    link: meta.link,
    state: 'open',
    at,
    ...Object.fromEntries(causes.map((c) => [`cause_${c}`, true])),
    ...modKeys.queue(meta.communityId, meta.subdistrictId, at, meta.kind, meta.ref),
    ...modKeys.byAuthor(meta.authorId, meta.kind, meta.ref),
  };
}

/** The queue entry of a new item, for its own transaction (nothing when it needs no one's look). */
export function queueWrites(ctx: Ctx, meta: ContentMeta, causes: QueueCause[]): TxWrite[] {
  if (!causes.length) return [];
  const at = ctx.clock.now().toISOString();
  return [{ put: { ...modKeys.item(meta.kind, meta.ref), ...entryAttrs(meta, at, causes), reportCount: 0 }, if: { expr: 'attribute_not_exists(#pk)' } }];
}

/** (Re)opens the queue entry of an existing item: an edit that needs review, a report, a photo WeChat is unsure of. */
export function enqueueWrite(ctx: Ctx, meta: ContentMeta, causes: QueueCause[], report?: string): TxWrite {
  const at = ctx.clock.now().toISOString();
  const { entity, kind, ref, subdistrictId, ...rest } = entryAttrs(meta, at, causes);
  return {
    update: modKeys.item(meta.kind, meta.ref),
    spec: {
      set: { ...rest, entity, kind, ref, subdistrictId },
      add: report ? { reportCount: 1, [`reason_${report}`]: 1 } : { reportCount: 0 },
    },
  };
}

/**
 * A `wxa_media_check` push: the verdict on one photo. pass shows it; risky hides it from everyone; review keeps it
 * pending and queues the item. An unknown trace (an item whose write failed after the check was asked) is ignored;
 * every effect is a set, so WeChat's retries change nothing.
 */
export async function recordMediaCheck(ctx: Ctx, traceId: string, suggest: string | undefined): Promise<void> {
  const item = await ctx.db.get<Record<string, unknown>>(modKeys.mediaCheck(traceId));
  if (!item) return;
  const trace = item as unknown as TraceMeta & { attr: string };
  const verdict = suggest === 'pass' ? 'pass' : suggest === 'risky' ? 'risky' : 'pending';
  const staff = isStaffTrace(trace.kind);
  const writes: TxWrite[] = [
    {
      update: traceItemKey(trace.kind, trace.ref),
      // a staff photo's author is told once: only when this verdict is the one that makes it risky (WeChat retries)
      spec: { set: { [trace.attr]: verdict }, if: staff && verdict === 'risky' ? { expr: `attribute_exists(#pk) AND #${trace.attr} <> :risky`, values: { ':risky': 'risky' } } : { expr: 'attribute_exists(#pk)' } },
      tag: 'content',
    },
  ];
  // a staff photo WeChat is unsure of stays held (no queue holds staff items): recheckMediaChecks asks again, then
  // tells its author; a risky one is hidden for good and its author told, to replace it
  if (staff) {
    if (verdict === 'risky') writes.push(...authorNoticeWrites(ctx, trace.authorId, text('moderation.staffPhotoHeld', { title: trace.text.slice(0, 100), outcome: 'risky' }), trace.link));
  } else if (verdict === 'pending') writes.push(enqueueWrite(ctx, trace as ContentMeta, ['photo']));
  try {
    await ctx.db.transact(writes);
  } catch (e) {
    // the item was deleted since: nothing to show or hide
    if (e instanceof TransactionCancelled && e.failed('content')) return;
    throw e;
  }
  ctx.log.info('media check', { verdict });
}

/** What the author hears of a decision: an inbox item (no subscribe template is approved for moderation notices). */
export function authorNoticeWrites(ctx: Ctx, userId: string, text: NotificationText, link?: string): TxWrite[] {
  return notificationWrites(ctx, { userId, template: 'matterOutcome', text, link, data: {} }).filter((w) => !('put' in w && w.put.entity === 'outbox'));
}
