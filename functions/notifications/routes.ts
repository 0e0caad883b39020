import { notificationsApi } from '../../shared/notifications/api';
import { route } from '../platform/http';
import { listInbox, markRead, unreadCount } from './commands/inbox';
import { deadLetters } from './commands/deadLetters';
import { checkPushUrl, receivePush } from './commands/push';
import { reportSubscriptions } from './commands/subscriptions';

const n = notificationsApi;
export const routes = [
  route(n.inbox, (ctx, { query }) => listInbox(ctx, query)),
  route(n.unread, (ctx) => unreadCount(ctx)),
  route(n.markRead, (ctx, { body }) => markRead(ctx, body.ids)),
  route(n.reportSubscriptions, (ctx, { body }) => reportSubscriptions(ctx, body.results)),
  route(n.deadLetters, (ctx, { query }) => deadLetters(ctx, query)),
  route(n.wechatPushCheck, (ctx, { query }) => checkPushUrl(ctx, query)),
  route(n.wechatPush, (ctx, { query, body }) => receivePush(ctx, query, body)),
];
