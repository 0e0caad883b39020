import type { Announcement, EditAnnouncementInput, PostAnnouncementInput } from '../../../shared/announcements/schemas';
import type { UserCtx } from '../../platform/context';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { canManage } from '../../../shared/announcements/rules';
import { keys } from '../../platform/keys';
import { photoCheckAttr } from '../../../shared/moderation/visibility';
import { authorOpenid, mediaTraceItem, screenPhotos, screenStaffText } from '../../platform/contentSecurity';
import type { TxWrite } from '../../platform/db';
import * as store from '../store';
import { announcementItem, replaceSpec, scopeOf, type AnnouncementRecord } from '../store';
import { announcementView, checkPhotoKeys, publishTime, requireManage, resolveAudience } from './view';

/**
 * A worker or an officer posts an announcement. Published at once (listed to the residents it reaches and queued for
 * the publish job, which tells them), or scheduled: residents see it only when the job publishes it at publishAt.
 * Two round trips: the unit, then one transaction (the announcement and the idempotency record).
 */
export async function postAnnouncement(ctx: UserCtx, input: PostAnnouncementInput): Promise<Announcement> {
  const { scope, audience } = await resolveAudience(ctx, input.audience);
  requireManage(ctx, scope);
  checkPhotoKeys(ctx, input.photos);
  await screenStaffText(ctx, announcementFields(input.title, input.body));
  // the attachments stay: a record references them now (uploads not kept expire after 3 days)
  await ctx.storage.keep(input.photos ?? []);
  const now = ctx.clock.now();
  const publishAt = publishTime(now, input.publishAt);
  const at = now.toISOString();
  const record: AnnouncementRecord = {
    id: ctx.newId(),
    title: input.title,
    body: input.body,
    audience,
    subdistrictId: scope.subdistrictId,
    communityId: scope.communityId,
    gridId: scope.gridId,
    photoKeys: input.photos,
    pinned: input.pinned,
    publishAt,
    state: publishAt > at ? 'scheduled' : 'published',
    authorId: ctx.principal.userId,
    authorName: ctx.principal.displayName ?? '社区工作人员',
    createdAt: at,
    updatedAt: at,
    version: 0,
    readCount: 0,
    notifiedCount: 0,
    fanoutStep: 0,
  };
  const checks = await checkPhotos(ctx, record, record.photoKeys);
  const view = await announcementView(ctx, { ...record, ...checks.attrs }, ctx.principal);
  return transactCreate(ctx, [{ put: { ...announcementItem(record), ...checks.attrs }, if: { expr: 'attribute_not_exists(#pk)' } }, ...checks.writes], view);
}

/**
 * The attachments go to WeChat's mediaCheckAsync as residents' photos do (contentSecurity.ts › screenPhotos): each is
 * held from residents (`pending`) until the verdict's push says pass; the text is published meanwhile. A photo WeChat
 * would not take stays pending: recheckMediaChecks asks again, then tells the author.
 */
async function checkPhotos(ctx: UserCtx, a: AnnouncementRecord, photoKeys: readonly string[]): Promise<{ attrs: Record<string, 'pending'>; writes: TxWrite[] }> {
  if (!photoKeys.length) return { attrs: {}, writes: [] };
  const meta = {
    kind: 'announcement' as const,
    ref: a.id,
    communityId: a.communityId,
    subdistrictId: a.subdistrictId,
    authorId: a.authorId,
    authorName: a.authorName,
    text: a.title,
    link: `/packages/announcements/detail/index?id=${a.id}`,
  };
  const { attrs, writes } = await screenPhotos(ctx, await authorOpenid(ctx), meta, photoKeys, 1);
  // a photo WeChat could not be asked about (an error, no openid) has no queue to wait in, unlike a resident's: it
  // waits as a trace of an ask that never went out, so recheckMediaChecks asks again (and tells the author at the end)
  const traced = new Set(writes.map((w) => ('put' in w ? w.put.photoKey : undefined)));
  for (const photoKey of photoKeys.filter((k) => !traced.has(k))) {
    writes.push({ put: mediaTraceItem(ctx, { ...meta, traceId: `unasked-${ctx.newId()}`, attr: photoCheckAttr(photoKey), photoKey, scene: 1, tries: 1 }) });
  }
  return { attrs, writes };
}

/** What residents read of an announcement, for WeChat's content check (contentSecurity.ts › screenStaffText). */
function announcementFields(title: string | undefined, body: string | undefined) {
  return [
    { name: 'title', zh: '标题', en: 'title', text: title },
    { name: 'body', zh: '正文', en: 'text', text: body },
  ];
}

async function managed(ctx: UserCtx, id: string): Promise<AnnouncementRecord> {
  const a = await store.getAnnouncement(ctx.db, id, true);
  if (!a || !(canManage(ctx.principal, scopeOf(a)) || a.authorId === ctx.principal.userId)) throw new NotFoundError('announcement');
  requireManage(ctx, scopeOf(a));
  return a;
}

/** Before it is published anything may change (over the version read); once published, only whether it is pinned. */
export async function editAnnouncement(ctx: UserCtx, id: string, input: EditAnnouncementInput): Promise<Announcement> {
  const a = await managed(ctx, id);
  if (a.version !== input.version) throw new ConflictError('STALE_VERSION');
  if (a.state === 'withdrawn') throw new ConflictError('ANNOUNCEMENT_WITHDRAWN');
  const now = ctx.clock.now();
  const { version, pinned, ...rest } = input;
  void version;
  if (a.state === 'published' && Object.values(rest).some((v) => v !== undefined)) throw new ConflictError('ANNOUNCEMENT_PUBLISHED');
  let next: AnnouncementRecord = { ...a, pinned: pinned ?? a.pinned, updatedAt: now.toISOString(), version: a.version + 1 };
  if (a.state === 'scheduled') {
    if (input.audience) {
      const { scope, audience } = await resolveAudience(ctx, input.audience);
      requireManage(ctx, scope);
      next = { ...next, audience, subdistrictId: scope.subdistrictId, communityId: scope.communityId, gridId: scope.gridId };
    }
    if (input.photos) checkPhotoKeys(ctx, input.photos);
    await screenStaffText(ctx, announcementFields(input.title, input.body));
    if (input.photos) await ctx.storage.keep(input.photos);
    const publishAt = input.publishAt ? publishTime(now, input.publishAt) : a.publishAt;
    next = {
      ...next,
      title: input.title ?? a.title,
      body: input.body ?? a.body,
      photoKeys: input.photos ?? a.photoKeys,
      publishAt,
      // moved to now: published by this edit, and queued for the telling
      state: publishAt > now.toISOString() ? 'scheduled' : 'published',
    };
  }
  // new attachments (a scheduled one's edit) are checked as a post's are; kept ones keep their verdicts
  const added = input.photos && a.state === 'scheduled' ? input.photos.filter((k) => !a.photoKeys.includes(k)) : [];
  const checks = await checkPhotos(ctx, next, added);
  const spec = replaceSpec(next, a.version, [a.state]);
  // the job publishing it meanwhile moves the version: STALE_VERSION, read again
  if (!checks.writes.length) await ctx.db.update(keys.announcement(id), { ...spec, set: { ...spec.set, ...checks.attrs } }, { fails: 'STALE_VERSION' });
  else await ctx.db.transact([{ update: keys.announcement(id), spec: { ...spec, set: { ...spec.set, ...checks.attrs } }, fails: 'STALE_VERSION' }, ...checks.writes]);
  return announcementView(ctx, { ...next, ...checks.attrs }, ctx.principal);
}

/** Withdrawn: gone from residents' lists and from the publish queue (residents not told yet are not told). */
export async function withdrawAnnouncement(ctx: UserCtx, id: string): Promise<Announcement> {
  const a = await managed(ctx, id);
  if (a.state === 'withdrawn') return announcementView(ctx, a, ctx.principal);
  const next: AnnouncementRecord = { ...a, state: 'withdrawn', updatedAt: ctx.clock.now().toISOString(), version: a.version + 1 };
  await ctx.db.update(keys.announcement(id), replaceSpec(next, a.version, ['scheduled', 'published']), { fails: 'STALE_VERSION' });
  return announcementView(ctx, next, ctx.principal);
}
