import type { Db, TxWrite } from './db';
import { UnauthenticatedError } from './errors';
import { keys } from './keys';

/**
 * Taking access back (issue 11: "a grant taken back stops working within a minute"). Access tokens are signed and
 * live 2 hours; what they carry (the grants) can be out of date. So each user has an epoch, `AUTHV#u / EPOCH`:
 * tokens issued before its `revokedBefore` are refused with 401 TOKEN_REVOKED, and the app trades its refresh token
 * for a new access token that carries the grants as they are now. The epoch moves when a grant is taken back, at
 * logout, and when a used refresh token comes back (reuse: its family is revoked too).
 *
 * Every authenticated request checks the epoch; each instance keeps what it read for a minute, so a revocation takes
 * effect everywhere within a minute, at the cost of one GetItem a user, instance and minute.
 */
export const EPOCH_CACHE_MS = 60_000;

/** The write that refuses a user's access tokens issued before `at` (ms): in the transaction of the change. */
export function revokeAccessBefore(userId: string, at: number): TxWrite {
  return { update: keys.authEpoch(userId), spec: { set: { entity: 'authEpoch', userId, revokedBefore: at } } };
}

const cache = new Map<string, { revokedBefore: number; readAt: number }>();
const CACHE_LIMIT = 20_000;

/** Refuses a token issued before the user's epoch; `now` is the request's clock (ms). */
export async function checkNotRevoked(db: Db, userId: string, issuedAtMs: number | undefined, now: number): Promise<void> {
  const k = `${db.tableName}#${userId}`;
  let seen = cache.get(k);
  if (!seen || now - seen.readAt >= EPOCH_CACHE_MS || now < seen.readAt) {
    const it = await db.get<{ revokedBefore?: number }>(keys.authEpoch(userId));
    seen = { revokedBefore: it?.revokedBefore ?? 0, readAt: now };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(k, seen);
  }
  // a token without its issue time in ms (signed before this existed) counts as issued at the start of time
  if ((issuedAtMs ?? 0) < seen.revokedBefore) throw new UnauthenticatedError('TOKEN_REVOKED');
}

/** Forgets what this instance read of a user's epoch: the instance that revoked sees it at once. */
export function forgetEpoch(db: Db, userId: string): void {
  cache.delete(`${db.tableName}#${userId}`);
}
