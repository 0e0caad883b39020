import { endpoint, Ok } from '../http';
import { LogoutInput, Me, ProfileInput, RefreshInput, Tokens, WechatLoginInput } from './schemas';

/** Login and who I am: registered in shared/api.ts as `auth`; the auth function imports only this. */
export const authApi = {
  wechatLogin: endpoint({ method: 'POST', path: '/auth/wechat', summary: 'Log in with a wx.login code', auth: 'public', body: WechatLoginInput, response: Tokens }),
  refresh: endpoint({ method: 'POST', path: '/auth/refresh', summary: 'Trade a refresh token for new tokens', auth: 'public', body: RefreshInput, response: Tokens }),
  logout: endpoint({ method: 'POST', path: '/auth/logout', summary: 'Sign out here or everywhere', body: LogoutInput, response: Ok }),
  me: endpoint({ method: 'GET', path: '/me', summary: 'Who I am and what I may do', response: Me }),
  updateProfile: endpoint({ method: 'PUT', path: '/me/profile', summary: 'Set my display name', body: ProfileInput, response: Me }),
};
