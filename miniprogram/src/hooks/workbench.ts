import { api } from '../api/routes'
import { call } from '../api/client'
import type { QueryParams } from './domain'
import { useQuery } from './useQuery'

/** The workbench (工作台): what waits for one of my roles, and the volunteer hours its staff read. */
export const workbench = {
  /** the tasks of one of my roles (GET /me/workbench) */
  mine: (query: QueryParams<'workbench', 'mine'>) => call(api.workbench.mine, { query }),
}

/** A volunteer's hours as staff of a unit see them. */
export function useVolunteerHours(unitId: string | undefined, userId: string | undefined) {
  return useQuery(() => call(api.workbench.volunteerHours, { params: { unitId: unitId!, userId: userId! } }), [unitId, userId], !!unitId && !!userId)
}

/** A team's hours over a range of days. */
export function useTeamHours(teamId: string | undefined, range: { from: string; to: string }) {
  return useQuery(() => call(api.workbench.teamHours, { params: { teamId: teamId! }, query: range }), [teamId, range.from, range.to], !!teamId)
}
