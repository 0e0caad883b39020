import { safetyApi } from '../../shared/safety/api';
import { route } from '../platform/http';
import { getCase, listCases, reportIllegalBuilding, stepCase } from './commands/cases';
import { registerShop, shopsOfYear, signAgreement } from './commands/shops';
import { getSiteDetail, inspectSite, listSites, registerSite } from './commands/sites';

const s = safetyApi;
export const routes = [
  route(s.registerSite, (ctx, { params, body }) => registerSite(ctx, params.communityId, body)),
  route(s.sites, (ctx, { params }) => listSites(ctx, params.communityId)),
  route(s.site, (ctx, { params }) => getSiteDetail(ctx, params.siteId)),
  route(s.inspect, (ctx, { params, body }) => inspectSite(ctx, params.siteId, body)),
  route(s.cases, (ctx, { params, query }) => listCases(ctx, params.communityId, query)),
  route(s.case, (ctx, { params }) => getCase(ctx, params.caseId)),
  route(s.step, (ctx, { params, body }) => stepCase(ctx, params.caseId, body)),
  route(s.reportIllegalBuilding, (ctx, { params, body }) => reportIllegalBuilding(ctx, params.communityId, body)),
  route(s.registerShop, (ctx, { params, body }) => registerShop(ctx, params.communityId, body)),
  route(s.shops, (ctx, { params, query }) => shopsOfYear(ctx, params.communityId, query.year)),
  route(s.signAgreement, (ctx, { params, body }) => signAgreement(ctx, params.shopId, body)),
];
