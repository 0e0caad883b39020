import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body, QueryParams } from './domain'
import { usePaged, useQuery } from './useQuery'

/**
 * Say-it day (说事日) as the app reads and changes it: one function per request, typed by the contract, so pages never
 * call the API themselves. The hooks below are the reads a page keeps (loading, error, pull-down refresh).
 */
export const sayItDay = {
  scheduleRule: (communityId: string) => call(api.sayItDay.scheduleRule, { params: { communityId } }),
  putScheduleRule: (communityId: string, body: Body<'sayItDay', 'putScheduleRule'>) => call(api.sayItDay.putScheduleRule, { params: { communityId }, body }),
  sessions: (communityId: string, query: QueryParams<'sayItDay', 'sessions'>) => call(api.sayItDay.sessions, { params: { communityId }, query }),
  nextSession: (communityId: string) => call(api.sayItDay.nextSession, { params: { communityId } }),
  matter: (matterId: string) => call(api.sayItDay.matter, { params: { matterId } }),
  session: (sessionId: string) => call(api.sayItDay.session, { params: { sessionId } }),
  submitMatter: (sessionId: string, body: Body<'sayItDay', 'submitMatter'>, idempotencyKey: string) => call(api.sayItDay.submitMatter, { params: { sessionId }, body, idempotencyKey }),
  communityMatters: (communityId: string, cursor?: string) => call(api.sayItDay.communityMatters, { params: { communityId }, query: { cursor, limit: 20 } }),
  myMatters: (cursor?: string) => call(api.sayItDay.myMatters, { query: { cursor, limit: 20 } }),
  reminder: (communityId: string) => call(api.sayItDay.reminder, { params: { communityId } }),
  putReminder: (communityId: string, subscribed: boolean) => call(api.sayItDay.putReminder, { params: { communityId }, body: { subscribed } }),
}

/** A matter with its session and what I may do with it (none until `id` is known). */
export function useMatter(id: string | undefined) {
  return useQuery(() => sayItDay.matter(id!), [id], !!id)
}

/** What a neighbour does to a matter: second it, edit or withdraw their own. Each answers the matter as it is now. */
export function useMatterActions(matterId: string) {
  const params = { matterId }
  return {
    second: () => call(api.sayItDay.secondMatter, { params }),
    edit: (body: Body<'sayItDay', 'editMatter'>) => call(api.sayItDay.editMatter, { params, body }),
    withdraw: () => call(api.sayItDay.withdrawMatter, { params }),
    /** the worker records what became of it at the meeting */
    recordOutcome: (body: Body<'sayItDay', 'recordOutcome'>) => call(api.sayItDay.recordOutcome, { params, body }),
  }
}

/** A session with its matters (none until `id` is known). */
export function useSession(id: string | undefined) {
  return useQuery(() => sayItDay.session(id!), [id], !!id)
}

/** What the worker does to a session: open it, keep its minutes, close it. Each answers the session as it is now. */
export function useSessionActions(sessionId: string) {
  const params = { sessionId }
  return {
    start: () => call(api.sayItDay.startSession, { params }),
    putMinutes: (body: Body<'sayItDay', 'putMinutes'>) => call(api.sayItDay.putMinutes, { params, body }),
    close: () => call(api.sayItDay.closeSession, { params }),
  }
}

/** The community's next session (none until the community is known). */
export function useNextSession(communityId: string | undefined, enabled = true) {
  return useQuery(() => sayItDay.nextSession(communityId!), [communityId], !!communityId && enabled)
}

/** The community's matters board (`'board'`) or my own (`'mine'`), 20 at a time. */
export function useMatters(tab: 'board' | 'mine', communityId: string | undefined, enabled = true) {
  return usePaged((cursor?: string) => (tab === 'board' ? sayItDay.communityMatters(communityId!, cursor) : sayItDay.myMatters(cursor)), [tab, communityId], enabled && (tab === 'mine' || !!communityId))
}
