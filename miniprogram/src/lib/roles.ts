import type { Me } from '@shared/auth/schemas'
import type { Role } from '@shared/org/schemas'

export function hasRole(me: Me | undefined, ...roles: Role[]): boolean {
  return !!me?.grants.some((g) => roles.includes(g.role))
}

/** The community the home page and the board are about: mine as a resident, else the one I work in. */
export function homeCommunityId(me: Me | undefined): string | undefined {
  if (!me) return undefined
  if (me.communityId) return me.communityId
  const worker = me.grants.find((g) => g.role === 'communityWorker' || g.role === 'resident')
  if (worker) return worker.unitId
  const grid = me.grants.find((g) => g.role === 'gridWorker')
  return grid?.unitPath[1]
}

/** Run sessions, edit the rule, confirm bindings: community workers and sub-district officers. */
export function canRunSessions(me: Me | undefined): boolean {
  return hasRole(me, 'communityWorker', 'subdistrictOfficer')
}

export function roleKeys(me: Me | undefined): Role[] {
  return Array.from(new Set((me?.grants ?? []).map((g) => g.role)))
}
