import { api } from '../../shared/api';
import { route } from '../platform/http';
import { bind, decideBinding, listBindingRequests } from './commands/bind';
import { listCommunityResidents, listGridResidents } from './commands/residents';
import { createUnit, grantRole, inviteCode, listCommunities, listUnitGrants, listUnits, revokeRole, rotateInviteCode } from './commands/units';

export const routes = [
  route(api.org.communities, (ctx) => listCommunities(ctx)),
  route(api.org.bind, (ctx, { body }) => bind(ctx, body)),
  route(api.org.bindingRequests, (ctx, { params, query }) => listBindingRequests(ctx, params.communityId, query)),
  route(api.org.decideBinding, (ctx, { params, body }) => decideBinding(ctx, params.communityId, params.userId, body)),
  route(api.org.inviteCode, (ctx, { params }) => inviteCode(ctx, params.communityId)),
  route(api.org.rotateInviteCode, (ctx, { params }) => rotateInviteCode(ctx, params.communityId)),
  route(api.org.gridResidents, (ctx, { params, query }) => listGridResidents(ctx, params.gridId, query)),
  route(api.org.communityResidents, (ctx, { params, query }) => listCommunityResidents(ctx, params.communityId, query)),
  route(api.org.units, (ctx) => listUnits(ctx)),
  route(api.org.createUnit, (ctx, { body }) => createUnit(ctx, body)),
  route(api.org.unitGrants, (ctx, { params, query }) => listUnitGrants(ctx, params.unitId, query)),
  route(api.org.grant, (ctx, { body }) => grantRole(ctx, body)),
  route(api.org.revoke, (ctx, { body }) => revokeRole(ctx, body)),
];
