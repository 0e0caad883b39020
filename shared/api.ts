import { z } from 'zod';
import { Cursor, endpoint, Id, Ok, Page } from './http';
import { authApi } from './auth/api';
import { platformApi } from './platform/api';
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
import { sayItDayApi } from './sayItDay/api';
import { notificationsApi } from './notifications/api';
import { uploadsApi } from './uploads/api';
import { fiveListsApi } from './fiveLists/api';
import { signupsApi } from './signups/api';
import { reliefApi } from './relief/api';
import { announcementsApi } from './announcements/api';
import { moderationApi } from './moderation/api';
import { safetyApi } from './safety/api';
import { casesApi } from './cases/api';
import { elderCareApi } from './elderCare/api';
import { employmentApi } from './employment/api';
import { microProjectsApi } from './microProjects/api';
import { workSummaryApi } from './workSummary/api';
import { workbenchApi } from './workbench/api';
import { privacyApi } from './privacy/api';

const CommunityParams = z.object({ communityId: Id });
const PageQuery = z.object({ cursor: Cursor, limit: z.coerce.number().int().min(1).max(100).optional() }).strict();

/**
 * The whole HTTP API, by capability. The Lambda routes are bound to these entries, the mini-program's client is
 * typed from them and the OpenAPI document is generated from them: one contract.
 */
export const api = {
  platform: platformApi,
  auth: authApi,
  org: {
    communities: endpoint({ method: 'GET', path: '/communities', summary: 'Communities one can bind to', response: z.object({ items: z.array(Community) }) }),
    bind: endpoint({ method: 'POST', path: '/me/binding', summary: 'Bind to a community by invite code, or ask a worker to confirm', body: BindInput, response: BindResult, limit: 'binding' }),
    bindingRequests: endpoint({
      method: 'GET',
      path: '/communities/{communityId}/binding-requests',
      summary: 'Residents waiting for confirmation, a page at a time',
      params: CommunityParams,
      query: PageQuery,
      response: Page(BindingRequest),
    }),
    decideBinding: endpoint({
      method: 'POST',
      path: '/communities/{communityId}/binding-requests/{userId}',
      summary: 'Confirm or reject a binding request',
      params: z.object({ communityId: Id, userId: Id }),
      body: DecideBindingInput,
      response: Ok,
    }),
    inviteCode: endpoint({ method: 'GET', path: '/communities/{communityId}/invite-code', summary: "The community's invite code", params: CommunityParams, response: InviteCode }),
    rotateInviteCode: endpoint({
      method: 'POST',
      path: '/communities/{communityId}/invite-code/rotate',
      summary: 'A new invite code for the community; the old one stops at once',
      params: CommunityParams,
      response: InviteCode,
      limit: 'inviteCodeRotation',
    }),
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
    createUnit: endpoint({ method: 'POST', path: '/admin/units', summary: 'Add a unit', body: CreateUnitInput, response: Unit, status: 201, idempotent: true, limit: 'administration' }),
    unitGrants: endpoint({
      method: 'GET',
      path: '/admin/units/{unitId}/grants',
      summary: 'Who holds roles on a unit, by role, a page at a time',
      params: z.object({ unitId: Id }),
      query: PageQuery,
      response: Page(UnitGrant),
    }),
    grant: endpoint({ method: 'POST', path: '/admin/grants', summary: 'Grant a role on a unit', body: GrantInput, response: Ok, limit: 'administration' }),
    revoke: endpoint({ method: 'POST', path: '/admin/grants/revoke', summary: 'Take a role back', body: GrantInput, response: Ok, limit: 'administration' }),
  },
  sayItDay: sayItDayApi,
  notifications: notificationsApi,
  fiveLists: fiveListsApi,
  signups: signupsApi,
  relief: reliefApi,
  uploads: uploadsApi,
  announcements: announcementsApi,
  safety: safetyApi,
  cases: casesApi,
  elderCare: elderCareApi,
  employment: employmentApi,
  microProjects: microProjectsApi,
  workbench: workbenchApi,
  workSummary: workSummaryApi,
  privacy: privacyApi,
  moderation: moderationApi,
} as const;

export type Api = typeof api;

/** The document itself is served outside the contract (it describes the contract). */
export const openApiPath = '/openapi.json';
