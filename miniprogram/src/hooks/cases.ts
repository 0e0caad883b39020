import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body, QueryParams } from './domain'
import { usePaged, useQuery } from './useQuery'

/** Cases (矛盾调解, 12345 工单, …) as the app reads and changes them: one function per request, typed by the contract. */
export const cases = {
  raise: (body: Body<'cases', 'raise'>, idempotencyKey: string) => call(api.cases.raise, { body, idempotencyKey }),
  act: (caseId: string, body: Body<'cases', 'act'>) => call(api.cases.act, { params: { caseId }, body }),
  revealParties: (caseId: string) => call(api.cases.revealParties, { params: { caseId } }),
  importTickets: (body: Body<'cases', 'importTickets'>, idempotencyKey: string) => call(api.cases.importTickets, { body, idempotencyKey }),
  importState: (importId: string) => call(api.cases.importState, { params: { importId } }),
}

/** One case (none until `id` is known). */
export function useCase(id: string | undefined) {
  return useQuery(() => call(api.cases.get, { params: { caseId: id! } }), [id], !!id)
}

type ListQuery = QueryParams<'cases', 'ofCommunity'>

/** A community's cases of one kind, 30 at a time, filtered (a period of months, open or overdue only); `deps` reload it. */
export function useCommunityCases(communityId: string | undefined, kind: ListQuery['kind'], filter: Omit<ListQuery, 'kind' | 'cursor' | 'limit'>, deps: unknown[]) {
  return usePaged((cursor?: string) => call(api.cases.ofCommunity, { params: { communityId: communityId! }, query: { kind, cursor, limit: 30, ...filter } }), [communityId, kind, ...deps], !!communityId)
}

/** The cases I handle, a page at a time. */
export function useMyCases(enabled = true) {
  return usePaged((cursor?: string) => call(api.cases.mine, { query: { cursor } }), [], enabled)
}

/** A sub-district's backlog of one kind, a page at a time. */
export function useCaseBacklog(subdistrictId: string | undefined, kind: QueryParams<'cases', 'backlog'>['kind']) {
  return usePaged((cursor?: string) => call(api.cases.backlog, { params: { subdistrictId: subdistrictId! }, query: { kind, cursor } }), [subdistrictId, kind], !!subdistrictId)
}
