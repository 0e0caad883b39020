import { z } from 'zod';
import { Cursor, endpoint, Page } from '../http';
import { WechatPushBody, WechatPushQuery } from './push';
import { DeadLetter, InboxItem, MarkReadInput, SubscribeResultInput, SubscriptionCounts, UnreadCount } from './schemas';

const PageQuery = z.object({ cursor: Cursor, limit: z.coerce.number().int().min(1).max(100).optional() }).strict();

/** The inbox and subscriptions: registered in shared/api.ts as `notifications`; the notifications function imports only this. */
export const notificationsApi = {
  inbox: endpoint({ method: 'GET', path: '/me/inbox', summary: 'My inbox, newest first', query: PageQuery, response: Page(InboxItem) }),
  unread: endpoint({ method: 'GET', path: '/me/inbox/unread', summary: 'How many are unread', response: UnreadCount }),
  markRead: endpoint({ method: 'POST', path: '/me/inbox/read', summary: 'Mark items read', body: MarkReadInput, response: UnreadCount }),
  reportSubscriptions: endpoint({
    method: 'POST',
    path: '/me/subscriptions',
    summary: 'Report what wx.requestSubscribeMessage answered',
    body: SubscribeResultInput,
    response: SubscriptionCounts,
  }),
  /** admins (of any sub-district): what the outbox and the workers gave up on, newest first */
  deadLetters: endpoint({ method: 'GET', path: '/admin/dead-letters', summary: 'Dead letters: messages and work items given up after their retries', query: PageQuery, response: Page(DeadLetter) }),
  /** WeChat checks the push URL once, when it is saved in the console: the echo proves we hold the Token */
  wechatPushCheck: endpoint({
    method: 'GET',
    path: '/wechat/push',
    summary: "WeChat's check of the message-push URL (signed with the console's Token)",
    auth: 'public',
    query: WechatPushQuery,
    response: z.string(),
    produces: 'text',
  }),
  wechatPush: endpoint({
    method: 'POST',
    path: '/wechat/push',
    summary: "WeChat's message push: the subscribe-message events (signed; sealed in safe mode)",
    auth: 'public',
    query: WechatPushQuery,
    body: WechatPushBody,
    response: z.string(),
    produces: 'text',
  }),
};
