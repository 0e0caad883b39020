import { api } from '../api/routes'
import { call } from '../api/client'
import type { QueryParams } from './domain'
import { useQuery } from './useQuery'

/** The work summary (工作总结): a unit's figures over a period, and the same as a file. */
export const workSummary = {
  export: (query: QueryParams<'workSummary', 'export'>) => call(api.workSummary.export, { query }),
}

/** A unit's summary over a period of days (none until the unit is known). */
export function useWorkSummary(unitId: string | undefined, period: { from: string; to: string }) {
  return useQuery(() => call(api.workSummary.get, { query: { unitId: unitId!, from: period.from, to: period.to } }), [unitId, period.from, period.to], !!unitId)
}
