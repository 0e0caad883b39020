import type { Announcement, AnnouncementState, Audience } from '../../shared/announcements/schemas';
import { audienceKeyOf, listOrderKey, type AudienceScope, type Residence } from '../../shared/announcements/rules';
import type { Db, Item, TxWrite, UpdateSpec } from '../platform/db';
import { keys } from '../platform/keys';

/** the attributes of the attachments' verdicts (shared/moderation/visibility.ts › photoCheckAttr) */
const PHOTO_CHECK_PREFIX = 'pc_';

/** Access patterns of announcements; the table is in README.md. */

/** An announcement as stored: its audience's place in the tree, its photo keys, its counters and fan-out progress. */
export interface AnnouncementRecord extends Omit<Announcement, 'photos' | 'read' | 'readCount' | 'notifiedCount' | 'canEdit' | 'canWithdraw'> {
  authorId: string;
  photoKeys: string[];
  readCount: number;
  notifiedCount: number;
  /** the fan-out: chunks done so far (each chunk's transaction is conditioned on it) and where the next starts */
  fanoutStep: number;
  fanoutCursor?: string;
  /** set when every resident to tell was told */
  notifiedAt?: string;
}

export function scopeOf(a: Pick<AnnouncementRecord, 'audience' | 'subdistrictId' | 'communityId' | 'gridId'>): AudienceScope {
  return { kind: a.audience.kind, subdistrictId: a.subdistrictId, communityId: a.communityId, gridId: a.gridId, building: a.audience.building };
}

/** The unit whose staff list holds it: its community (grids and buildings included), or the sub-district for its own. */
export function listUnitOf(a: Pick<AnnouncementRecord, 'subdistrictId' | 'communityId'>): string {
  return a.communityId ?? a.subdistrictId;
}

/** The index attributes of a record in its state: listed to residents only while published; queued while due. */
export function indexKeys(a: AnnouncementRecord): Item {
  return {
    ...keys.announcementOfUnit(listUnitOf(a), a.createdAt, a.id),
    ...(a.state === 'published' ? keys.announcementTo(audienceKeyOf(scopeOf(a)), listOrderKey(a.pinned, a.publishAt, a.id)) : {}),
    ...(a.state === 'scheduled' || (a.state === 'published' && !a.notifiedAt) ? keys.announcementDue(a.publishAt, a.id) : {}),
  };
}

export function announcementItem(a: AnnouncementRecord): Item {
  return { ...keys.announcement(a.id), ...indexKeys(a), entity: 'announcement', ...a };
}

/** The update that moves a record to `next`: its fields and its index attributes, those it no longer has removed. */
export function replaceSpec(next: AnnouncementRecord, readVersion: number, states: readonly AnnouncementState[]): UpdateSpec {
  // the counters and the fan-out's progress move by their own writes (a read, a chunk): never set from a read copy
  const { id, readCount, notifiedCount, fanoutStep, fanoutCursor, notifiedAt, ...rest } = next;
  void id, readCount, notifiedCount, fanoutStep, fanoutCursor, notifiedAt;
  // nor the photos' verdicts (pc_*): WeChat's push sets them, an edit from a read copy must not put one back
  const fields = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith(PHOTO_CHECK_PREFIX)));
  const index = indexKeys(next);
  const all = ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'];
  const optional = ['communityId', 'gridId'] as const;
  return {
    set: { ...fields, ...index },
    remove: [...all.filter((k) => !(k in index)), ...optional.filter((k) => next[k] === undefined)],
    if: { expr: `#version = :v AND #state IN (${states.map((_, i) => `:st${i}`).join(', ')})`, values: { ':v': readVersion, ...Object.fromEntries(states.map((s, i) => [`:st${i}`, s])) } },
  };
}

export function toRecord(it: Item): AnnouncementRecord {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, entity, ...rest } = it;
  void pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, entity;
  return rest as unknown as AnnouncementRecord;
}

export async function getAnnouncement(db: Db, id: string, consistent = false): Promise<AnnouncementRecord | undefined> {
  const it = await db.get(keys.announcement(id), consistent);
  return it ? toRecord(it) : undefined;
}

/** What a resident's reads need besides the announcements: their grid (on their resident grant) and their settings. */
export interface ReaderFacts {
  gridId?: string;
  building?: string;
  notify: boolean;
}

export function readerKeys(userId: string, communityId: string) {
  return [keys.grant(userId, 'resident', communityId), keys.announcementSettings(communityId, userId)];
}

export function readerFacts(items: Item[], userId: string, communityId: string): ReaderFacts {
  const grant = items.find((i) => i.pk === keys.grant(userId, 'resident', communityId).pk && i.sk === keys.grant(userId, 'resident', communityId).sk);
  const settings = items.find((i) => i.pk === keys.announcementSettings(communityId, userId).pk);
  return { gridId: grant?.gridId as string | undefined, building: settings?.building as string | undefined, notify: settings?.notify === true };
}

/** One page of one audience partition, pinned first then newest; `before`: only order keys below it. */
export async function listToAudience(db: Db, audienceKey: string, limit: number, before?: string): Promise<{ items: AnnouncementRecord[]; more: boolean }> {
  const pk = keys.announcementTo(audienceKey, '').gsi1pk;
  // inclusive bounds: the item at `before` itself (already shown) is dropped here
  const page = await db.query({ index: 'gsi1', pk, ascending: false, limit: limit + (before ? 1 : 0), ...(before ? { between: ['0', before] as [string, string] } : {}) });
  const items = page.items.filter((i) => i.gsi1sk !== before).map(toRecord);
  return { items: items.slice(0, limit), more: !!page.cursor || items.length > limit };
}

export function orderKeyOf(a: AnnouncementRecord): string {
  return listOrderKey(a.pinned, a.publishAt, a.id);
}

/** Which of these the user has opened: one BatchGet (a page holds at most 50). */
export async function readMarkers(db: Db, ids: string[], userId: string): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await db.batchGet<{ pk: string }>(ids.map((id) => keys.announcementRead(id, userId)));
  return new Set(found.map((f) => f.pk.slice('ANN#'.length)));
}

export async function listOfUnit(db: Db, unitId: string, limit: number, cursor?: string): Promise<{ items: AnnouncementRecord[]; cursor?: string }> {
  const page = await db.query({ index: 'gsi2', pk: keys.announcementOfUnit(unitId, '', '').gsi2pk, ascending: false, limit, cursor });
  return { items: page.items.map(toRecord), cursor: page.cursor };
}

/** Due to be published or told, oldest due first. */
export async function listDue(db: Db, now: string, cursor?: string): Promise<{ items: AnnouncementRecord[]; cursor?: string }> {
  const page = await db.query({ index: 'gsi3', pk: keys.announcementDue('', '').gsi3pk, between: ['0', `${now}~`], limit: 25, cursor });
  return { items: page.items.map(toRecord), cursor: page.cursor };
}

export interface SettingsRecord {
  userId: string;
  communityId: string;
  building?: string;
  notify: boolean;
}

/** A page of a community's residents' settings, after `after` (a sort key): the fan-out walks it. */
export async function listSettings(db: Db, communityId: string, limit: number, after?: string): Promise<{ items: (SettingsRecord & { sk: string })[]; more: boolean }> {
  const pk = keys.announcementSettings(communityId, '').pk;
  const page = await db.query<SettingsRecord & { sk: string } & Item>({ pk, ...(after ? { from: after } : { prefix: 'USER#' }), limit: limit + (after ? 1 : 0) });
  const items = page.items.filter((i) => i.sk !== after);
  return { items: items.slice(0, limit), more: !!page.cursor || items.length > limit };
}

export function settingsWrite(s: SettingsRecord): TxWrite {
  return { put: { ...keys.announcementSettings(s.communityId, s.userId), entity: 'announcementSettings', ...s } };
}

/** The grids of these residents, from their resident grants (a grid-wide announcement's fan-out). */
export async function gridsOf(db: Db, communityId: string, userIds: string[]): Promise<Map<string, string | undefined>> {
  if (!userIds.length) return new Map();
  const grants = await db.batchGet<{ userId: string; gridId?: string }>(userIds.map((u) => keys.grant(u, 'resident', communityId)));
  return new Map(grants.map((g) => [g.userId, g.gridId]));
}

export type { Audience, Residence };
