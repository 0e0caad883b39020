import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body, QueryParams } from './domain'
import { usePaged, useQuery } from './useQuery'

/**
 * The organisation (communities, grids, units, bindings, grants) as the app reads and changes it: one function per
 * request, typed by the contract, so pages never call the API themselves.
 */
export const org = {
  /** every community one may bind to (the pickers of many pages filter it to their own) */
  communities: () => call(api.org.communities, {}),
  bind: (body: Body<'org', 'bind'>) => call(api.org.bind, { body }),
  decideBinding: (communityId: string, userId: string, body: Body<'org', 'decideBinding'>) => call(api.org.decideBinding, { params: { communityId, userId }, body }),
  rotateInviteCode: (communityId: string) => call(api.org.rotateInviteCode, { params: { communityId } }),
  gridResidents: (gridId: string, query: QueryParams<'org', 'gridResidents'>) => call(api.org.gridResidents, { params: { gridId }, query }),
  communityResidents: (communityId: string, query: QueryParams<'org', 'communityResidents'>) => call(api.org.communityResidents, { params: { communityId }, query }),
  grant: (body: Body<'org', 'grant'>) => call(api.org.grant, { body }),
  revoke: (body: Body<'org', 'revoke'>) => call(api.org.revoke, { body }),
}

/** Every community one may bind to (`enabled` false waits, e.g. until we know who I am). */
export function useCommunities(enabled = true) {
  return useQuery(() => org.communities(), [], enabled)
}

/** The residents waiting for a worker to confirm their binding, a page at a time. */
export function useBindingRequests(communityId: string | undefined) {
  return usePaged((cursor?: string) => call(api.org.bindingRequests, { params: { communityId: communityId! }, query: { cursor } }), [communityId], !!communityId)
}

export function useInviteCode(communityId: string | undefined) {
  return useQuery(() => call(api.org.inviteCode, { params: { communityId: communityId! } }), [communityId], !!communityId)
}

/** The administrator's units (all of them: the page shows them as a tree). */
export function useUnits() {
  return useQuery(() => call(api.org.units, {}), [])
}

/** Who holds which role in a unit, a page at a time. */
export function useUnitGrants(unitId: string | undefined) {
  return usePaged((cursor?: string) => call(api.org.unitGrants, { params: { unitId: unitId! }, query: { cursor } }), [unitId], !!unitId)
}
