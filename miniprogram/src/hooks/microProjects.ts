import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body } from './domain'
import { useQuery } from './useQuery'

/** Micro-projects (微实事): proposed, decided, carried out and paid for out of a community's account. */
export const microProjects = {
  propose: (body: Body<'microProjects', 'propose'>, idempotencyKey: string) => call(api.microProjects.propose, { body, idempotencyKey }),
  decide: (communityId: string, projectId: string, body: Body<'microProjects', 'decide'>) => call(api.microProjects.decide, { params: { communityId, projectId }, body }),
  setStatus: (communityId: string, projectId: string, body: Body<'microProjects', 'setStatus'>) => call(api.microProjects.setStatus, { params: { communityId, projectId }, body }),
  spend: (communityId: string, projectId: string, body: Body<'microProjects', 'spend'>, idempotencyKey: string) =>
    call(api.microProjects.spend, { params: { communityId, projectId }, body, idempotencyKey }),
}

/** A community's account and its projects (none until the community is known). */
export function useMicroProjectAccounts(communityId: string | undefined) {
  return useQuery(() => call(api.microProjects.accounts, { params: { communityId: communityId! } }), [communityId], !!communityId)
}
