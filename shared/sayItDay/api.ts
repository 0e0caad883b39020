import { z } from 'zod';
import { Cursor, endpoint, Id, IsoDate, Page } from '../http';
import {
  EditMatterInput,
  Matter,
  MatterDetail,
  MinutesInput,
  RecordOutcomeInput,
  ReminderSubscription,
  ScheduleRule,
  ScheduleRuleInput,
  SecondResult,
  Session,
  SessionAgenda,
  SubmitMatterInput,
} from './schemas';

const CommunityParams = z.object({ communityId: Id });
const SessionParams = z.object({ sessionId: Id });
const MatterParams = z.object({ matterId: Id });
const PageQuery = z.object({ cursor: Cursor, limit: z.coerce.number().int().min(1).max(100).optional() }).strict();

/** Say-it day (说事日): registered in shared/api.ts as `sayItDay`; the sayItDay function imports only this. */
export const sayItDayApi = {
  scheduleRule: endpoint({ method: 'GET', path: '/communities/{communityId}/schedule-rule', summary: "The community's say-it day rule", params: CommunityParams, response: ScheduleRule }),
  putScheduleRule: endpoint({ method: 'PUT', path: '/communities/{communityId}/schedule-rule', summary: 'Change the say-it day rule', params: CommunityParams, body: ScheduleRuleInput, response: ScheduleRule }),
  sessions: endpoint({
    method: 'GET',
    path: '/communities/{communityId}/sessions',
    summary: "A community's sessions between two dates at most 430 days apart (by default the last year and the coming 60 days), all of them, newest first",
    params: CommunityParams,
    query: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }).strict(),
    response: z.object({ items: z.array(Session) }),
  }),
  nextSession: endpoint({
    method: 'GET',
    path: '/communities/{communityId}/sessions/next',
    summary: 'The next session still taking matters',
    params: CommunityParams,
    response: z.object({ session: Session.nullable() }),
  }),
  session: endpoint({ method: 'GET', path: '/sessions/{sessionId}', summary: 'A session and its agenda, ordered by seconds', params: SessionParams, response: SessionAgenda }),
  submitMatter: endpoint({
    method: 'POST',
    path: '/sessions/{sessionId}/matters',
    summary: 'Raise a matter for a session',
    params: SessionParams,
    body: SubmitMatterInput,
    response: Matter,
    status: 201,
    idempotent: true,
    limit: 'matter',
  }),
  communityMatters: endpoint({
    method: 'GET',
    path: '/communities/{communityId}/matters',
    summary: "The community's board of matters, newest first",
    params: CommunityParams,
    query: PageQuery,
    response: Page(Matter),
  }),
  myMatters: endpoint({ method: 'GET', path: '/me/matters', summary: 'Matters I raised, newest first', query: PageQuery, response: Page(Matter) }),
  matter: endpoint({ method: 'GET', path: '/matters/{matterId}', summary: 'A matter with its session, seconds and outcome', params: MatterParams, response: MatterDetail }),
  editMatter: endpoint({ method: 'PATCH', path: '/matters/{matterId}', summary: 'Change my matter before the cut-off', params: MatterParams, body: EditMatterInput, response: Matter }),
  withdrawMatter: endpoint({ method: 'POST', path: '/matters/{matterId}/withdraw', summary: 'Withdraw my matter before the cut-off', params: MatterParams, response: Matter }),
  secondMatter: endpoint({ method: 'POST', path: '/matters/{matterId}/seconds', summary: "Second a neighbour's matter", params: MatterParams, response: SecondResult, status: 201, idempotent: true }),
  startSession: endpoint({ method: 'POST', path: '/sessions/{sessionId}/start', summary: 'Open the session (host)', params: SessionParams, response: Session, limit: 'sessionStep' }),
  putMinutes: endpoint({ method: 'PUT', path: '/sessions/{sessionId}/minutes', summary: 'Record attendance and minutes', params: SessionParams, body: MinutesInput, response: Session, limit: 'sessionStep' }),
  recordOutcome: endpoint({ method: 'POST', path: '/matters/{matterId}/outcome', summary: 'Record what became of a matter', params: MatterParams, body: RecordOutcomeInput, response: Matter, limit: 'sessionStep' }),
  closeSession: endpoint({ method: 'POST', path: '/sessions/{sessionId}/close', summary: 'Close the session', params: SessionParams, response: Session, limit: 'sessionStep' }),
  reminder: endpoint({ method: 'GET', path: '/communities/{communityId}/reminder', summary: 'Am I reminded the day before?', params: CommunityParams, response: ReminderSubscription }),
  putReminder: endpoint({
    method: 'PUT',
    path: '/communities/{communityId}/reminder',
    summary: 'Be reminded the day before each session (or stop)',
    params: CommunityParams,
    body: z.object({ subscribed: z.boolean() }).strict(),
    response: ReminderSubscription,
  }),
};
