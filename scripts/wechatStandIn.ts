/**
 * A local stand-in for the WeChat server API (api.weixin.qq.com), speaking the same HTTP protocol so the backend's
 * WeChat client runs unchanged against it (only WECHAT_API_BASE differs):
 *
 *   GET  /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 *        → {openid, session_key, unionid?} | {errcode: 40029, errmsg: 'invalid code'} (40163 when a minted code is reused)
 *   GET  /cgi-bin/token?grant_type=client_credential&appid&secret → {access_token, expires_in: 7200}
 *        | {errcode: 40013, 'invalid appid'} | {errcode: 40125, 'invalid appsecret'} | {errcode: 40002, 'invalid grant_type'}
 *   POST /cgi-bin/message/subscribe/send?access_token=…  {touser, template_id, page?, data}
 *        → {errcode: 0, errmsg: 'ok'} | 40001 (bad token) | 42001 (expired token) | 47003 (bad body) | 40037 (unknown template)
 *   POST /wxa/business/getuserphonenumber?access_token=…  {code}
 *        → {errcode: 0, errmsg: 'ok', phone_info: {phoneNumber, purePhoneNumber, countryCode, watermark}}
 *   POST /wxa/msg_sec_check?access_token=…  {content, version: 2, scene: 1-4, openid, title?}
 *        → {errcode: 0, errmsg: 'ok', result: {suggest, label}, detail: [...], trace_id}: content with a word of
 *          RISKY_WORDS is risky (label 20006), of REVIEW_WORDS review (label 21000), else pass (100);
 *          47001 for a body that is not JSON or lacks version 2 / scene / openid / content
 *   POST /wxa/media_check_async?access_token=…  {media_url, media_type: 1|2, version: 2, scene, openid}
 *        → {errcode: 0, errmsg: 'ok', trace_id}; the verdict (risky when the URL or the photo's bytes hold
 *          RISKY_PHOTO_MARK, review for REVIEW_PHOTO_MARK, else pass) is pushed later as a `wxa_media_check` event to the
 *          media push URL (option mediaPushUrl, env WECHAT_PUSH_URL, or POST /__standin/media-push), signed and sealed as
 *          every push is, after mediaDelayMs (default 1 s)
 *
 * and a control surface for tests and people, under /__standin/:
 *   POST   /__standin/code {openid}            → {code}: a one-time code like wx.login's, for that openid
 *   POST   /__standin/fail {count, errcode?, errmsg?} → the next `count` subscribe sends fail (default errcode -1, "system busy")
 *   POST   /__standin/fail {touser, fail?, errcode?, errmsg?} → every send to that openid fails until `fail: false` (tests
 *                                                 that share the stand-in fail only their own people's sends)
 *   GET    /__standin/messages?touser=…        → {items: [{touser, template_id, page, data, miniprogram_state, lang, at}]}
 *   DELETE /__standin/messages                 → clears the record (and any pending failures)
 *   GET    /__standin/attempts                 → {items: [...every send attempt, with the errcode it got]}
 *   GET    /__standin/health                   → {ok: true}
 *   GET    /__standin/media-checks?openid=…    → {items: [{traceId, mediaUrl, delivered, event}]}: the verdicts, with the
 *                                                 push event WeChat sends (tests that call the functions in-process
 *                                                 deliver it themselves)
 *   POST   /__standin/media-push {url}          → later verdicts are pushed to url (url null: kept until asked for)
 *   POST   /__standin/media-checks/deliver {url, openid?} → pushes the undelivered verdicts now; answers {items: [{traceId, status}]}
 *   POST   /__standin/push {url, event, mode?} → delivers a message-push event to `url` as WeChat does (signed with the
 *                                                 Token; sealed with the EncodingAESKey when mode is 'safe', the default)
 *                                                 and answers {status, body} of the app's answer
 *
 * Codes of the form `dev:<openid>` are accepted too (as often as they come), so a person can log in on h5 by typing an
 * openid. Those are a local convenience: the backend only sends them when LINLI_ENV=local.
 *
 * Run as a CLI: `tsx scripts/wechatStandIn.ts` (port from WECHAT_STANDIN_PORT, default 3100; appid/secret from
 * WECHAT_APPID / WECHAT_SECRET).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { readPush, readTemplates } from '../functions/platform/config';
import { pushSignature, sealPush } from '../functions/platform/wechatPush';

export const DEFAULT_APPID = 'wx-local-appid';

/** The stand-in's test vocabulary for 内容安全 (WeChat's own lists are not public): a word of the first is risky, of the second review. */
export const RISKY_WORDS = ['赌博网站', '代开发票', 'risky-word'];
export const REVIEW_WORDS = ['可疑链接', 'review-word'];
/** a photo whose URL or bytes hold this is risky; the other, review */
export const RISKY_PHOTO_MARK = 'risky-photo';
export const REVIEW_PHOTO_MARK = 'review-photo';
export const DEFAULT_SECRET = 'local-secret';

export interface WechatStandInOptions {
  /** 0 (default in tests) picks a free port */
  port?: number;
  host?: string;
  appid?: string;
  secret?: string;
  /** template ids the subscribe-send accepts; empty/undefined accepts any */
  templateIds?: string[];
  /** include a unionid in code2Session answers */
  unionid?: boolean;
  /** access token lifetime in seconds (WeChat: 7200) */
  tokenTtlSeconds?: number;
  /** log each request to stdout */
  log?: boolean;
  /** the message-push Token and EncodingAESKey of the console (default: the local stack's, functions/platform/config.ts) */
  push?: { token: string; aesKey?: string };
  /** where media-check verdicts are pushed (our /wechat/push); default env WECHAT_PUSH_URL, else kept until asked for */
  mediaPushUrl?: string;
  /** how long after media_check_async its verdict is pushed, ms (default 1000) */
  mediaDelayMs?: number;
}

export interface MediaCheck {
  traceId: string;
  openid: string;
  mediaUrl: string;
  delivered: boolean;
  event: Record<string, unknown> & { FromUserName: string; ToUserName: string };
}

export interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
  at: string;
}

export interface SendAttempt {
  touser?: unknown;
  template_id?: unknown;
  errcode: number;
  errmsg: string;
  at: string;
}

export interface WechatStandIn {
  url: string;
  port: number;
  close(): Promise<void>;
  /** in-process access to what the stand-in recorded */
  messages(touser?: string): SentMessage[];
  attempts(): SendAttempt[];
  mintCode(openid: string): string;
  failNext(count: number, errcode?: number, errmsg?: string): void;
  /** every send to `touser` fails (or, with `fail` false, no longer does) */
  failFor(touser: string, fail?: boolean, errcode?: number): void;
  /** the media-check verdicts, with the push event of each */
  mediaChecks(openid?: string): MediaCheck[];
  reset(): void;
}

type Json = Record<string, unknown>;

const OPENID_RE = /^[A-Za-z0-9_\-]{1,64}$/;

/** WeChat hands out a fresh 16-byte session_key per login */
function newSessionKey(): string {
  return randomBytes(16).toString('base64');
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  // WeChat answers JSON with text/plain on some endpoints; clients must not depend on the header. We send JSON.
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): Json | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    // JSON.parse throws only SyntaxError: a body that is not JSON is answered as WeChat answers one
    return undefined;
  }
}

/** a believable mainland mobile number derived from a code, so the same code always gives the same number */
function phoneFor(code: string): string {
  const m = /^phone:(1\d{10})$/.exec(code);
  if (m) return m[1]!;
  const h = createHash('sha256').update(code).digest();
  let digits = '';
  for (let i = 0; i < 8; i++) digits += String(h[i]! % 10);
  return `13${h[8]! % 10}${digits}`;
}

/** the template ids the account has: the same ones the functions are configured with (a typo there is a 40037 here) */
export function templatesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.values(readTemplates(env.WECHAT_TEMPLATES, true)).filter((id): id is string => !!id);
}

/**
 * A message-push call as WeChat makes it: the query (signature, timestamp, nonce, openid and, in safe mode,
 * encrypt_type and msg_signature) and the JSON body (in safe mode only ToUserName and Encrypt).
 */
export function wechatPushRequest(
  event: Json & { FromUserName: string; ToUserName: string },
  secrets: { token: string; aesKey?: string; appId: string },
  mode: 'safe' | 'plain' = 'safe',
  /** when WeChat signs the call, ms: the receiver refuses one too far from its own clock */
  now: number = Date.now(),
): { query: string; body: string } {
  const timestamp = String(Math.floor(now / 1000));
  const nonce = String(randomBytes(5).readUInt32BE(0));
  const q = new URLSearchParams({ signature: pushSignature(secrets.token, timestamp, nonce), timestamp, nonce, openid: event.FromUserName });
  if (mode === 'plain') return { query: q.toString(), body: JSON.stringify(event) };
  const Encrypt = sealPush(JSON.stringify(event), secrets);
  q.set('encrypt_type', 'aes');
  q.set('msg_signature', pushSignature(secrets.token, timestamp, nonce, Encrypt));
  return { query: q.toString(), body: JSON.stringify({ ToUserName: event.ToUserName, Encrypt }) };
}

export async function startWechatStandIn(opts: WechatStandInOptions = {}): Promise<WechatStandIn> {
  const appid = opts.appid ?? process.env.WECHAT_APPID ?? DEFAULT_APPID;
  const secret = opts.secret ?? process.env.WECHAT_SECRET ?? DEFAULT_SECRET;
  const host = opts.host ?? '127.0.0.1';
  const tokenTtl = opts.tokenTtlSeconds ?? 7200;
  const templateIds = opts.templateIds && opts.templateIds.length ? new Set(opts.templateIds) : undefined;

  const codes = new Map<string, { openid: string; used: boolean; expiresAt: number }>();
  const tokens = new Map<string, number>(); // token → expiry (ms)
  let sent: SentMessage[] = [];
  let attempts: SendAttempt[] = [];
  let failures: { count: number; errcode: number; errmsg: string } = { count: 0, errcode: -1, errmsg: 'system error' };
  const failingUsers = new Map<string, { errcode: number; errmsg: string }>();
  let mediaChecks: MediaCheck[] = [];
  let mediaPushUrl: string | undefined = opts.mediaPushUrl ?? process.env.WECHAT_PUSH_URL ?? undefined;
  const mediaDelayMs = opts.mediaDelayMs ?? 1000;
  const timers = new Set<NodeJS.Timeout>();

  /** sends one verdict as WeChat's push; a refused or unreachable URL leaves it undelivered */
  const deliver = async (check: MediaCheck, url: string): Promise<number> => {
    const push = opts.push ?? readPush(process.env, true)!;
    const call = wechatPushRequest(check.event, { ...push, appId: appid }, push.aesKey ? 'safe' : 'plain');
    try {
      const answer = await fetch(`${url}${url.includes('?') ? '&' : '?'}${call.query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: call.body });
      await answer.text();
      if (answer.ok) check.delivered = true;
      return answer.status;
    } catch {
      // the app is not listening (a test's stack has gone): WeChat would retry; here it waits for a deliver call
      return 0;
    }
  };

  /** the verdict on a photo: the URL, then its bytes (a presigned URL names the object, not what is in it) */
  const judgeMedia = async (mediaUrl: string): Promise<'pass' | 'review' | 'risky'> => {
    let text = mediaUrl;
    try {
      const r = await fetch(mediaUrl, { signal: AbortSignal.timeout(2000) });
      if (r.ok) text += Buffer.from(await r.arrayBuffer()).toString('latin1');
    } catch {
      // an unreachable URL is judged by the URL alone
    }
    if (text.includes(RISKY_PHOTO_MARK)) return 'risky';
    if (text.includes(REVIEW_PHOTO_MARK)) return 'review';
    return 'pass';
  };

  const mintCode = (openid: string) => {
    const code = randomBytes(16).toString('hex');
    codes.set(code, { openid, used: false, expiresAt: Date.now() + 5 * 60_000 });
    return code;
  };

  const checkToken = (token: string | null): Json | undefined => {
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    const exp = tokens.get(token);
    if (exp === undefined) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (exp < Date.now()) return { errcode: 42001, errmsg: 'access_token expired' };
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    const q = url.searchParams;
    const method = req.method ?? 'GET';
    if (opts.log) console.log(`[wechat] ${method} ${url.pathname}`);

    // --- WeChat's protocol ---
    if (method === 'GET' && url.pathname === '/sns/jscode2session') {
      if (q.get('appid') !== appid) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
      if (q.get('secret') !== secret) return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      if (q.get('grant_type') !== 'authorization_code') return send(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
      const code = q.get('js_code') ?? '';
      let openid: string | undefined;
      if (code.startsWith('dev:')) {
        const id = code.slice(4);
        if (OPENID_RE.test(id)) openid = id;
      } else {
        const entry = codes.get(code);
        if (entry) {
          if (entry.used) return send(res, 200, { errcode: 40163, errmsg: 'code been used' });
          if (entry.expiresAt < Date.now()) return send(res, 200, { errcode: 40029, errmsg: 'invalid code' });
          entry.used = true;
          openid = entry.openid;
        }
      }
      if (!openid) return send(res, 200, { errcode: 40029, errmsg: 'invalid code' });
      const body: Json = { openid, session_key: newSessionKey() };
      if (opts.unionid) body.unionid = `union-${openid}`;
      return send(res, 200, body);
    }

    if (method === 'GET' && url.pathname === '/cgi-bin/token') {
      if (q.get('grant_type') !== 'client_credential') return send(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
      if (q.get('appid') !== appid) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
      if (q.get('secret') !== secret) return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, Date.now() + tokenTtl * 1000);
      return send(res, 200, { access_token: token, expires_in: tokenTtl });
    }

    if (method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      const body = parseJson(await readBody(req));
      const at = new Date().toISOString();
      const record = (errcode: number, errmsg: string) => {
        attempts.push({ touser: body?.touser, template_id: body?.template_id, errcode, errmsg, at });
        return send(res, 200, { errcode, errmsg });
      };
      const bad = checkToken(q.get('access_token'));
      if (bad) return record(bad.errcode as number, bad.errmsg as string);
      if (!body) return record(47001, 'data format error');
      const { touser, template_id, page, data } = body;
      const dataOk =
        !!data &&
        typeof data === 'object' &&
        !Array.isArray(data) &&
        Object.values(data as Json).every((v) => !!v && typeof v === 'object' && typeof (v as Json).value === 'string');
      if (typeof touser !== 'string' || !touser || typeof template_id !== 'string' || !template_id || !dataOk || (page !== undefined && typeof page !== 'string'))
        return record(47003, 'argument invalid!');
      if (templateIds && !templateIds.has(template_id)) return record(40037, 'invalid template_id');
      if (failures.count > 0) {
        failures.count -= 1;
        return record(failures.errcode, failures.errmsg);
      }
      const failing = failingUsers.get(touser);
      if (failing) return record(failing.errcode, failing.errmsg);
      sent.push({
        touser,
        template_id,
        ...(page !== undefined ? { page: page as string } : {}),
        data: data as SentMessage['data'],
        ...(typeof body.miniprogram_state === 'string' ? { miniprogram_state: body.miniprogram_state } : {}),
        ...(typeof body.lang === 'string' ? { lang: body.lang } : {}),
        at,
      });
      return record(0, 'ok');
    }

    if (method === 'POST' && url.pathname === '/wxa/business/getuserphonenumber') {
      const bad = checkToken(q.get('access_token'));
      if (bad) return send(res, 200, bad);
      const body = parseJson(await readBody(req));
      const code = body?.code;
      if (typeof code !== 'string' || !code) return send(res, 200, { errcode: 47001, errmsg: 'data format error' });
      const pure = phoneFor(code);
      return send(res, 200, {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: pure,
          purePhoneNumber: pure,
          countryCode: '86',
          watermark: { timestamp: Math.floor(Date.now() / 1000), appid },
        },
      });
    }

    if (method === 'POST' && url.pathname === '/wxa/msg_sec_check') {
      const bad = checkToken(q.get('access_token'));
      if (bad) return send(res, 200, bad);
      const body = parseJson(await readBody(req));
      const scene = body?.scene;
      if (!body || body.version !== 2 || typeof body.content !== 'string' || typeof body.openid !== 'string' || !body.openid || ![1, 2, 3, 4].includes(scene as number))
        return send(res, 200, { errcode: 47001, errmsg: 'data format error' });
      const text = `${typeof body.title === 'string' ? body.title : ''}${body.content}`;
      const hit = RISKY_WORDS.find((w) => text.includes(w));
      const doubt = hit ? undefined : REVIEW_WORDS.find((w) => text.includes(w));
      const suggest = hit ? 'risky' : doubt ? 'review' : 'pass';
      const label = hit ? 20006 : doubt ? 21000 : 100;
      return send(res, 200, {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest, label },
        detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: hit || doubt ? 90 : 0, ...(hit || doubt ? { keyword: hit ?? doubt } : {}) }],
        trace_id: randomBytes(12).toString('hex'),
      });
    }

    if (method === 'POST' && url.pathname === '/wxa/media_check_async') {
      const bad = checkToken(q.get('access_token'));
      if (bad) return send(res, 200, bad);
      const body = parseJson(await readBody(req));
      if (!body || body.version !== 2 || typeof body.media_url !== 'string' || !/^https?:\/\//.test(body.media_url) || ![1, 2].includes(body.media_type as number) || typeof body.openid !== 'string' || !body.openid || ![1, 2, 3, 4].includes(body.scene as number))
        return send(res, 200, { errcode: 47001, errmsg: 'data format error' });
      const traceId = randomBytes(12).toString('hex');
      const mediaUrl = body.media_url;
      const openid = body.openid;
      const suggest = await judgeMedia(mediaUrl);
      const label = suggest === 'risky' ? 20002 : suggest === 'review' ? 21000 : 100;
      const check: MediaCheck = {
        traceId,
        openid,
        mediaUrl,
        delivered: false,
        event: {
          ToUserName: 'gh_standin',
          FromUserName: openid,
          CreateTime: Math.floor(Date.now() / 1000),
          MsgType: 'event',
          Event: 'wxa_media_check',
          appid,
          trace_id: traceId,
          version: 2,
          detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 }],
          errcode: 0,
          errmsg: 'ok',
          result: { suggest, label },
        },
      };
      mediaChecks.push(check);
      const target = mediaPushUrl;
      if (target) {
        const t = setTimeout(() => {
          timers.delete(t);
          void deliver(check, target);
        }, mediaDelayMs);
        timers.add(t);
      }
      return send(res, 200, { errcode: 0, errmsg: 'ok', trace_id: traceId });
    }

    // --- control surface ---
    if (url.pathname === '/__standin/health') return send(res, 200, { ok: true });
    if (method === 'POST' && url.pathname === '/__standin/code') {
      const body = parseJson(await readBody(req));
      const openid = body?.openid;
      if (typeof openid !== 'string' || !OPENID_RE.test(openid)) return send(res, 400, { error: 'openid (1-64 of [A-Za-z0-9_-]) required' });
      return send(res, 200, { code: mintCode(openid) });
    }
    if (method === 'POST' && url.pathname === '/__standin/fail') {
      const body = parseJson(await readBody(req)) ?? {};
      if (typeof body.touser === 'string') {
        if (body.fail === false) failingUsers.delete(body.touser);
        else failingUsers.set(body.touser, { errcode: typeof body.errcode === 'number' ? body.errcode : -1, errmsg: typeof body.errmsg === 'string' ? body.errmsg : 'system error' });
        return send(res, 200, { ok: true, failing: failingUsers.size });
      }
      const count = Number(body.count ?? 1);
      if (!Number.isInteger(count) || count < 0) return send(res, 400, { error: 'count must be a non-negative integer' });
      failures = {
        count,
        errcode: typeof body.errcode === 'number' ? body.errcode : -1,
        errmsg: typeof body.errmsg === 'string' ? body.errmsg : 'system error',
      };
      return send(res, 200, { ok: true, pending: failures.count });
    }
    if (url.pathname === '/__standin/messages') {
      if (method === 'GET') {
        const touser = q.get('touser');
        return send(res, 200, { items: touser ? sent.filter((m) => m.touser === touser) : sent });
      }
      if (method === 'DELETE') {
        sent = [];
        attempts = [];
        failures = { count: 0, errcode: -1, errmsg: 'system error' };
        failingUsers.clear();
        return send(res, 200, { ok: true });
      }
    }
    if (method === 'GET' && url.pathname === '/__standin/attempts') return send(res, 200, { items: attempts });
    if (method === 'GET' && url.pathname === '/__standin/media-checks') {
      const openid = q.get('openid');
      return send(res, 200, { items: openid ? mediaChecks.filter((m) => m.openid === openid) : mediaChecks });
    }
    const localUrl = (v: unknown) => (typeof v === 'string' && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(v) ? v : undefined);
    if (method === 'POST' && url.pathname === '/__standin/media-push') {
      const body = parseJson(await readBody(req));
      if (body?.url !== null && !localUrl(body?.url)) return send(res, 400, { error: 'url (http://127.0.0.1…) or null required' });
      mediaPushUrl = localUrl(body?.url);
      return send(res, 200, { ok: true, url: mediaPushUrl ?? null });
    }
    if (method === 'POST' && url.pathname === '/__standin/media-checks/deliver') {
      const body = parseJson(await readBody(req));
      const target = localUrl(body?.url);
      if (!target) return send(res, 400, { error: 'url (http://127.0.0.1…) required' });
      const due = mediaChecks.filter((m) => !m.delivered && (typeof body?.openid !== 'string' || m.openid === body.openid));
      const items = [];
      for (const m of due) items.push({ traceId: m.traceId, status: await deliver(m, target) });
      return send(res, 200, { items });
    }
    if (method === 'POST' && url.pathname === '/__standin/push') {
      const body = parseJson(await readBody(req));
      const event = body?.event as (Json & { FromUserName: string; ToUserName: string }) | undefined;
      const target = typeof body?.url === 'string' && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(body.url) ? body.url : undefined;
      if (!target || !event || typeof event !== 'object' || typeof event.FromUserName !== 'string')
        return send(res, 400, { error: 'url (http://127.0.0.1…) and event {ToUserName, FromUserName, …} required' });
      const push = opts.push ?? readPush(process.env, true)!;
      const call = wechatPushRequest(event, { ...push, appId: appid }, body?.mode === 'plain' || !push.aesKey ? 'plain' : 'safe');
      const answer = await fetch(`${target}${target.includes('?') ? '&' : '?'}${call.query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: call.body });
      return send(res, 200, { status: answer.status, body: await answer.text() });
    }

    return send(res, 404, { errcode: 404, errmsg: `no such api: ${method} ${url.pathname}` });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, { errcode: -1, errmsg: String(err?.message ?? err) });
    });
  });
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
    messages: (touser) => (touser ? sent.filter((m) => m.touser === touser) : [...sent]),
    attempts: () => [...attempts],
    mintCode,
    failNext: (count, errcode = -1, errmsg = 'system error') => {
      failures = { count, errcode, errmsg };
    },
    failFor: (touser, fail = true, errcode = -1) => {
      if (fail) failingUsers.set(touser, { errcode, errmsg: 'system error' });
      else failingUsers.delete(touser);
    },
    mediaChecks: (openid) => (openid ? mediaChecks.filter((m) => m.openid === openid) : [...mediaChecks]),
    reset: () => {
      mediaChecks = [];
      sent = [];
      attempts = [];
      codes.clear();
      failingUsers.clear();
      failures = { count: 0, errcode: -1, errmsg: 'system error' };
    },
  };
}

const isMain = (() => {
  const arg = process.argv[1] ?? '';
  return /wechatStandIn\.(ts|js|mjs|cjs)$/.test(arg);
})();

if (isMain) {
  const port = Number(process.env.WECHAT_STANDIN_PORT ?? process.env.PORT ?? 3100);
  startWechatStandIn({ port, templateIds: templatesFromEnv(), log: process.env.LOG_LEVEL === 'debug' })
    .then((s) => {
      console.log(`WeChat stand-in on ${s.url}`);
      const stop = () => s.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
