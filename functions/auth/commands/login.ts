import type { Me, Tokens } from '../../../shared/auth/schemas';
import type { Ctx } from '../../platform/context';
import { TransactionCancelled } from '../../platform/db';
import { forgetEpoch } from '../../platform/revocation';
import { UnauthenticatedError } from '../../platform/errors';
import { hashToken, newRefreshToken, signAccessToken } from '../../platform/tokens';
import * as store from '../store';

/** `dev:<openid>` codes are the local stack's way in; WeChat never mints them, and the cloud refuses them outright. */
const devCode = /^dev:/;

export async function wechatLogin(ctx: Ctx, input: { code: string }): Promise<Tokens> {
  if (ctx.config.env === 'cloud' && devCode.test(input.code)) throw new UnauthenticatedError('WECHAT_LOGIN_FAILED');
  const session = await ctx.wechat.code2Session(input.code);
  let userId = await store.findUserIdByOpenid(ctx.db, session.openid);
  if (!userId) {
    const id = ctx.newId();
    try {
      await store.createUser(ctx.db, {
        id,
        openid: session.openid,
        displayName: `居民${id.slice(-4).toUpperCase()}`,
        createdAt: ctx.clock.now().toISOString(),
      });
      userId = id;
    } catch (e) {
      // another first login of the same person won the race: use theirs
      if (!(e instanceof TransactionCancelled)) throw e;
      userId = await store.findUserIdByOpenid(ctx.db, session.openid);
      if (!userId) throw e;
    }
  }
  ctx.log.info('login', { userId });
  return issueTokens(ctx, userId);
}

/**
 * Trades a refresh token for new tokens. Each sign-in is a family of refresh tokens, each used once; a used one that
 * comes back means two holders (a copied token, or a retry whose answer was lost): the family is revoked and the
 * user's access tokens with it, and whoever holds the chain signs in again (wx.login is silent in the mini-program).
 */
export async function refresh(ctx: Ctx, input: { refreshToken: string }): Promise<Tokens> {
  const now = ctx.clock.now();
  const hash = hashToken(input.refreshToken);
  const token = await store.getRefreshToken(ctx.db, hash);
  if (!token || token.expiresAt <= Math.floor(now.getTime() / 1000)) throw new UnauthenticatedError('INVALID_REFRESH_TOKEN');
  const familyId = token.familyId ?? ctx.newId();
  const reused = async () => {
    ctx.log.warn('refresh token reused: its sign-in is revoked', { userId: token.userId });
    await store.revokeFamilies(ctx.db, token.userId, [familyId], now.getTime());
    forgetEpoch(ctx.db, token.userId);
    return new UnauthenticatedError('INVALID_REFRESH_TOKEN');
  };
  if (token.usedAt) throw await reused();
  const next = newRefreshToken();
  const outcome = await store.rotateRefreshToken(ctx.db, { hash, userId: token.userId, familyId }, { hash: hashToken(next), expiresAt: Math.floor(now.getTime() / 1000) + ctx.config.refreshTokenTtl }, now.toISOString());
  if (outcome === 'used') throw await reused();
  if (outcome === 'revoked') throw new UnauthenticatedError('INVALID_REFRESH_TOKEN');
  return tokensFor(ctx, token.userId, next);
}

/** A new sign-in: reads the grants fresh, so a new binding or role shows in the next token. */
export async function issueTokens(ctx: Ctx, userId: string): Promise<Tokens> {
  const now = ctx.clock.now();
  const refreshToken = newRefreshToken();
  await store.startFamily(ctx.db, hashToken(refreshToken), userId, ctx.newId(), Math.floor(now.getTime() / 1000) + ctx.config.refreshTokenTtl, now.toISOString());
  return tokensFor(ctx, userId, refreshToken);
}

async function tokensFor(ctx: Ctx, userId: string, refreshToken: string): Promise<Tokens> {
  const me = await readMe(ctx, userId);
  const accessToken = signAccessToken(
    { userId, displayName: me.displayName, grants: me.grants.map(({ role, unitId, unitPath }) => ({ role, unitId, unitPath })) },
    ctx.config.tokenSecret,
    ctx.clock.now(),
    ctx.config.accessTokenTtl,
  );
  return { accessToken, refreshToken, expiresIn: ctx.config.accessTokenTtl, me };
}

/**
 * Signs out: this sign-in (the family of the refresh token given, if it is the caller's), or every sign-in of the
 * caller; either way the caller's access tokens issued until now stop working (other devices trade their refresh
 * token for a new one, silently).
 */
export async function logout(ctx: Ctx & { principal: { userId: string } }, input: { refreshToken?: string; everywhere?: boolean }): Promise<{ ok: true }> {
  const userId = ctx.principal.userId;
  let families: string[] = [];
  if (input.everywhere) families = await store.listFamilies(ctx.db, userId);
  else if (input.refreshToken) {
    const token = await store.getRefreshToken(ctx.db, hashToken(input.refreshToken));
    if (token?.userId === userId && token.familyId) families = [token.familyId];
  }
  await store.revokeFamilies(ctx.db, userId, families, ctx.clock.now().getTime());
  forgetEpoch(ctx.db, userId);
  ctx.log.info('logout', { userId, families: families.length, everywhere: !!input.everywhere });
  return { ok: true };
}

export async function readMe(ctx: Ctx, userId: string): Promise<Me> {
  const { user, grants } = await store.getUserWithGrants(ctx.db, userId);
  if (!user) throw new UnauthenticatedError();
  const resident = grants.find((g) => g.role === 'resident');
  return {
    id: user.id,
    displayName: user.displayName,
    grants: grants.map((g) => ({ ...store.grantOf(g), unitName: g.unitName })),
    communityId: resident?.unitId,
    communityName: resident?.unitName,
    pendingCommunityId: resident ? undefined : user.pendingCommunityId,
  };
}

export async function updateProfile(ctx: Ctx & { principal: { userId: string } }, input: { displayName: string }): Promise<Me> {
  await store.setDisplayName(ctx.db, ctx.principal.userId, input.displayName);
  return readMe(ctx, ctx.principal.userId);
}
