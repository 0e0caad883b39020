import { moderationApi } from '../../shared/moderation/api';
import { route } from '../platform/http';
import { hide, restore } from './commands/decide';
import { listHidden } from './commands/hidden';
import { listQueue } from './commands/queue';
import { report } from './commands/report';

const m = moderationApi;
export const routes = [
  route(m.report, (ctx, { params, body }) => report(ctx, params.kind, params.ref, body.reason)),
  route(m.queue, (ctx, { query }) => listQueue(ctx, query)),
  route(m.hidden, (ctx, { query }) => listHidden(ctx, query)),
  route(m.hide, (ctx, { params, body }) => hide(ctx, params.kind, params.ref, body.reason)),
  route(m.restore, (ctx, { params, body }) => restore(ctx, params.kind, params.ref, body.note)),
];
