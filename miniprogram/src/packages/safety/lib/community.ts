import './messages' // this subpackage's texts, registered before any of its pages renders
import { useMemo, useState } from 'react'
import type { Me } from '@shared/auth/schemas'
import type { Community } from '@shared/org/schemas'
import { useCommunities } from '../../../hooks/org'

export interface Worked {
  id: string
  name: string
  /** a community worker of it or an officer over it: registers sites and shops, passes reports on */
  keeper: boolean
}

/** The communities whose safety ledgers I work: a grid worker's community, a community worker's own, an officer's every one. */
export function workedCommunities(me: Me | undefined, communities: Community[]): Worked[] {
  const out: Worked[] = []
  const add = (id: string, keeper: boolean) => {
    const name = communities.find((c) => c.id === id)?.name ?? id
    const had = out.find((c) => c.id === id)
    if (had) had.keeper ||= keeper
    else out.push({ id, name, keeper })
  }
  for (const g of me?.grants ?? []) {
    if (g.role === 'communityWorker') add(g.unitId, true)
    if (g.role === 'gridWorker' && g.unitPath[1]) add(g.unitPath[1], false)
    if (g.role === 'subdistrictOfficer') for (const c of communities.filter((x) => x.subdistrictId === g.unitId)) add(c.id, true)
  }
  return out
}

/** The community a page is about: `?communityId=` when given, else the first I work; with a picker's state. */
export function useWorkedCommunity(me: Me | undefined, fromUrl?: string) {
  const communities = useCommunities(!!me)
  const worked = useMemo(() => workedCommunities(me, communities.data?.items ?? []), [me, communities.data])
  const [picked, setPicked] = useState<string | undefined>(fromUrl)
  const current = worked.find((c) => c.id === picked) ?? worked[0]
  return { worked, current, pick: setPicked, loading: communities.loading }
}
