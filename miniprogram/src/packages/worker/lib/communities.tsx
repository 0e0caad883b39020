import { useState } from 'react'
import { View } from '@tarojs/components'
import type { Me } from '@shared/auth/schemas'
import { Chip, Field } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { org } from '../../../hooks/org'

export interface CommunityRef {
  id: string
  name: string
}

/** The communities I may run: those of my communityWorker grants, and every community of my sub-district. */
async function workerCommunities(me: Me): Promise<CommunityRef[]> {
  const own = me.grants.filter((g) => g.role === 'communityWorker').map((g) => ({ id: g.unitId, name: g.unitName }))
  const subdistricts = me.grants.filter((g) => g.role === 'subdistrictOfficer').map((g) => g.unitId)
  if (!subdistricts.length) return own
  const all = await org.communities()
  const more = all.items.filter((c) => subdistricts.includes(c.subdistrictId)).map((c) => ({ id: c.id, name: c.name }))
  const seen = new Set<string>()
  return [...own, ...more].filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)))
}

/** The list of my communities and the chosen one, with a picker when there is more than one. */
export function useWorkerCommunity() {
  const { me } = useApp()
  const list = useQuery(() => workerCommunities(me!), [me?.id], !!me)
  const [chosen, setChosen] = useState<string>()
  const communityId = chosen ?? list.data?.[0]?.id
  return { list, communityId, setChosen }
}

export function CommunityPicker({ list, communityId, onPick }: { list: CommunityRef[]; communityId?: string; onPick: (id: string) => void }) {
  const t = useT()
  if (list.length < 2) return null
  return (
    <Field label={t('worker.community')}>
      <View className='row'>
        {list.map((c) => (
          <Chip key={c.id} selected={c.id === communityId} onClick={() => onPick(c.id)} testId={`worker-community-${c.id}`}>
            {c.name}
          </Chip>
        ))}
      </View>
    </Field>
  )
}
