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
  /** 内容安全 2.0, text: WeChat's verdict on what a user wrote, for one scene, as that user (openid) */
  msgSecCheck(input: MsgSecCheckInput): Promise<SecVerdict>;
  /** 内容安全 2.0, media: hands a photo's URL over; the verdict comes later as a `wxa_media_check` push with this trace_id */
  mediaCheckAsync(input: MediaCheckInput): Promise<{ traceId: string }>;
}

/** WeChat's scenes: 1 资料 (profile), 2 评论 (comment), 3 论坛 (forum), 4 社交日志 (social log) */
export type SecScene = 1 | 2 | 3 | 4;

export interface MsgSecCheckInput {
  content: string;
  scene: SecScene;
  /** a user who opened the mini-program in the last 2 hours */
  openid: string;
  title?: string;
}

export interface MediaCheckInput {
  /** a URL WeChat can fetch the photo from (a presigned GET) */
  mediaUrl: string;
  /** 1 audio, 2 image */
  mediaType: 1 | 2;
  scene: SecScene;
  openid: string;
}

/** `result` of 内容安全 2.0: suggest is what to do; label is the kind (100 normal, 10001 ads, 20001 politics, 20002 porn, 20003 abuse, 20006 illegal, 20008 fraud, 20012 vulgar, 20013 copyright, 21000 other) */
export interface SecVerdict {
  suggest: 'pass' | 'review' | 'risky';
  label: number;
  traceId?: string;
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

  /** a POST with the access token; a token WeChat calls stale is dropped so the next call fetches a new one */
  async function withToken<T>(path: string, body: unknown): Promise<T> {
    const t = await accessToken();
    try {
      return await call<T>(`${opts.apiBase}${path}?access_token=${encodeURIComponent(t)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (e) {
      if (e instanceof WechatApiError && (e.errcode === 40001 || e.errcode === 42001)) token = undefined;
      throw e;
    }
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
    async msgSecCheck(input) {
      // version 2 answers errcode 0 for every verdict: the verdict is `result` (detail has each strategy's own)
      const body = await withToken<{ result?: { suggest?: string; label?: number }; trace_id?: string }>('/wxa/msg_sec_check', {
        content: input.content,
        version: 2,
        scene: input.scene,
        openid: input.openid,
        ...(input.title ? { title: input.title } : {}),
      });
      const suggest = body.result?.suggest;
      if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') throw new WechatApiError(-2, `msg_sec_check: no verdict (${String(suggest)})`);
      return { suggest, label: Number(body.result?.label ?? 0), traceId: body.trace_id };
    },
    async mediaCheckAsync(input) {
      const body = await withToken<{ trace_id?: string }>('/wxa/media_check_async', {
        media_url: input.mediaUrl,
        media_type: input.mediaType,
        version: 2,
        scene: input.scene,
        openid: input.openid,
      });
      if (typeof body.trace_id !== 'string' || !body.trace_id) throw new WechatApiError(-2, 'media_check_async: no trace_id');
      return { traceId: body.trace_id };
    },
  };
}
