import { useState } from 'react'
import type { Me } from '@shared/auth/schemas'
import type { Task, WorkbenchRole } from '@shared/workbench/schemas'
import { load, save } from '../../../api/storage'
import { useQuery } from '../../../hooks/useQuery'
import { workbench } from '../../../hooks/workbench'

// Imported by 首页, 办事 and 志愿 (main package): keep this file and Workbench.tsx small, no subpackage-only imports.

/** The staff roles that open on a workbench, in the order a person with several sees them. */
export const WORKBENCH_ROLES: readonly WorkbenchRole[] = ['subdistrictOfficer', 'jointCommittee', 'communityWorker', 'gridWorker', 'unitContact', 'organizer']

export interface StaffGrant {
  role: WorkbenchRole
  unitId: string
  unitName: string
}

/** My grants that have a workbench, one per role and unit. */
export function staffGrants(me: Me | undefined): StaffGrant[] {
  const out: StaffGrant[] = []
  for (const role of WORKBENCH_ROLES) {
    for (const g of me?.grants ?? []) if (g.role === role) out.push({ role, unitId: g.unitId, unitName: g.unitName })
  }
  return out
}

const LAST = 'linli.workbench.last'
const keyOf = (g: { role: string; unitId: string }) => `${g.role}@${g.unitId}`

/** The role the workbench shows: the last one chosen on this phone while it is still mine, else the first. */
export function useChosenGrant(me: Me | undefined): [StaffGrant | undefined, (g: StaffGrant) => void, StaffGrant[]] {
  const grants = staffGrants(me)
  const [chosen, setChosen] = useState<string | undefined>(() => load<string>(LAST))
  const current = grants.find((g) => keyOf(g) === chosen) ?? grants[0]
  const choose = (g: StaffGrant) => {
    save(LAST, keyOf(g))
    setChosen(keyOf(g))
  }
  return [current, choose, grants]
}

/** The tasks of one of my roles (GET /me/workbench); pull-down refresh reloads them (useQuery). */
export function useWorkbench(grant: { role: WorkbenchRole; unitId: string } | undefined) {
  return useQuery(() => workbench.mine({ role: grant!.role, unitId: grant!.unitId }), [grant?.role, grant?.unitId], !!grant)
}

/** The count of one task, once loaded (the 办事 tab's badges). */
export function countOf(tasks: readonly Task[] | undefined, key: Task['key']): number | undefined {
  return tasks?.find((t) => t.key === key)?.count
}
