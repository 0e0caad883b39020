import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body } from './domain'
import { allPages, usePaged, useQuery } from './useQuery'

/**
 * Volunteering and sign-ups (志愿服务: volunteers, teams, activities and their shifts, hours and certificates, the time
 * bank, and community events) as the app reads and changes them: one function per request, typed by the contract, so
 * pages never call the API themselves. The hooks below are the reads a page keeps (loading, error, pull-down refresh).
 */
export const signups = {
  // volunteers and teams
  myVolunteer: () => call(api.signups.myVolunteer, {}),
  registerVolunteer: (body: Body<'signups', 'registerVolunteer'>) => call(api.signups.registerVolunteer, { body }),
  /** every team of a unit, all pages (a unit has a handful) */
  unitTeams: (unitId: string) => allPages((cursor) => call(api.signups.unitTeams, { params: { unitId }, query: { cursor } })),
  team: (teamId: string) => call(api.signups.team, { params: { teamId } }),
  createTeam: (body: Body<'signups', 'createTeam'>, idempotencyKey: string) => call(api.signups.createTeam, { body, idempotencyKey }),
  addTeamMember: (teamId: string, body: Body<'signups', 'addTeamMember'>) => call(api.signups.addTeamMember, { params: { teamId }, body }),
  // activities and shifts
  activity: (activityId: string) => call(api.signups.activity, { params: { activityId } }),
  createActivity: (body: Body<'signups', 'createActivity'>, idempotencyKey: string) => call(api.signups.createActivity, { body, idempotencyKey }),
  editActivity: (activityId: string, body: Body<'signups', 'editActivity'>) => call(api.signups.editActivity, { params: { activityId }, body }),
  publishActivity: (activityId: string) => call(api.signups.publishActivity, { params: { activityId } }),
  cancelActivity: (activityId: string, reason: string) => call(api.signups.cancelActivity, { params: { activityId }, body: { reason } }),
  signUp: (shiftId: string, idempotencyKey: string) => call(api.signups.signUp, { params: { shiftId }, idempotencyKey }),
  cancelSignup: (shiftId: string) => call(api.signups.cancelSignup, { params: { shiftId } }),
  confirmHours: (shiftId: string, userId: string, body: Body<'signups', 'confirmHours'>) => call(api.signups.confirmHours, { params: { shiftId, userId }, body }),
  // hours and certificates
  myHours: () => call(api.signups.myHours, {}),
  issueCertificate: (body: Body<'signups', 'issueCertificate'>) => call(api.signups.issueCertificate, { body }),
  certificateFile: (serial: string) => call(api.signups.certificateFile, { params: { serial } }),
  verifyCertificate: (serial: string) => call(api.signups.verifyCertificate, { params: { serial } }),
  // the time bank
  myTimeBank: () => call(api.signups.myTimeBank, {}),
  /** every open help request of a community, all pages (a week's are tens) */
  communityHelpRequests: (communityId: string) => allPages((cursor) => call(api.signups.communityHelpRequests, { params: { communityId }, query: { cursor } })),
  createHelpRequest: (body: Body<'signups', 'createHelpRequest'>, idempotencyKey: string) => call(api.signups.createHelpRequest, { body, idempotencyKey }),
  takeHelpRequest: (requestId: string) => call(api.signups.takeHelpRequest, { params: { requestId } }),
  completeHelpRequest: (requestId: string, body: Body<'signups', 'completeHelpRequest'>) => call(api.signups.completeHelpRequest, { params: { requestId }, body }),
  // events
  event: (eventId: string) => call(api.signups.event, { params: { eventId } }),
  createEvent: (body: Body<'signups', 'createEvent'>, idempotencyKey: string) => call(api.signups.createEvent, { body, idempotencyKey }),
  editEvent: (eventId: string, body: Body<'signups', 'editEvent'>) => call(api.signups.editEvent, { params: { eventId }, body }),
  register: (eventId: string, body: Body<'signups', 'register'>, idempotencyKey: string) => call(api.signups.register, { params: { eventId }, body, idempotencyKey }),
  cancelRegistration: (eventId: string) => call(api.signups.cancelRegistration, { params: { eventId } }),
  cancelEvent: (eventId: string, reason: string) => call(api.signups.cancelEvent, { params: { eventId }, body: { reason } }),
  checkInTicket: (eventId: string, ticket: string) => call(api.signups.checkInTicket, { params: { eventId }, body: { ticket } }),
}

/** An activity with its shifts and what I may do (none until `id` is known). */
export function useActivity(id: string | undefined) {
  return useQuery(() => signups.activity(id!), [id], !!id)
}

/** An event with my registration and what I may do (none until `id` is known). */
export function useEvent(id: string | undefined) {
  return useQuery(() => signups.event(id!), [id], !!id)
}

/** A community's activities, a page at a time. */
export function useCommunityActivities(communityId: string | undefined) {
  return usePaged((cursor?: string) => call(api.signups.communityActivities, { params: { communityId: communityId! }, query: { cursor } }), [communityId], !!communityId)
}

/** A community's events, a page at a time. */
export function useCommunityEvents(communityId: string | undefined) {
  return usePaged((cursor?: string) => call(api.signups.communityEvents, { params: { communityId: communityId! }, query: { cursor } }), [communityId], !!communityId)
}

/** The home tab's next few events of my community. */
export function useUpcomingEvents(communityId: string) {
  return useQuery(() => call(api.signups.communityEvents, { params: { communityId }, query: { limit: 5 } }), [communityId])
}

/** My sign-ups, a page at a time (`deps`: who I am). */
export function useMySignups(deps: unknown[], enabled = true) {
  return usePaged((cursor?: string) => call(api.signups.mySignups, { query: { cursor } }), deps, enabled)
}

/** A shift's roster, for its organiser to confirm hours. */
export function useShiftRoster(shiftId: string | undefined) {
  return useQuery(() => call(api.signups.shiftRoster, { params: { shiftId: shiftId! } }), [shiftId], !!shiftId)
}

/** A shift's check-in QR code, for its organiser to show. */
export function useShiftQr(shiftId: string | undefined) {
  return useQuery(() => call(api.signups.shiftQr, { params: { shiftId: shiftId! } }), [shiftId], !!shiftId)
}

/** Who came to an event (the door's list). */
export function useAttendance(eventId: string | undefined) {
  return useQuery(() => call(api.signups.attendance, { params: { eventId: eventId! } }), [eventId], !!eventId)
}
