import { z } from 'zod';

/**
 * WeChat's message push (消息推送): the subscribe-message events (functions/platform/wechatPush.ts has the protocol).
 * Apart from schemas.ts, so that only the notifications function carries them.
 */

/** What WeChat puts on the URL of every push: the signature of the console's Token (and in safe mode of the body). */
export const WechatPushQuery = z
  .object({
    signature: z.string().regex(/^[0-9a-f]{40}$/),
    timestamp: z.string().regex(/^\d{1,12}$/),
    nonce: z.string().min(1).max(64),
    /** the URL check (GET) only */
    echostr: z.string().min(1).max(128).optional(),
    openid: z.string().max(64).optional(),
    encrypt_type: z.enum(['aes', 'raw']).optional(),
    msg_signature: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .optional(),
  })
  .strict();

/** The body as it arrives: in safe mode only ToUserName and Encrypt; in plain mode the event itself. */
export const WechatPushBody = z.looseObject({ ToUserName: z.string().min(1).max(64), Encrypt: z.string().min(1).max(65_536).optional() });

const SubscribeEntry = z.looseObject({
  TemplateId: z.string().min(1).max(128),
  /** popup and change events: accept / reject */
  SubscribeStatusString: z.string().max(16).optional(),
  /** sent events: '0' sent, '43101' the user refused (WeChat sends these as strings, sometimes numbers) */
  ErrorCode: z.coerce.string().max(16).optional(),
  ErrorStatus: z.string().max(128).optional(),
});
/** WeChat's JSON gives one entry as an object and several as an array */
const Entries = z.union([SubscribeEntry, z.array(SubscribeEntry).max(100)]).transform((v) => (Array.isArray(v) ? v : [v]));

export const WechatPushEvent = z.looseObject({
  ToUserName: z.string().min(1).max(64),
  /** the user's openid */
  FromUserName: z.string().min(1).max(64),
  CreateTime: z.coerce.number().int().min(0),
  MsgType: z.string().min(1).max(32),
  Event: z.string().max(64).optional(),
  List: Entries.optional(),
  SubscribeMsgPopupEvent: z.looseObject({ List: Entries }).optional(),
  SubscribeMsgChangeEvent: z.looseObject({ List: Entries }).optional(),
  SubscribeMsgSentEvent: z.looseObject({ List: Entries }).optional(),
});
export type WechatPushEvent = z.infer<typeof WechatPushEvent>;

/** The subscribe entries of an event, wherever this event's JSON put them. */
export function subscribeEntries(e: WechatPushEvent): z.infer<typeof SubscribeEntry>[] {
  return e.List ?? e.SubscribeMsgPopupEvent?.List ?? e.SubscribeMsgChangeEvent?.List ?? e.SubscribeMsgSentEvent?.List ?? [];
}
