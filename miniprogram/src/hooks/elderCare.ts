import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body, QueryParams } from './domain'
import { useQuery } from './useQuery'

/**
 * Elder care (居家养老: bookings of services and meals, providers, family links, emergencies) as the app reads and
 * changes it: one function per request, typed by the contract, so pages never call the API themselves.
 */
export const elderCare = {
  putProfile: (body: Body<'elderCare', 'putProfile'>) => call(api.elderCare.putProfile, { body }),
  book: (body: Body<'elderCare', 'book'>, idempotencyKey: string) => call(api.elderCare.book, { body, idempotencyKey }),
  orderMeals: (body: Body<'elderCare', 'orderMeals'>, idempotencyKey: string) => call(api.elderCare.orderMeals, { body, idempotencyKey }),
  cancel: (bookingId: string) => call(api.elderCare.cancel, { params: { bookingId } }),
  accept: (bookingId: string) => call(api.elderCare.accept, { params: { bookingId } }),
  serve: (bookingId: string, body: Body<'elderCare', 'serve'>) => call(api.elderCare.serve, { params: { bookingId }, body }),
  rate: (bookingId: string, stars: number) => call(api.elderCare.rate, { params: { bookingId }, body: { stars } }),
  familyCode: () => call(api.elderCare.familyCode, {}),
  requestFamilyLink: (body: Body<'elderCare', 'requestFamilyLink'>) => call(api.elderCare.requestFamilyLink, { body }),
  confirmFamilyLink: (familyId: string) => call(api.elderCare.confirmFamilyLink, { params: { familyId } }),
  emergency: (body: Body<'elderCare', 'emergency'>, idempotencyKey: string) => call(api.elderCare.emergency, { body, idempotencyKey }),
  acknowledge: (emergencyId: string) => call(api.elderCare.acknowledge, { params: { emergencyId } }),
  resolve: (emergencyId: string, note: string) => call(api.elderCare.resolve, { params: { emergencyId }, body: { note } }),
}

/** My elder-care home: my profile, my family links, what I may book. */
export function useElderCareHome() {
  return useQuery(() => call(api.elderCare.home, {}), [])
}

/** A community's open slots (of one kind, if `query` says), none until the community is known. */
export function useElderCareSlots(communityId: string | undefined, query?: QueryParams<'elderCare', 'slots'>) {
  return useQuery(() => call(api.elderCare.slots, { params: { communityId: communityId! }, ...(query ? { query } : {}) }), [communityId], !!communityId)
}

/** My bookings, or those of the elder I book for. */
export function useMyElderBookings(elderId: string | undefined) {
  return useQuery(() => call(api.elderCare.myBookings, { query: elderId ? { elderId } : {} }), [elderId])
}

/** A provider's bookings of one day. */
export function useProviderBookings(providerId: string | undefined, day: string) {
  return useQuery(() => call(api.elderCare.providerBookings, { params: { providerId: providerId! }, query: { day } }), [providerId, day], !!providerId)
}

/** One emergency call (none until `id` is known). */
export function useEmergency(id: string | undefined) {
  return useQuery(() => call(api.elderCare.getEmergency, { params: { emergencyId: id! } }), [id], !!id)
}
