import { z } from 'zod';
import { endpoint, Id, Page } from '../http';
import {
  Agreement,
  CaseStepInput,
  CasesQuery,
  InspectInput,
  InspectResult,
  RegisterShopInput,
  RegisterSiteInput,
  ReportIllegalBuildingInput,
  SafetyCase,
  Shop,
  ShopsOfYear,
  SignAgreementInput,
  Site,
  SiteDetail,
  Year,
} from './schemas';

const CommunityParams = z.object({ communityId: Id });

/** 安全生产 / 门前三包 / 违建: registered in shared/api.ts as `safety`; the safety function imports only this. */
export const safetyApi = {
  registerSite: endpoint({ method: 'POST', path: '/communities/{communityId}/sites', summary: 'Register a site to inspect', params: CommunityParams, body: RegisterSiteInput, response: Site, status: 201, idempotent: true }),
  sites: endpoint({ method: 'GET', path: '/communities/{communityId}/sites', summary: "A community's registered sites, by type and name", params: CommunityParams, response: z.object({ items: z.array(Site) }) }),
  site: endpoint({ method: 'GET', path: '/sites/{siteId}', summary: 'A site, its latest inspections and its open hazards', params: z.object({ siteId: Id }), response: SiteDetail }),
  inspect: endpoint({
    method: 'POST',
    path: '/sites/{siteId}/inspections',
    summary: "Inspect a site: every item of its type's checklist ok or a hazard (each hazard becomes a case with a deadline)",
    params: z.object({ siteId: Id }),
    body: InspectInput,
    response: InspectResult,
    status: 201,
    idempotent: true,
  }),
  cases: endpoint({
    method: 'GET',
    path: '/communities/{communityId}/safety-cases',
    summary: "A community's hazards or illegal-building reports: open ones first, soonest deadline first",
    params: CommunityParams,
    query: CasesQuery,
    response: Page(SafetyCase),
  }),
  case: endpoint({ method: 'GET', path: '/safety-cases/{caseId}', summary: 'A hazard or report with its history', params: z.object({ caseId: Id }), response: SafetyCase }),
  step: endpoint({ method: 'POST', path: '/safety-cases/{caseId}/steps', summary: "Move a case by one of its kind's actions (re-inspect, pass on, outcome)", params: z.object({ caseId: Id }), body: CaseStepInput, response: SafetyCase }),
  reportIllegalBuilding: endpoint({
    method: 'POST',
    path: '/communities/{communityId}/illegal-buildings',
    summary: 'Report an illegal building (place, photos, description)',
    params: CommunityParams,
    body: ReportIllegalBuildingInput,
    response: SafetyCase,
    status: 201,
    idempotent: true,
  }),
  registerShop: endpoint({ method: 'POST', path: '/communities/{communityId}/shops', summary: 'Register a street-front shop', params: CommunityParams, body: RegisterShopInput, response: Shop, status: 201, idempotent: true }),
  shops: endpoint({
    method: 'GET',
    path: '/communities/{communityId}/shops',
    summary: "A community's shops with the year's street-front agreement and the signing rate",
    params: CommunityParams,
    query: z.object({ year: Year.optional() }).strict(),
    response: ShopsOfYear,
  }),
  signAgreement: endpoint({
    method: 'POST',
    path: '/shops/{shopId}/agreements',
    summary: "Record a shop's signed street-front agreement for a year (once a year)",
    params: z.object({ shopId: Id }),
    body: SignAgreementInput,
    response: Agreement,
    status: 201,
    idempotent: true,
  }),
};
