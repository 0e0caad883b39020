import { TransactionCancelled, type Db } from '../platform/db';
import { keys } from '../platform/keys';
import type { Grant, Role } from '../../shared/org/schemas';

/** Access patterns of identity; see README.md. */
export interface UserRecord {
  id: string;
  openid: string;
  displayName: string;
  createdAt: string;
  /** the community a resident is bound to: at most one, kept by a condition */
  communityId?: string;
  pendingCommunityId?: string;
}
export interface GrantRecord extends Grant {
  unitName: string;
  userId: string;
}

/** The profile and every grant of a user: one query. */
export async function getUserWithGrants(db: Db, userId: string): Promise<{ user?: UserRecord; grants: GrantRecord[] }> {
  const { items } = await db.query<Record<string, unknown>>({ pk: keys.user(userId).pk, prefix: '#', consistent: true });
  let user: UserRecord | undefined;
  const grants: GrantRecord[] = [];
  for (const it of items) {
    if (it.sk === '#PROFILE') user = it as unknown as UserRecord;
    else if (String(it.sk).startsWith('#GRANT#')) grants.push(it as unknown as GrantRecord);
  }
  return { user, grants };
}

export async function findUserIdByOpenid(db: Db, openid: string): Promise<string | undefined> {
  const it = await db.get<{ userId: string }>(keys.openid(openid), true);
  return it?.userId;
}

/** The openid is claimed by a condition, so two first logins at once make one user. */
export async function createUser(db: Db, user: UserRecord): Promise<void> {
  await db.transact([
    { put: { ...keys.openid(user.openid), entity: 'openid', userId: user.id }, if: { expr: 'attribute_not_exists(#pk)' } },
    { put: { ...keys.user(user.id), entity: 'user', ...user }, if: { expr: 'attribute_not_exists(#pk)' } },
  ]);
}

export async function setDisplayName(db: Db, userId: string, displayName: string): Promise<void> {
  await db.update(keys.user(userId), { set: { displayName }, if: { expr: 'attribute_exists(#pk)' } });
}

export async function putRefreshToken(db: Db, hash: string, userId: string, expiresAt: number): Promise<void> {
  await db.put({ ...keys.refreshToken(hash), entity: 'refreshToken', userId, expiresAt });
}

/** A refresh token is used once: deleted on use, under a condition, so two uses make one new pair. */
export async function takeRefreshToken(db: Db, hash: string, nowSeconds: number): Promise<string | undefined> {
  const it = await db.get<{ userId: string; expiresAt: number }>(keys.refreshToken(hash), true);
  if (!it || it.expiresAt <= nowSeconds) return undefined;
  try {
    await db.transact([{ delete: keys.refreshToken(hash), if: { expr: 'attribute_exists(#pk)' } }]);
  } catch (e) {
    // taken by a concurrent refresh with the same token: only one of them gets a new pair. Anything else (AccessDenied,
    // throttling) is not the user's fault and must not sign them out: it surfaces as the error it is
    if (e instanceof TransactionCancelled) return undefined;
    throw e;
  }
  return it.userId;
}

export function grantOf(record: GrantRecord): Grant {
  return { role: record.role as Role, unitId: record.unitId, unitPath: record.unitPath };
}
