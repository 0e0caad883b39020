import type { Db } from '../platform/db';
import { forgetEpoch, revokeAccessBefore } from '../platform/revocation';
import { NotFoundError } from '../platform/errors';
import { keys } from '../platform/keys';
import type { Role, Unit } from '../../shared/org/schemas';

/** Access patterns of the organisation tree, grants and bindings; see README.md. */
export { getUnit, listUnits, type UnitRecord } from '../platform/units';
import type { UnitRecord } from '../platform/units';

/** A community's invite code is claimed by a condition, so two communities never share one. */
export async function putUnit(db: Db, unit: UnitRecord): Promise<void> {
  const writes = [{ put: { ...keys.unit(unit.id), entity: 'unit', ...unit }, if: { expr: 'attribute_not_exists(#pk)' } }];
  if (unit.inviteCode) {
    writes.push({ put: { ...keys.inviteCode(unit.inviteCode), entity: 'inviteCode', communityId: unit.id } as never, if: { expr: 'attribute_not_exists(#pk)' } });
  }
  await db.transact(writes);
}

/** Strongly consistent: a code rotated a moment ago no longer binds. */
export async function communityOfInviteCode(db: Db, code: string): Promise<string | undefined> {
  return (await db.get<{ communityId: string }>(keys.inviteCode(code), true))?.communityId;
}

/** Swaps a community's invite code: the unit keeps the new one (on condition it still has the old), the old code's item
 * goes, the new one's is claimed where absent (two communities never share one). */
export async function replaceInviteCode(db: Db, communityId: string, old: string | undefined, code: string): Promise<void> {
  await db.transact([
    {
      update: keys.unit(communityId),
      spec: { set: { inviteCode: code }, if: old ? { expr: '#inviteCode = :old', values: { ':old': old } } : { expr: 'attribute_exists(#pk) AND attribute_not_exists(#inviteCode)' } },
      fails: 'STALE_VERSION',
    },
    ...(old ? [{ delete: keys.inviteCode(old), if: { expr: '#communityId = :c', values: { ':c': communityId } } }] : []),
    { put: { ...keys.inviteCode(code), entity: 'inviteCode', communityId }, if: { expr: 'attribute_not_exists(#pk)' } },
  ]);
}

/** What a resident's binding says, kept on their resident grant so staff can list and find them. */
export interface Residency {
  displayName: string;
  gridId?: string;
  note?: string;
}

/**
 * A grant; a resident's, given its residency, also indexes the resident in their community's and their grid's lists
 * (by name, so a search by name is a key condition). Written in the binding's transaction, so nobody is bound unlisted.
 */
export function grantItem(userId: string, role: Role, unit: Unit, residency?: Residency) {
  return {
    ...keys.grant(userId, role, unit.id),
    ...keys.grantByUnit(unit.id, role, userId),
    ...(role === 'resident' && residency
      ? {
          ...keys.residentOfCommunity(unit.id, residency.displayName, userId),
          ...keys.residentOfGrid(unit.id, residency.gridId, residency.displayName, userId),
          displayName: residency.displayName,
          gridId: residency.gridId,
          note: residency.note,
        }
      : {}),
    entity: 'grant',
    userId,
    role,
    unitId: unit.id,
    unitPath: unit.path,
    unitName: unit.name,
  };
}

export interface ResidentRecord {
  userId: string;
  displayName: string;
  gridId?: string;
  note?: string;
}

/** A page of a community's residents by name, or of one grid's; `-` as the grid: those whose binding names none. */
export async function listResidents(
  db: Db,
  of: { communityId: string; gridId?: string },
  opts: { name?: string; cursor?: string; limit: number },
): Promise<{ items: ResidentRecord[]; cursor?: string }> {
  const prefix = opts.name || undefined;
  return of.gridId
    ? db.query<ResidentRecord & Record<string, unknown>>({ index: 'gsi2', pk: keys.residentOfGrid(of.communityId, of.gridId, '', '').gsi2pk, prefix, cursor: opts.cursor, limit: opts.limit })
    : db.query<ResidentRecord & Record<string, unknown>>({ index: 'gsi3', pk: keys.residentOfCommunity(of.communityId, '', '').gsi3pk, prefix, cursor: opts.cursor, limit: opts.limit });
}

export async function phonesOf(db: Db, userIds: string[]): Promise<Map<string, string>> {
  const vols = await db.batchGet<{ userId: string; phone?: string }>(userIds.map((id) => keys.volunteer(id)));
  return new Map(vols.filter((v) => v.phone).map((v) => [v.userId, v.phone!]));
}

export async function putGrant(db: Db, userId: string, role: Role, unit: Unit): Promise<void> {
  await db.transact([
    { check: keys.user(userId), if: { expr: 'attribute_exists(#pk)' }, fails: new NotFoundError('user') },
    { put: grantItem(userId, role, unit) },
  ]);
}

/** Takes a role back; the user's access tokens issued until `atMs` stop working (within a minute everywhere), so the
 * grant they carry cannot outlive it: the app trades its refresh token for one with the grants as they are now. */
export async function deleteGrant(db: Db, userId: string, role: Role, unitId: string, atMs: number): Promise<void> {
  await db.transact([{ delete: keys.grant(userId, role, unitId) }, revokeAccessBefore(userId, atMs)]);
  forgetEpoch(db, userId);
}

/** Who holds roles on a unit, by role, a page at a time. */
export async function listGrantsOfUnit(db: Db, unitId: string, page: { limit: number; cursor?: string }) {
  return db.query<{ userId: string; role: Role; unitId: string }>({ index: 'gsi1', pk: `UNIT#${unitId}`, prefix: 'GRANT#', limit: page.limit, cursor: page.cursor });
}

export async function displayNames(db: Db, userIds: string[]): Promise<Map<string, string>> {
  const users = await db.batchGet<{ id: string; displayName: string }>(userIds.map((id) => keys.user(id)));
  return new Map(users.map((u) => [u.id, u.displayName]));
}

export interface BindingRequestRecord {
  userId: string;
  communityId: string;
  gridId?: string;
  note?: string;
  requestedAt: string;
}

/** A community's residents waiting for a worker's confirmation, a page at a time. */
export async function listBindingRequests(db: Db, communityId: string, page: { limit: number; cursor?: string }) {
  return db.query<BindingRequestRecord & Record<string, unknown>>({ pk: `COMMUNITY#${communityId}`, prefix: 'BINDREQ#', limit: page.limit, cursor: page.cursor });
}
