import type { z } from 'zod';
import { subscribeEntries, WechatPushEvent, type WechatPushBody, type WechatPushQuery } from '../../../shared/notifications/push';
import type { Ctx } from '../../platform/context';
import { ApiError, ValidationError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import { openPush, pushSignature, signatureMatches } from '../../platform/wechatPush';
import { recordMediaCheck } from '../../platform/contentSecurity';

type Query = z.infer<typeof WechatPushQuery>;

function secrets(ctx: Ctx) {
  const push = ctx.config.wechat.push;
  // no Token configured: there is no push URL to answer for
  if (!push) throw new ApiError(404, 'ROUTE_NOT_FOUND');
  return { ...push, appId: ctx.config.wechat.appId };
}

const refused = () => new ApiError(401, 'WECHAT_PUSH_SIGNATURE');

/** How far WeChat's `timestamp` (when it signed the call, in seconds) may be from our clock: a signed call captured and
 * replayed later, or one whose clock is off, is refused (the signature covers the timestamp, so it cannot be moved). */
export const PUSH_FRESH_SECONDS = 300;
function fresh(ctx: Ctx, timestamp: string): void {
  const t = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(ctx.clock.now().getTime() / 1000 - t) > PUSH_FRESH_SECONDS) throw new ApiError(401, 'WECHAT_PUSH_STALE');
}

/** The console's check of the URL: answer the echo only when the signature is the Token's. */
export async function checkPushUrl(ctx: Ctx, query: Query): Promise<string> {
  const { token } = secrets(ctx);
  if (!query.echostr || !signatureMatches(pushSignature(token, query.timestamp, query.nonce), query.signature)) throw refused();
  fresh(ctx, query.timestamp);
  return query.echostr;
}

/**
 * A subscribe-message event from WeChat. Our count of a user's one-time grants is what the sender spends, so it must
 * not outlive the user's own choice:
 * - subscribe_msg_change_event, reject: the user turned the template off in the mini-program's settings → no grants;
 * - subscribe_msg_sent_event, ErrorCode 43101: WeChat refused a send because the user has no grant → no grants;
 * - subscribe_msg_popup_event: the app reports the popup's answers itself (POST /me/subscriptions) right after the tap;
 *   counting them here too would count each accept twice, so it is only acknowledged.
 * Every effect is "set to zero", so WeChat's retries (it calls again when no `success` comes within 5 s) change nothing.
 * Anything else (other events, users we do not know, templates not ours) is acknowledged and ignored.
 */
export async function receivePush(ctx: Ctx, query: Query, body: z.infer<typeof WechatPushBody>): Promise<string> {
  const s = secrets(ctx);
  let raw: unknown = body;
  if (body.Encrypt !== undefined) {
    if (!s.aesKey || !signatureMatches(pushSignature(s.token, query.timestamp, query.nonce, body.Encrypt), query.msg_signature)) throw refused();
    const opened = openPush(body.Encrypt, s);
    if (opened === undefined) throw refused();
    try {
      raw = JSON.parse(opened);
    } catch {
      // JSON.parse throws only SyntaxError: the sealed message is not JSON
      throw new ValidationError([{ path: 'body.Encrypt', message: 'not JSON inside' }], 'BAD_JSON');
    }
  } else if (s.aesKey || !signatureMatches(pushSignature(s.token, query.timestamp, query.nonce), query.signature)) {
    // with an EncodingAESKey set, only sealed bodies: a plain body is not covered by the signature
    throw refused();
  }
  fresh(ctx, query.timestamp);
  const parsed = WechatPushEvent.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.slice(0, 10).map((i) => ({ path: ['event', ...i.path.map(String)].join('.'), message: i.message })));
  const event = parsed.data;
  // 内容安全: WeChat's verdict on a photo handed to mediaCheckAsync (platform/contentSecurity.ts)
  if (event.Event === 'wxa_media_check') {
    const traceId = typeof event.trace_id === 'string' ? event.trace_id : undefined;
    const result = event.result as { suggest?: unknown } | undefined;
    if (traceId && traceId.length <= 128) await recordMediaCheck(ctx, traceId, typeof result?.suggest === 'string' ? result.suggest : undefined);
    return 'success';
  }

  const resets = subscribeEntries(event).filter((entry) =>
    event.Event === 'subscribe_msg_change_event' ? entry.SubscribeStatusString === 'reject' : event.Event === 'subscribe_msg_sent_event' && entry.ErrorCode === '43101',
  );
  const byTemplateId = new Map(Object.entries(ctx.config.templates).map(([key, id]) => [id, key]));
  const templates = [...new Set(resets.map((e) => byTemplateId.get(e.TemplateId)).filter((k): k is string => !!k))];
  ctx.log.info('wechat push', { event: event.Event ?? event.MsgType, entries: subscribeEntries(event).length, resets: templates.length });
  if (!templates.length) return 'success';

  const user = await ctx.db.get<{ userId: string }>(keys.openid(event.FromUserName));
  if (!user) return 'success';
  const at = ctx.clock.now().toISOString();
  await ctx.db.transact(templates.map((template) => ({ update: keys.subscribeGrant(user.userId, template), spec: { set: { count: 0, template, updatedAt: at } } })));
  return 'success';
}
