import { authApi } from '../../shared/auth/api';
import { route } from '../platform/http';
import { logout, readMe, refresh, updateProfile, wechatLogin } from './commands/login';

export const routes = [
  route(authApi.wechatLogin, (ctx, { body }) => wechatLogin(ctx, body)),
  route(authApi.refresh, (ctx, { body }) => refresh(ctx, body)),
  route(authApi.logout, (ctx, { body }) => logout(ctx, body)),
  route(authApi.me, (ctx) => readMe(ctx, ctx.principal.userId)),
  route(authApi.updateProfile, (ctx, { body }) => updateProfile(ctx, body)),
];
