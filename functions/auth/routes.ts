import { api } from '../../shared/api';
import { route } from '../platform/http';
import { readMe, refresh, updateProfile, wechatLogin } from './commands/login';

export const routes = [
  route(api.auth.wechatLogin, (ctx, { body }) => wechatLogin(ctx, body)),
  route(api.auth.refresh, (ctx, { body }) => refresh(ctx, body)),
  route(api.auth.me, (ctx) => readMe(ctx, ctx.principal.userId)),
  route(api.auth.updateProfile, (ctx, { body }) => updateProfile(ctx, body)),
];
