import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body, Params, QueryParams } from './domain'

type ReliefType = Params<'relief', 'typeVersions'>['type']
import { usePaged, useQuery } from './useQuery'

/**
 * Social relief (社会救助: applications, the registry of households in need, must-visits, pairings, disbursements, the
 * figures) as the app reads and changes it: one function per request, typed by the contract, so pages never call the
 * API themselves. The hooks below are the reads a page keeps (loading, error, pull-down refresh).
 */
export const relief = {
  // the types and their rules
  types: () => call(api.relief.types, {}),
  typeVersions: (type: ReliefType) => call(api.relief.typeVersions, { params: { type } }),
  addTypeVersion: (type: ReliefType, body: Body<'relief', 'addTypeVersion'>) => call(api.relief.addTypeVersion, { params: { type }, body }),
  consentText: () => call(api.relief.consentText, {}),
  // an application, from draft to decision
  eligibility: (body: Body<'relief', 'eligibility'>) => call(api.relief.eligibility, { body }),
  upload: (body: Body<'relief', 'upload'>) => call(api.relief.upload, { body }),
  create: (body: Body<'relief', 'create'>, idempotencyKey: string) => call(api.relief.create, { body, idempotencyKey }),
  application: (applicationId: string) => call(api.relief.application, { params: { applicationId } }),
  edit: (applicationId: string, body: Body<'relief', 'edit'>) => call(api.relief.edit, { params: { applicationId }, body }),
  consent: (applicationId: string, body: Body<'relief', 'consent'>) => call(api.relief.consent, { params: { applicationId }, body }),
  confirmHousehold: (applicationId: string, version: number) => call(api.relief.confirmHousehold, { params: { applicationId }, body: { version } }),
  submit: (applicationId: string, version: number) => call(api.relief.submit, { params: { applicationId }, body: { version } }),
  withdraw: (applicationId: string, version: number) => call(api.relief.withdraw, { params: { applicationId }, body: { version } }),
  review: (applicationId: string, body: Body<'relief', 'review'>) => call(api.relief.review, { params: { applicationId }, body }),
  /** the personal data, for a reason that is audited */
  reveal: (applicationId: string, reason: string) => call(api.relief.reveal, { params: { applicationId }, body: { reason } }),
  viewDocument: (applicationId: string, documentId: string, reason: string) => call(api.relief.viewDocument, { params: { applicationId, documentId }, body: { reason } }),
  // disbursements and figures
  batch: (communityId: string, body: Body<'relief', 'batch'>) => call(api.relief.batch, { params: { communityId }, body }),
  markPaid: (communityId: string, body: Body<'relief', 'markPaid'>) => call(api.relief.markPaid, { params: { communityId }, body }),
  importDisbursements: (subdistrictId: string, body: Body<'relief', 'importDisbursements'>) => call(api.relief.importDisbursements, { params: { subdistrictId }, body }),
  importState: (subdistrictId: string, importId: string) => call(api.relief.importState, { params: { subdistrictId, importId } }),
  figures: (query: QueryParams<'relief', 'figures'>) => call(api.relief.figures, { query }),
  figuresExport: (query: QueryParams<'relief', 'figuresExport'>) => call(api.relief.figuresExport, { query }),
  // the registry, must-visits and pairings
  registry: (communityId: string, query: QueryParams<'relief', 'registry'>) => call(api.relief.registry, { params: { communityId }, query }),
  addToRegistry: (communityId: string, body: Body<'relief', 'addToRegistry'>, idempotencyKey: string) => call(api.relief.addToRegistry, { params: { communityId }, body, idempotencyKey }),
  registryHousehold: (communityId: string, householdId: string) => call(api.relief.registryHousehold, { params: { communityId, householdId } }),
  tagRegistry: (communityId: string, householdId: string, body: Body<'relief', 'tagRegistry'>) => call(api.relief.tagRegistry, { params: { communityId, householdId }, body }),
  recordEvent: (communityId: string, body: Body<'relief', 'recordEvent'>, idempotencyKey: string) => call(api.relief.recordEvent, { params: { communityId }, body, idempotencyKey }),
  mustVisits: (communityId: string, query: QueryParams<'relief', 'mustVisits'>) => call(api.relief.mustVisits, { params: { communityId }, query }),
  logVisit: (visitId: string, body: Body<'relief', 'logVisit'>, idempotencyKey: string) => call(api.relief.logVisit, { params: { visitId }, body, idempotencyKey }),
  pair: (communityId: string, body: Body<'relief', 'pair'>) => call(api.relief.pair, { params: { communityId }, body }),
  pairings: (communityId: string, householdId: string) => call(api.relief.pairings, { params: { communityId, householdId } }),
  pairingVisit: (communityId: string, householdId: string, body: Body<'relief', 'pairingVisit'>, idempotencyKey: string) => call(api.relief.pairingVisit, { params: { communityId, householdId }, body, idempotencyKey }),
}

export function useReliefTypes() {
  return useQuery(() => relief.types(), [])
}

/** The consent text an applicant agrees to (`enabled` false waits until it is needed). */
export function useConsentText(enabled = true) {
  return useQuery(() => relief.consentText(), [], enabled)
}

/** One application (none until `id` is known). */
export function useReliefApplication(id: string | undefined) {
  return useQuery(() => relief.application(id!), [id], !!id)
}

/** My own applications (the services tab). */
export function useMyReliefApplications(enabled = true, deps: unknown[] = []) {
  return useQuery(() => call(api.relief.mine, {}), deps, enabled)
}

/** The households I am paired with as a volunteer or party member. */
export function useMyPairings(deps: unknown[], enabled = true) {
  return useQuery(() => call(api.relief.myPairings, {}), deps, enabled)
}

/** Who read an application's personal data, and why, a page at a time (its reviewers only). */
export function useReliefAudit(applicationId: string, deps: unknown[], enabled: boolean) {
  return usePaged((cursor?: string) => call(api.relief.audit, { params: { applicationId }, query: { cursor } }), deps, enabled)
}

/** What waits for a unit's reviewers, a page at a time. */
export function useReliefQueue(unitId: string | undefined) {
  return usePaged((cursor?: string) => call(api.relief.queue, { params: { unitId: unitId! }, query: { cursor } }), [unitId], !!unitId)
}

/** The applications a grid worker made for the grid's residents, a page at a time. */
export function useGridApplications(gridId: string | undefined) {
  return usePaged((cursor?: string) => call(api.relief.gridApplications, { params: { gridId: gridId! }, query: { cursor } }), [gridId], !!gridId)
}

/** The community's public notice (公示) of approved relief, a page at a time. */
export function useReliefNotice(communityId: string | undefined) {
  return usePaged((cursor?: string) => call(api.relief.notice, { params: { communityId: communityId! }, query: { cursor } }), [communityId], !!communityId)
}

/** A community's disbursements of one period, a page at a time. */
export function useDisbursements(communityId: string | undefined, period: string, enabled: boolean) {
  return usePaged((cursor?: string) => call(api.relief.disbursements, { params: { communityId: communityId! }, query: { period, cursor } }), [communityId, period], !!communityId && enabled)
}

/** The must-visits overdue in a community, by worker. */
export function useOverdueVisits(communityId: string | undefined, enabled: boolean) {
  return useQuery(() => call(api.relief.overdueVisits, { params: { communityId: communityId! } }), [communityId], !!communityId && enabled)
}
