import type { Booking, Emergency, FamilyLink, Provider, ServiceMenu, Slot } from '../../shared/elderCare/schemas';
import type { Db, Item, TxWrite } from '../platform/db';
import { withoutKeys } from '../platform/db';
import { keys } from '../platform/keys';

/** Data access of elder care: one function per access pattern (README's table). */

export type SlotRecord = Omit<Slot, 'taken' | 'free' | 'waiting'> & { subdistrictId: string; createdAt: string };
export type BookingRecord = Omit<Booking, 'canCancel' | 'canRate' | 'photoUrl'> & { subdistrictId: string; gridId?: string; version: number };
export type EmergencyRecord = Emergency & { subdistrictId: string; familyIds: string[]; version: number };
export interface ElderProfileRecord {
  userId: string;
  birthYear?: number;
  updatedAt: string;
}
export type FamilyRecord = FamilyLink;

const strip = <T>(it: Item): T => withoutKeys(it) as unknown as T;

// --- menu ---
export async function getMenu(db: Db, subdistrictId: string): Promise<ServiceMenu | undefined> {
  const it = await db.get(keys.elderMenu(subdistrictId));
  return it ? strip<ServiceMenu>(it) : undefined;
}
export function menuPut(menu: ServiceMenu, previousVersion: number | undefined): TxWrite {
  return {
    put: { ...keys.elderMenu(menu.subdistrictId), entity: 'elderMenu', ...menu },
    if: previousVersion === undefined ? { expr: 'attribute_not_exists(#pk)' } : { expr: '#version = :v', values: { ':v': previousVersion } },
    fails: 'STALE_VERSION',
  };
}

// --- providers ---
export function providerPut(p: Provider): TxWrite {
  return {
    put: { ...keys.elderProvider(p.id), ...keys.elderProviderOfCommunity(p.communityId, p.id), ...(p.partnerUnitId ? keys.elderProviderOfUnit(p.partnerUnitId, p.id) : {}), entity: 'elderProvider', ...p },
    if: { expr: 'attribute_not_exists(#pk)' },
  };
}
export async function getProvider(db: Db, id: string): Promise<Provider | undefined> {
  const it = await db.get(keys.elderProvider(id));
  return it ? strip<Provider>(it) : undefined;
}
export async function providersOfCommunity(db: Db, communityId: string): Promise<Provider[]> {
  const out = await db.query({ index: 'gsi1', pk: keys.elderProviderOfCommunity(communityId, '').gsi1pk, limit: 100 });
  return out.items.map((i) => strip<Provider>(i));
}
export async function providersOfUnit(db: Db, unitId: string): Promise<Provider[]> {
  const out = await db.query({ index: 'gsi2', pk: keys.elderProviderOfUnit(unitId, '').gsi2pk, limit: 100 });
  return out.items.map((i) => strip<Provider>(i));
}

// --- slots ---
export function slotPut(s: SlotRecord): TxWrite {
  return { put: { ...keys.elderSlot(s.id), ...keys.elderSlotOfCommunity(s.communityId, s.cutoffAt, s.id), entity: 'elderSlot', ...s }, if: { expr: 'attribute_not_exists(#pk)' } };
}
export async function getSlot(db: Db, id: string): Promise<SlotRecord | undefined> {
  const it = await db.get(keys.elderSlot(id));
  return it ? strip<SlotRecord>(it) : undefined;
}
export async function getSlots(db: Db, ids: string[]): Promise<SlotRecord[]> {
  if (!ids.length) return [];
  return (await db.batchGet(ids.map((id) => keys.elderSlot(id)))).map((i) => strip<SlotRecord>(i));
}
/** slots of a community still open for booking (cut-off from now on), soonest first */
export async function openSlotsOfCommunity(db: Db, communityId: string, now: string): Promise<SlotRecord[]> {
  const out = await db.query({ index: 'gsi1', pk: keys.elderSlotOfCommunity(communityId, '', '').gsi1pk, from: now, limit: 100 });
  return out.items.map((i) => strip<SlotRecord>(i));
}

// --- bookings ---
export const bookingId = (slotId: string, elderId: string) => `${slotId}~${elderId}`;
export function splitBookingId(id: string): { slotId: string; elderId: string } {
  const [slotId, elderId] = id.split('~');
  return { slotId: slotId!, elderId: elderId! };
}
export function bookingItem(b: BookingRecord): Item {
  return {
    ...keys.elderBooking(b.slotId, b.elderId),
    ...keys.elderBookingOfElder(b.elderId, b.startsAt, b.slotId),
    ...keys.elderBookingOfProvider(b.providerId, b.startsAt, b.slotId, b.elderId),
    ...(b.status === 'served' && b.servedAt ? keys.elderServedOfCommunity(b.communityId, b.servedAt, b.slotId, b.elderId) : {}),
    entity: 'elderBooking',
    ...b,
  };
}
export async function getBooking(db: Db, slotId: string, elderId: string): Promise<BookingRecord | undefined> {
  const it = await db.get(keys.elderBooking(slotId, elderId), true);
  return it ? strip<BookingRecord>(it) : undefined;
}
/** an elder's bookings, newest first, a page at a time */
export async function bookingsOfElder(db: Db, elderId: string, page: { limit: number; cursor?: string }) {
  const out = await db.query({ index: 'gsi1', pk: keys.elderBookingOfElder(elderId, '', '').gsi1pk, ascending: false, limit: page.limit, cursor: page.cursor });
  return { items: out.items.map((i) => strip<BookingRecord>(i)), cursor: out.cursor };
}
/** a provider's bookings between two instants (a China day) */
export async function bookingsOfProvider(db: Db, providerId: string, from: string, to: string): Promise<BookingRecord[]> {
  const out: BookingRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query({ index: 'gsi2', pk: keys.elderBookingOfProvider(providerId, '', '', '').gsi2pk, between: [from, to], cursor });
    out.push(...page.items.map((i) => strip<BookingRecord>(i)));
    cursor = page.cursor;
  } while (cursor);
  return out;
}
/** a community's served bookings between two instants: the records behind the figures (recount) */
export async function servedOfCommunity(db: Db, communityId: string, from: string, to: string): Promise<BookingRecord[]> {
  const out: BookingRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query({ index: 'gsi3', pk: keys.elderServedOfCommunity(communityId, '', '', '').gsi3pk, between: [from, to], cursor });
    out.push(...page.items.map((i) => strip<BookingRecord>(i)));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

// --- elders and family ---
export async function getProfile(db: Db, userId: string): Promise<ElderProfileRecord | undefined> {
  const it = await db.get(keys.elderProfile(userId));
  return it ? strip<ElderProfileRecord>(it) : undefined;
}
export async function getProfiles(db: Db, userIds: string[]): Promise<ElderProfileRecord[]> {
  if (!userIds.length) return [];
  return (await db.batchGet(userIds.map((u) => keys.elderProfile(u)))).map((i) => strip<ElderProfileRecord>(i));
}
export function familyItem(f: FamilyRecord): Item {
  return { ...keys.elderFamily(f.elderId, f.familyId), ...keys.elderFamilyOf(f.familyId, f.elderId), entity: 'elderFamily', ...f };
}
export async function getFamily(db: Db, elderId: string, familyId: string): Promise<FamilyRecord | undefined> {
  const it = await db.get(keys.elderFamily(elderId, familyId), true);
  return it ? strip<FamilyRecord>(it) : undefined;
}
export async function familyOfElder(db: Db, elderId: string): Promise<FamilyRecord[]> {
  const out = await db.query({ pk: keys.elderFamily(elderId, '').pk, prefix: 'FAMILY#', limit: 50 });
  return out.items.map((i) => strip<FamilyRecord>(i));
}
export async function eldersOfFamily(db: Db, familyId: string): Promise<FamilyRecord[]> {
  const out = await db.query({ index: 'gsi1', pk: keys.elderFamilyOf(familyId, '').gsi1pk, limit: 50 });
  return out.items.map((i) => strip<FamilyRecord>(i));
}

// --- 助急 ---
export function emergencyItem(e: EmergencyRecord): Item {
  return {
    ...keys.emergency(e.id),
    ...keys.emergencyOfCommunity(e.communityId, e.createdAt, e.id),
    // in the escalation queue only while open, not acknowledged and not yet escalated
    ...(e.state === 'open' && !e.escalated ? keys.emergencyDue(e.escalateAt, e.id) : {}),
    entity: 'emergency',
    ...e,
  };
}
export async function getEmergency(db: Db, id: string): Promise<EmergencyRecord | undefined> {
  const it = await db.get(keys.emergency(id), true);
  return it ? strip<EmergencyRecord>(it) : undefined;
}
export async function dueEmergencies(db: Db, now: string): Promise<EmergencyRecord[]> {
  const out = await db.query({ index: 'gsi1', pk: keys.emergencyDue('', '').gsi1pk, between: ['0', `${now}~`], limit: 50 });
  return out.items.map((i) => strip<EmergencyRecord>(i));
}
export async function emergenciesOfCommunity(db: Db, communityId: string, opts: { from?: string; to?: string; limit?: number } = {}): Promise<EmergencyRecord[]> {
  const out: EmergencyRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query({ index: 'gsi2', pk: keys.emergencyOfCommunity(communityId, '', '').gsi2pk, ascending: false, ...(opts.from ? { between: [opts.from, opts.to ?? '9'] as [string, string] } : {}), limit: opts.limit ?? 100, cursor });
    out.push(...page.items.map((i) => strip<EmergencyRecord>(i)));
    cursor = opts.limit ? undefined : page.cursor;
  } while (cursor);
  return out;
}
