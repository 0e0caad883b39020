import { sayItDayApi } from '../../shared/sayItDay/api';
import { route } from '../platform/http';
import { editMatter, withdrawMatter } from './commands/editMatter';
import { communityMatters, listSessions, matterDetail, myMatters, nextSession, sessionAgenda } from './commands/read';
import { putReminder, readReminder } from './commands/reminders';
import { closeSession, putMinutes, recordOutcome, startSession } from './commands/runSession';
import { putScheduleRule, readScheduleRule } from './commands/scheduleRule';
import { secondMatter } from './commands/secondMatter';
import { submitMatter } from './commands/submitMatter';

const s = sayItDayApi;
export const routes = [
  route(s.scheduleRule, (ctx, { params }) => readScheduleRule(ctx, params.communityId)),
  route(s.putScheduleRule, (ctx, { params, body }) => putScheduleRule(ctx, params.communityId, body)),
  route(s.nextSession, (ctx, { params }) => nextSession(ctx, params.communityId)),
  route(s.sessions, (ctx, { params, query }) => listSessions(ctx, params.communityId, query)),
  route(s.session, (ctx, { params }) => sessionAgenda(ctx, params.sessionId)),
  route(s.submitMatter, (ctx, { params, body }) => submitMatter(ctx, params.sessionId, body)),
  route(s.communityMatters, (ctx, { params, query }) => communityMatters(ctx, params.communityId, query)),
  route(s.myMatters, (ctx, { query }) => myMatters(ctx, query)),
  route(s.matter, (ctx, { params }) => matterDetail(ctx, params.matterId)),
  route(s.editMatter, (ctx, { params, body }) => editMatter(ctx, params.matterId, body)),
  route(s.withdrawMatter, (ctx, { params }) => withdrawMatter(ctx, params.matterId)),
  route(s.secondMatter, (ctx, { params }) => secondMatter(ctx, params.matterId)),
  route(s.startSession, (ctx, { params }) => startSession(ctx, params.sessionId)),
  route(s.putMinutes, (ctx, { params, body }) => putMinutes(ctx, params.sessionId, body)),
  route(s.recordOutcome, (ctx, { params, body }) => recordOutcome(ctx, params.matterId, body)),
  route(s.closeSession, (ctx, { params }) => closeSession(ctx, params.sessionId)),
  route(s.reminder, (ctx, { params }) => readReminder(ctx, params.communityId)),
  route(s.putReminder, (ctx, { params, body }) => putReminder(ctx, params.communityId, body.subscribed)),
];
