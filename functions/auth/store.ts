import { TransactionCancelled, type Db, type TxWrite } from '../platform/db';
import { revokeAccessBefore } from '../platform/revocation';
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

export interface RefreshTokenRecord {
  userId: string;
  /** the sign-in it belongs to (absent on tokens issued before families existed) */
  familyId?: string;
  expiresAt: number;
  /** set when it was traded: a used token is kept until it expires, so that its reuse is seen */
  usedAt?: string;
}

/** A new sign-in: its family and its first refresh token. */
export async function startFamily(db: Db, hash: string, userId: string, familyId: string, expiresAt: number, at: string): Promise<void> {
  await db.transact([
    { put: { ...keys.refreshFamily(userId, familyId), entity: 'refreshFamily', userId, familyId, createdAt: at, lastUsedAt: at, expiresAt }, if: { expr: 'attribute_not_exists(#pk)' } },
    { put: { ...keys.refreshToken(hash), entity: 'refreshToken', userId, familyId, expiresAt }, if: { expr: 'attribute_not_exists(#pk)' } },
  ]);
}

export async function getRefreshToken(db: Db, hash: string): Promise<RefreshTokenRecord | undefined> {
  return db.get<RefreshTokenRecord & Record<string, unknown>>(keys.refreshToken(hash), true);
}

/**
 * Trades a refresh token for the next in its family, in one transaction: the old one is marked used only where it was
 * not (two trades of one token make one new pair), the family only where it is not revoked. Returns why it failed.
 */
export async function rotateRefreshToken(
  db: Db,
  old: { hash: string; userId: string; familyId: string },
  next: { hash: string; expiresAt: number },
  at: string,
): Promise<'ok' | 'used' | 'revoked'> {
  try {
    await db.transact([
      { update: keys.refreshToken(old.hash), spec: { set: { usedAt: at }, if: { expr: 'attribute_exists(#pk) AND attribute_not_exists(usedAt)' } }, tag: 'used' },
      {
        update: keys.refreshFamily(old.userId, old.familyId),
        spec: { set: { entity: 'refreshFamily', userId: old.userId, familyId: old.familyId, lastUsedAt: at, expiresAt: next.expiresAt }, setIfAbsent: { createdAt: at }, if: { expr: 'attribute_not_exists(revoked)' } },
        tag: 'revoked',
      },
      { put: { ...keys.refreshToken(next.hash), entity: 'refreshToken', userId: old.userId, familyId: old.familyId, expiresAt: next.expiresAt }, if: { expr: 'attribute_not_exists(#pk)' } },
    ]);
    return 'ok';
  } catch (e) {
    // a concurrent trade of the same token, or a family revoked meanwhile: what failed says which. Anything else
    // (AccessDenied, throttling) is not the user's fault and surfaces as the error it is
    if (e instanceof TransactionCancelled) return e.failed('used') ? 'used' : 'revoked';
    throw e;
  }
}

/** Ends sign-ins: each family is revoked (its tokens trade no more) and the user's access tokens issued before `atMs`
 * are refused, in one transaction (a user has a few families: one per device they signed in on in 30 days). */
export async function revokeFamilies(db: Db, userId: string, familyIds: readonly string[], atMs: number): Promise<void> {
  const at = new Date(atMs).toISOString();
  const revoke = (familyId: string): TxWrite => ({ update: keys.refreshFamily(userId, familyId), spec: { set: { entity: 'refreshFamily', userId, familyId, revoked: true, revokedAt: at } } });
  // 99 families and the epoch a transaction (DynamoDB's 100); more only if someone signed in on 99 devices in 30 days
  let i = 0;
  do {
    await db.transact([...familyIds.slice(i, i + 99).map(revoke), revokeAccessBefore(userId, atMs)]);
    i += 99;
  } while (i < familyIds.length);
}

/** A user's sign-ins (their refresh families), live or not yet expired. */
export async function listFamilies(db: Db, userId: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<{ familyId: string }>({ pk: keys.refreshFamily(userId, '').pk, prefix: 'FAM#', cursor });
    out.push(...page.items.map((i) => i.familyId));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export function grantOf(record: GrantRecord): Grant {
  return { role: record.role as Role, unitId: record.unitId, unitPath: record.unitPath };
}
