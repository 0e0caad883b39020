import type { Announcement, MyAnnouncements } from '../../../shared/announcements/schemas';
import { audienceKeysOf, byUnreadPinnedNewest, canManage, reaches, residentUnits, type Residence } from '../../../shared/announcements/rules';
import type { UserCtx } from '../../platform/context';
import { TransactionCancelled } from '../../platform/db';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import { getUnit } from '../../platform/units';
import * as store from '../store';
import { orderKeyOf, readerFacts, readerKeys, scopeOf, toRecord, type AnnouncementRecord } from '../store';
import { announcementView, requireResident } from './view';

const READ = 'readMarker';

async function residenceOf(ctx: UserCtx): Promise<Residence> {
  const r = requireResident(ctx);
  const facts = readerFacts(await ctx.db.batchGet(readerKeys(ctx.principal.userId, r.communityId)), ctx.principal.userId, r.communityId);
  return { ...r, gridId: facts.gridId, building: facts.building };
}

/**
 * The announcements that reach me, from the partitions of my sub-district, community, grid and building (gsi1, pinned
 * above the rest, newest first), merged into one page; the page is then put unread first. Three round trips: my grid
 * and building (one BatchGet), the partitions (queried at once), my read markers of the page (one BatchGet).
 * The cursor is the order key of the last one shown: every partition continues below it, so paging never skips or repeats.
 */
export async function myAnnouncements(ctx: UserCtx, q: { cursor?: string; limit?: number }): Promise<MyAnnouncements> {
  const limit = q.limit ?? 20;
  const before = q.cursor && /^[01]#[^#]+#[A-Za-z0-9_-]+$/.test(q.cursor) ? q.cursor : undefined;
  const residence = await residenceOf(ctx);
  const pages = await Promise.all(audienceKeysOf(residence).map((k) => store.listToAudience(ctx.db, k, limit, before)));
  // a partition with more below its last shown item bounds the page: nothing below that may be shown yet
  const bound = pages.filter((p) => p.more && p.items.length).map((p) => orderKeyOf(p.items[p.items.length - 1]!)).sort().pop();
  const merged = pages
    .flatMap((p) => p.items)
    .filter((a) => !bound || orderKeyOf(a) >= bound)
    .sort((a, b) => (orderKeyOf(a) < orderKeyOf(b) ? 1 : -1))
    .slice(0, limit);
  const more = pages.some((p) => p.more) || merged.length < pages.reduce((n, p) => n + p.items.length, 0);
  const read = await store.readMarkers(ctx.db, merged.map((a) => a.id), ctx.principal.userId);
  const items = await Promise.all(merged.map((a) => announcementView(ctx, a, ctx.principal, read.has(a.id))));
  const last = merged[merged.length - 1];
  return { items: items.sort(byUnreadPinnedNewest), unread: items.filter((i) => !i.read).length, ...(more && last ? { cursor: orderKeyOf(last) } : {}) };
}

/** Staff: a community's announcements (its grids' and buildings' too) or a sub-district's own, newest first, in any state. */
export async function unitAnnouncements(ctx: UserCtx, unitId: string, q: { cursor?: string; limit?: number }): Promise<{ items: Announcement[]; cursor?: string }> {
  const unit = await getUnit(ctx.db, unitId);
  if (!unit || (unit.kind !== 'community' && unit.kind !== 'subdistrict')) throw new NotFoundError('unit');
  const scope = unit.kind === 'community' ? { kind: 'community' as const, subdistrictId: unit.path[0]!, communityId: unit.id } : { kind: 'subdistrict' as const, subdistrictId: unit.id };
  if (!canManage(ctx.principal, scope)) throw new ForbiddenError();
  const page = await store.listOfUnit(ctx.db, unit.id, q.limit ?? 20, q.cursor);
  return { items: await Promise.all(page.items.map((a) => announcementView(ctx, a, ctx.principal))), cursor: page.cursor };
}

/** What a reader may see: staff over it (and its author) in any state; a resident it reaches once it is published. */
function visible(ctx: UserCtx, a: AnnouncementRecord, residence: Residence | undefined): 'staff' | 'resident' | undefined {
  if (canManage(ctx.principal, scopeOf(a)) || a.authorId === ctx.principal.userId) return 'staff';
  if (residence && reaches(scopeOf(a), residence) && a.state !== 'scheduled') return 'resident';
  return undefined;
}

/** The announcement, my grid, building and read marker in one BatchGet. */
async function readOne(ctx: UserCtx, id: string) {
  const r = residentUnits(ctx.principal);
  const items = await ctx.db.batchGet([keys.announcement(id), keys.announcementRead(id, ctx.principal.userId), ...(r ? readerKeys(ctx.principal.userId, r.communityId) : [])]);
  const it = items.find((i) => i.pk === keys.announcement(id).pk && i.sk === 'ANN');
  const a = it ? toRecord(it) : undefined;
  const read = items.some((i) => i.pk === keys.announcement(id).pk && i.sk !== 'ANN');
  const residence = r ? { ...r, ...readerFacts(items, ctx.principal.userId, r.communityId) } : undefined;
  const as = a ? visible(ctx, a, residence) : undefined;
  if (!a || !as) throw new NotFoundError('announcement');
  if (as === 'resident' && a.state === 'withdrawn') throw new NotFoundError('announcement', 'ANNOUNCEMENT_WITHDRAWN');
  // a staff member who is also a resident it reaches is a reader too
  const reached = !!residence && reaches(scopeOf(a), residence);
  return { a, read, as, reached };
}

export async function getAnnouncement(ctx: UserCtx, id: string): Promise<Announcement> {
  const { a, read, reached } = await readOne(ctx, id);
  return announcementView(ctx, a, ctx.principal, reached ? read : undefined);
}

/**
 * A resident it reaches opened it: the read marker is put only where absent, and the count moves in the same
 * transaction, so a retry or a second open counts nothing. Staff opening it count nothing. Two round trips (one when
 * read already).
 */
export async function markRead(ctx: UserCtx, id: string): Promise<{ id: string; firstRead: boolean }> {
  const { a, read, reached } = await readOne(ctx, id);
  if (read || !reached || a.state !== 'published') return { id, firstRead: false };
  try {
    await ctx.db.transact([
      { put: { ...keys.announcementRead(id, ctx.principal.userId), entity: 'announcementRead', userId: ctx.principal.userId, at: ctx.clock.now().toISOString() }, if: { expr: 'attribute_not_exists(#pk)' }, tag: READ },
      { update: keys.announcement(id), spec: { add: { readCount: 1 }, if: { expr: '#state = :published', values: { ':published': 'published' } } }, fails: 'ANNOUNCEMENT_WITHDRAWN' },
    ]);
    return { id, firstRead: true };
  } catch (e) {
    if (e instanceof TransactionCancelled && e.failed(READ)) return { id, firstRead: false };
    throw e;
  }
}
