import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body, QueryParams } from './domain'
import { usePaged, useQuery } from './useQuery'

/**
 * The five lists (五单工作法) as the app reads and changes them: one function per request, typed by the contract, so
 * pages never call the API themselves. The hooks below are the reads a page keeps (loading, error, pull-down refresh).
 */
export const fiveLists = {
  matter: (matterId: string) => call(api.fiveLists.matter, { params: { matterId } }),
  board: (communityId: string, cursor?: string) => call(api.fiveLists.board, { params: { communityId }, query: { cursor, limit: 20 } }),
  unitMatters: (unitId: string, query: QueryParams<'fiveLists', 'unitMatters'>) => call(api.fiveLists.unitMatters, { params: { unitId }, query }),
  subdistrictMatters: (subdistrictId: string, query: QueryParams<'fiveLists', 'subdistrictMatters'>) => call(api.fiveLists.subdistrictMatters, { params: { subdistrictId }, query }),
  unitScore: (unitId: string, year: number) => call(api.fiveLists.unitScore, { params: { unitId }, query: { year } }),
  ranking: (subdistrictId: string, year?: number) => call(api.fiveLists.ranking, { params: { subdistrictId }, query: year === undefined ? {} : { year } }),
  collect: (body: Body<'fiveLists', 'collect'>, idempotencyKey: string) => call(api.fiveLists.collect, { body, idempotencyKey }),
  rate: (matterId: string, body: Body<'fiveLists', 'rate'>, idempotencyKey: string) => call(api.fiveLists.rate, { params: { matterId }, body, idempotencyKey }),
  councils: (communityId: string, cursor?: string) => call(api.fiveLists.councils, { params: { communityId }, query: { cursor } }),
  createCouncil: (communityId: string, body: Body<'fiveLists', 'createCouncil'>, idempotencyKey: string) => call(api.fiveLists.createCouncil, { params: { communityId }, body, idempotencyKey }),
  council: (councilId: string) => call(api.fiveLists.council, { params: { councilId } }),
  publishCouncil: (councilId: string, version: number) => call(api.fiveLists.publishCouncil, { params: { councilId }, body: { version } }),
  implemented: (councilId: string, resolutionId: string, body: Body<'fiveLists', 'implemented'>) => call(api.fiveLists.implemented, { params: { councilId, resolutionId }, body }),
  consultations: (unitId: string, cursor?: string) => call(api.fiveLists.consultations, { params: { unitId }, query: { cursor } }),
  createConsultation: (body: Body<'fiveLists', 'createConsultation'>, idempotencyKey: string) => call(api.fiveLists.createConsultation, { body, idempotencyKey }),
  consultation: (consultationId: string) => call(api.fiveLists.consultation, { params: { consultationId } }),
  vote: (consultationId: string, optionId: string) => call(api.fiveLists.vote, { params: { consultationId }, body: { optionId } }),
  comments: (consultationId: string, cursor?: string) => call(api.fiveLists.comments, { params: { consultationId }, query: { cursor, limit: 20 } }),
  comment: (consultationId: string, text: string, idempotencyKey: string) => call(api.fiveLists.comment, { params: { consultationId }, body: { text }, idempotencyKey }),
}

/** A five-list matter with its timeline, ratings and what I may do (none until `id` is known). */
export function useFiveListMatter(id: string | undefined) {
  return useQuery(() => fiveLists.matter(id!), [id], !!id)
}

/**
 * What can be done to one matter (the version it was read at guards each change): each answers the matter as it is
 * now. The page runs them through its useAction and reads the detail again after.
 */
export function useFiveListMatterActions(matterId: string) {
  const params = { matterId }
  return {
    claim: (version: number) => call(api.fiveLists.claim, { params, body: { version } }),
    dispatch: (body: Body<'fiveLists', 'dispatch'>) => call(api.fiveLists.dispatch, { params, body }),
    review: (body: Body<'fiveLists', 'review'>) => call(api.fiveLists.review, { params, body }),
    resolve: (body: Body<'fiveLists', 'resolve'>) => call(api.fiveLists.resolve, { params, body }),
    requestExtension: (body: Body<'fiveLists', 'requestExtension'>) => call(api.fiveLists.requestExtension, { params, body }),
    decideExtension: (body: Body<'fiveLists', 'decideExtension'>) => call(api.fiveLists.decideExtension, { params, body }),
    close: (body: Body<'fiveLists', 'close'>) => call(api.fiveLists.close, { params, body }),
    watch: () => call(api.fiveLists.watch, { params }),
    unwatch: () => call(api.fiveLists.unwatch, { params }),
  }
}

/** The community's public board (居务公开), 20 at a time. */
export function useFiveListBoard(communityId: string | undefined) {
  return usePaged((cursor?: string) => fiveLists.board(communityId!, cursor), [communityId], !!communityId)
}

/** A community's council meetings, a page at a time, with the implementation rate over all of them. */
export function useCouncils(communityId: string | undefined) {
  return usePaged((cursor?: string) => fiveLists.councils(communityId!, cursor), [communityId], !!communityId)
}

export function useCouncil(id: string | undefined) {
  return useQuery(() => fiveLists.council(id!), [id], !!id)
}

export function useConsultation(id: string | undefined) {
  return useQuery(() => fiveLists.consultation(id!), [id], !!id)
}

/** A consultation's comments, newest first, 20 at a time. */
export function useConsultationComments(consultationId: string) {
  return usePaged((cursor?: string) => fiveLists.comments(consultationId, cursor), [consultationId])
}
