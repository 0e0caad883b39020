import type { Db } from '../platform/db';
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

export async function communityOfInviteCode(db: Db, code: string): Promise<string | undefined> {
  return (await db.get<{ communityId: string }>(keys.inviteCode(code)))?.communityId;
}

export function grantItem(userId: string, role: Role, unit: Unit) {
  return {
    ...keys.grant(userId, role, unit.id),
    ...keys.grantByUnit(unit.id, role, userId),
    entity: 'grant',
    userId,
    role,
    unitId: unit.id,
    unitPath: unit.path,
    unitName: unit.name,
  };
}

export async function putGrant(db: Db, userId: string, role: Role, unit: Unit): Promise<void> {
  await db.transact([
    { check: keys.user(userId), if: { expr: 'attribute_exists(#pk)' } },
    { put: grantItem(userId, role, unit) },
  ]);
}

export async function deleteGrant(db: Db, userId: string, role: Role, unitId: string): Promise<void> {
  await db.transact([{ delete: keys.grant(userId, role, unitId) }]);
}

export async function listGrantsOfUnit(db: Db, unitId: string): Promise<{ userId: string; role: Role; unitId: string }[]> {
  const { items } = await db.query<{ userId: string; role: Role; unitId: string }>({ index: 'gsi1', pk: `UNIT#${unitId}`, prefix: 'GRANT#', limit: 500 });
  return items;
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

export async function listBindingRequests(db: Db, communityId: string): Promise<BindingRequestRecord[]> {
  const { items } = await db.query<BindingRequestRecord & Record<string, unknown>>({ pk: `COMMUNITY#${communityId}`, prefix: 'BINDREQ#', limit: 200 });
  return items;
}
