import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body, QueryParams } from './domain'
import { usePaged, useQuery } from './useQuery'

/**
 * Safety (平安建设: sites and their inspections, hazard cases, illegal buildings, shops and their safety agreements) as
 * the app reads and changes it: one function per request, typed by the contract, so pages never call the API themselves.
 */
export const safety = {
  registerSite: (communityId: string, body: Body<'safety', 'registerSite'>, idempotencyKey: string) => call(api.safety.registerSite, { params: { communityId }, body, idempotencyKey }),
  inspect: (siteId: string, body: Body<'safety', 'inspect'>, idempotencyKey: string) => call(api.safety.inspect, { params: { siteId }, body, idempotencyKey }),
  step: (caseId: string, body: Body<'safety', 'step'>) => call(api.safety.step, { params: { caseId }, body }),
  reportIllegalBuilding: (communityId: string, body: Body<'safety', 'reportIllegalBuilding'>, idempotencyKey: string) =>
    call(api.safety.reportIllegalBuilding, { params: { communityId }, body, idempotencyKey }),
  registerShop: (communityId: string, body: Body<'safety', 'registerShop'>, idempotencyKey: string) => call(api.safety.registerShop, { params: { communityId }, body, idempotencyKey }),
  signAgreement: (shopId: string, body: Body<'safety', 'signAgreement'>, idempotencyKey: string) => call(api.safety.signAgreement, { params: { shopId }, body, idempotencyKey }),
}

/** A community's sites (none until the community is known). */
export function useSafetySites(communityId: string | undefined) {
  return useQuery(() => call(api.safety.sites, { params: { communityId: communityId! } }), [communityId], !!communityId)
}

/** One site with its inspections. */
export function useSafetySite(siteId: string) {
  return useQuery(() => call(api.safety.site, { params: { siteId } }), [siteId])
}

/** A community's hazard cases of one kind, open or closed, a page at a time. */
export function useSafetyCases(communityId: string | undefined, kind: QueryParams<'safety', 'cases'>['kind'], open: boolean) {
  return usePaged((cursor?: string) => call(api.safety.cases, { params: { communityId: communityId! }, query: { kind, open: open ? 'true' : 'false', cursor } }), [communityId, kind, open], !!communityId)
}

/** One hazard case with its steps. */
export function useSafetyCase(caseId: string) {
  return useQuery(() => call(api.safety.case, { params: { caseId } }), [caseId])
}

/** A community's shops and their agreements of one year. */
export function useSafetyShops(communityId: string | undefined, year: QueryParams<'safety', 'shops'>['year']) {
  return useQuery(() => call(api.safety.shops, { params: { communityId: communityId! }, query: { year } }), [communityId, year], !!communityId)
}
