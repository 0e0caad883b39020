import './announcements.css'
import './messages' // this subpackage's texts, registered before any of its pages renders
import type { Me } from '@shared/auth/schemas'
import type { Community } from '@shared/org/schemas'

export interface PostPlace {
  unitId: string
  name: string
  kind: 'subdistrict' | 'community' | 'grid'
}

/** The units I may post to: an officer's sub-district and everything under it; a worker's community and its grids. */
export function postPlaces(me: Me | undefined, communities: Community[]): PostPlace[] {
  const out: PostPlace[] = []
  const add = (p: PostPlace) => {
    if (!out.some((x) => x.unitId === p.unitId)) out.push(p)
  }
  for (const g of me?.grants ?? []) {
    if (g.role === 'subdistrictOfficer') {
      add({ unitId: g.unitId, name: g.unitName, kind: 'subdistrict' })
      for (const c of communities.filter((x) => x.subdistrictId === g.unitId)) {
        add({ unitId: c.id, name: c.name, kind: 'community' })
        for (const grid of c.grids) add({ unitId: grid.id, name: grid.name, kind: 'grid' })
      }
    } else if (g.role === 'communityWorker') {
      add({ unitId: g.unitId, name: g.unitName, kind: 'community' })
      for (const grid of communities.find((c) => c.id === g.unitId)?.grids ?? []) add({ unitId: grid.id, name: grid.name, kind: 'grid' })
    }
  }
  return out
}

/** The unit whose announcements I manage (a worker's community, else an officer's sub-district). */
export function managedUnit(me: Me | undefined): { unitId: string; name: string } | undefined {
  const g = me?.grants.find((x) => x.role === 'communityWorker') ?? me?.grants.find((x) => x.role === 'subdistrictOfficer')
  return g ? { unitId: g.unitId, name: g.unitName } : undefined
}
