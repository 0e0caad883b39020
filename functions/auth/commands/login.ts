import type { Me, Tokens } from '../../../shared/auth/schemas';
import type { Ctx } from '../../platform/context';
import { TransactionCancelled } from '../../platform/db';
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

export async function refresh(ctx: Ctx, input: { refreshToken: string }): Promise<Tokens> {
  const now = Math.floor(ctx.clock.now().getTime() / 1000);
  const userId = await store.takeRefreshToken(ctx.db, hashToken(input.refreshToken), now);
  if (!userId) throw new UnauthenticatedError('INVALID_REFRESH_TOKEN');
  return issueTokens(ctx, userId);
}

/** Reads the grants fresh, so a new binding or role shows in the next token. */
export async function issueTokens(ctx: Ctx, userId: string): Promise<Tokens> {
  const me = await readMe(ctx, userId);
  const now = ctx.clock.now();
  const refreshToken = newRefreshToken();
  await store.putRefreshToken(ctx.db, hashToken(refreshToken), userId, Math.floor(now.getTime() / 1000) + ctx.config.refreshTokenTtl);
  const accessToken = signAccessToken(
    { userId, displayName: me.displayName, grants: me.grants.map(({ role, unitId, unitPath }) => ({ role, unitId, unitPath })) },
    ctx.config.tokenSecret,
    now,
    ctx.config.accessTokenTtl,
  );
  return { accessToken, refreshToken, expiresIn: ctx.config.accessTokenTtl, me };
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
