import { ApiError, UnauthenticatedError } from './errors';

/**
 * Our client of WeChat's server API. The base URL is a setting: https://api.weixin.qq.com in the cloud,
 * the local stand-in (scripts/wechatStandIn.ts) on the local stack. Same requests, same answers.
 */
export interface WechatSession {
  openid: string;
  /** never leaves the backend */
  sessionKey: string;
  unionid?: string;
}

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: 'developer' | 'trial' | 'formal';
}

export interface WechatClient {
  code2Session(code: string): Promise<WechatSession>;
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>;
  /** the number a user granted with the getPhoneNumber button: the button's code, exchanged once */
  getPhoneNumber(code: string): Promise<PhoneInfo>;
}

export interface PhoneInfo {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`wechat ${errcode}: ${errmsg}`);
  }
}

type Fetch = typeof fetch;

export function wechatClient(opts: { apiBase: string; appId: string; secret: string; fetch?: Fetch; timeoutMs?: number }): WechatClient {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 5000;
  // the access token is good for 2 hours; a warm function reuses it
  let token: { value: string; until: number } | undefined;

  async function call<T>(url: string, init?: RequestInit): Promise<T> {
    const res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new WechatApiError(-res.status, `http ${res.status}`);
    const body = (await res.json()) as T & { errcode?: number; errmsg?: string };
    if (body.errcode) throw new WechatApiError(body.errcode, body.errmsg ?? '');
    return body;
  }

  async function accessToken(): Promise<string> {
    if (token && token.until > Date.now()) return token.value;
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: opts.appId, secret: opts.secret });
    const body = await call<{ access_token: string; expires_in: number }>(`${opts.apiBase}/cgi-bin/token?${q}`);
    token = { value: body.access_token, until: Date.now() + (body.expires_in - 300) * 1000 };
    return token.value;
  }

  return {
    async code2Session(code) {
      const q = new URLSearchParams({ appid: opts.appId, secret: opts.secret, js_code: code, grant_type: 'authorization_code' });
      try {
        const body = await call<{ openid: string; session_key: string; unionid?: string }>(`${opts.apiBase}/sns/jscode2session?${q}`);
        return { openid: body.openid, sessionKey: body.session_key, unionid: body.unionid };
      } catch (e) {
        // 40029 invalid code, 40163 code used, 45011 rate limit: all mean "log in again"
        if (e instanceof WechatApiError && e.errcode > 0) throw new UnauthenticatedError('WECHAT_LOGIN_FAILED');
        throw new ApiError(502, 'WECHAT_LOGIN_FAILED');
      }
    },
    async sendSubscribeMessage(message) {
      const t = await accessToken();
      try {
        await call(`${opts.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(t)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message),
        });
      } catch (e) {
        // 40001/42001: the token went stale before its time; drop it so the retry fetches a new one
        if (e instanceof WechatApiError && (e.errcode === 40001 || e.errcode === 42001)) token = undefined;
        throw e;
      }
    },
    async getPhoneNumber(code) {
      try {
        const t = await accessToken();
        const body = await call<{ phone_info: PhoneInfo }>(`${opts.apiBase}/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(t)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code }),
        });
        const { phoneNumber, purePhoneNumber, countryCode } = body.phone_info;
        return { phoneNumber, purePhoneNumber, countryCode };
      } catch (e) {
        if (e instanceof WechatApiError && (e.errcode === 40001 || e.errcode === 42001)) token = undefined;
        // 40029 / 47001: a bad or used code; the user taps the button again
        if (e instanceof WechatApiError && e.errcode > 0) throw new ApiError(400, 'PHONE_CODE_INVALID');
        throw new ApiError(502, 'PHONE_CODE_INVALID');
      }
    },
  };
}
