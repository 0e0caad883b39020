import { z } from 'zod';
import { Cursor, endpoint, Id, IsoDate, Ok, Page } from './http';
import { Me, ProfileInput, RefreshInput, Tokens, WechatLoginInput } from './auth/schemas';
import {
  BindingRequest,
  BindInput,
  BindResult,
  Community,
  CreateUnitInput,
  DecideBindingInput,
  GrantInput,
  InviteCode,
  Resident,
  ResidentsQuery,
  Unit,
  UnitGrant,
} from './org/schemas';
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
} from './sayItDay/schemas';
import { ClientConfig, InboxItem, MarkReadInput, SubscribeResultInput, SubscriptionCounts, UnreadCount } from './notifications/schemas';
import { CreateUploadInput, Upload } from './uploads/schemas';
import { fiveListsApi } from './fiveLists/api';
import { signupsApi } from './signups/api';
import { reliefApi } from './relief/api';

const CommunityParams = z.object({ communityId: Id });
const SessionParams = z.object({ sessionId: Id });
const MatterParams = z.object({ matterId: Id });
const PageQuery = z.object({ cursor: Cursor, limit: z.coerce.number().int().min(1).max(100).optional() }).strict();

/**
 * The whole HTTP API, by capability. The Lambda routes are bound to these entries, the mini-program's client is
 * typed from them and the OpenAPI document is generated from them: one contract.
 */
export const api = {
  platform: {
    health: endpoint({ method: 'GET', path: '/health', summary: 'Liveness', auth: 'public', response: z.object({ ok: z.literal(true), time: z.string() }) }),
    config: endpoint({ method: 'GET', path: '/config', summary: 'What the mini-program needs to know before login', auth: 'public', response: ClientConfig }),
  },
  auth: {
    wechatLogin: endpoint({ method: 'POST', path: '/auth/wechat', summary: 'Log in with a wx.login code', auth: 'public', body: WechatLoginInput, response: Tokens }),
    refresh: endpoint({ method: 'POST', path: '/auth/refresh', summary: 'Trade a refresh token for new tokens', auth: 'public', body: RefreshInput, response: Tokens }),
    me: endpoint({ method: 'GET', path: '/me', summary: 'Who I am and what I may do', response: Me }),
    updateProfile: endpoint({ method: 'PUT', path: '/me/profile', summary: 'Set my display name', body: ProfileInput, response: Me }),
  },
  org: {
    communities: endpoint({ method: 'GET', path: '/communities', summary: 'Communities one can bind to', response: z.object({ items: z.array(Community) }) }),
    bind: endpoint({ method: 'POST', path: '/me/binding', summary: 'Bind to a community by invite code, or ask a worker to confirm', body: BindInput, response: BindResult }),
    bindingRequests: endpoint({ method: 'GET', path: '/communities/{communityId}/binding-requests', summary: 'Residents waiting for confirmation', params: CommunityParams, response: z.object({ items: z.array(BindingRequest) }) }),
    decideBinding: endpoint({
      method: 'POST',
      path: '/communities/{communityId}/binding-requests/{userId}',
      summary: 'Confirm or reject a binding request',
      params: z.object({ communityId: Id, userId: Id }),
      body: DecideBindingInput,
      response: Ok,
    }),
    inviteCode: endpoint({ method: 'GET', path: '/communities/{communityId}/invite-code', summary: "The community's invite code", params: CommunityParams, response: InviteCode }),
    gridResidents: endpoint({
      method: 'GET',
      path: '/grids/{gridId}/residents',
      summary: "A grid's bound residents by name, then the community's bound to no grid",
      params: z.object({ gridId: Id }),
      query: ResidentsQuery,
      response: Page(Resident),
    }),
    communityResidents: endpoint({ method: 'GET', path: '/communities/{communityId}/residents', summary: "A community's bound residents by name", params: CommunityParams, query: ResidentsQuery, response: Page(Resident) }),
    units: endpoint({ method: 'GET', path: '/admin/units', summary: 'The organisation tree', response: z.object({ items: z.array(Unit) }) }),
    createUnit: endpoint({ method: 'POST', path: '/admin/units', summary: 'Add a unit', body: CreateUnitInput, response: Unit, status: 201, idempotent: true }),
    unitGrants: endpoint({ method: 'GET', path: '/admin/units/{unitId}/grants', summary: 'Who holds roles on a unit', params: z.object({ unitId: Id }), response: z.object({ items: z.array(UnitGrant) }) }),
    grant: endpoint({ method: 'POST', path: '/admin/grants', summary: 'Grant a role on a unit', body: GrantInput, response: Ok }),
    revoke: endpoint({ method: 'POST', path: '/admin/grants/revoke', summary: 'Take a role back', body: GrantInput, response: Ok }),
  },
  sayItDay: {
    scheduleRule: endpoint({ method: 'GET', path: '/communities/{communityId}/schedule-rule', summary: "The community's say-it day rule", params: CommunityParams, response: ScheduleRule }),
    putScheduleRule: endpoint({ method: 'PUT', path: '/communities/{communityId}/schedule-rule', summary: 'Change the say-it day rule', params: CommunityParams, body: ScheduleRuleInput, response: ScheduleRule }),
    sessions: endpoint({
      method: 'GET',
      path: '/communities/{communityId}/sessions',
      summary: "A community's sessions between two dates, newest first",
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
    startSession: endpoint({ method: 'POST', path: '/sessions/{sessionId}/start', summary: 'Open the session (host)', params: SessionParams, response: Session }),
    putMinutes: endpoint({ method: 'PUT', path: '/sessions/{sessionId}/minutes', summary: 'Record attendance and minutes', params: SessionParams, body: MinutesInput, response: Session }),
    recordOutcome: endpoint({ method: 'POST', path: '/matters/{matterId}/outcome', summary: 'Record what became of a matter', params: MatterParams, body: RecordOutcomeInput, response: Matter }),
    closeSession: endpoint({ method: 'POST', path: '/sessions/{sessionId}/close', summary: 'Close the session', params: SessionParams, response: Session }),
    reminder: endpoint({ method: 'GET', path: '/communities/{communityId}/reminder', summary: 'Am I reminded the day before?', params: CommunityParams, response: ReminderSubscription }),
    putReminder: endpoint({
      method: 'PUT',
      path: '/communities/{communityId}/reminder',
      summary: 'Be reminded the day before each session (or stop)',
      params: CommunityParams,
      body: z.object({ subscribed: z.boolean() }).strict(),
      response: ReminderSubscription,
    }),
  },
  notifications: {
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
  },
  fiveLists: fiveListsApi,
  signups: signupsApi,
  relief: reliefApi,
  uploads: {
    create: endpoint({ method: 'POST', path: '/uploads', summary: 'A presigned POST for one photo', body: CreateUploadInput, response: Upload, status: 201 }),
  },
} as const;

export type Api = typeof api;

/** The document itself is served outside the contract (it describes the contract). */
export const openApiPath = '/openapi.json';
