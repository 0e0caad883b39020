import type { Me } from '@shared/auth/schemas'
import type { Community } from '@shared/org/schemas'

/** The communities whose projects I run or approve: a community worker's own; an officer's every community. */
export function keptCommunities(me: Me | undefined, communities: Community[]): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = []
  for (const g of me?.grants ?? []) {
    if (g.role === 'communityWorker' && !out.some((c) => c.id === g.unitId)) out.push({ id: g.unitId, name: g.unitName })
    if (g.role === 'subdistrictOfficer') for (const c of communities.filter((x) => x.subdistrictId === g.unitId)) if (!out.some((o) => o.id === c.id)) out.push({ id: c.id, name: c.name })
  }
  return out
}
