import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Principal } from '../../shared/org/schemas';
import { UnauthenticatedError } from './errors';

/** Our own short-lived signed token (a JWT, HS256): who the caller is and the grants they hold. */
const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

/** `ims`: the issue time in ms, which platform/revocation.ts compares with the user's epoch (iat's seconds are too
 * coarse: a token issued in the same second as a revocation must be told apart). */
export function signAccessToken(principal: Principal, secret: string, now: Date, ttlSeconds: number): string {
  const iat = Math.floor(now.getTime() / 1000);
  const payload = Buffer.from(JSON.stringify({ sub: principal.userId, name: principal.displayName, grants: principal.grants, iat, ims: now.getTime(), exp: iat + ttlSeconds })).toString('base64url');
  return `${header}.${payload}.${sign(`${header}.${payload}`, secret)}`;
}

export function verifyAccessToken(token: string, secret: string, now: Date): Principal {
  return verifyAccess(token, secret, now).principal;
}

/** The principal of a valid token and when it was issued (ms; undefined for a token signed before `ims` existed). */
export function verifyAccess(token: string, secret: string, now: Date): { principal: Principal; issuedAtMs?: number } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== header) throw new UnauthenticatedError();
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new UnauthenticatedError();
  let claims: { sub?: unknown; name?: unknown; grants?: unknown; exp?: unknown; ims?: unknown };
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    // JSON.parse of the payload throws only SyntaxError: a payload that is no JSON is no token of ours
    throw new UnauthenticatedError();
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) throw new UnauthenticatedError('TOKEN_EXPIRED');
  const parsed = Principal.safeParse({ userId: claims.sub, displayName: claims.name, grants: claims.grants });
  if (!parsed.success) throw new UnauthenticatedError();
  return { principal: parsed.data, issuedAtMs: typeof claims.ims === 'number' ? claims.ims : undefined };
}

/** Refresh tokens are random; only their hash is stored. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
