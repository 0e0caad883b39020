import { View } from '@tarojs/components'
import { Chip } from '../../../components/ui'
import type { Worked } from './community'

/** Chips for the communities I work, shown only when there is more than one. */
export function CommunityPicker({ worked, current, pick }: { worked: Worked[]; current?: Worked; pick: (id: string) => void }) {
  if (worked.length < 2) return null
  return (
    <View className='row wrap gap'>
      {worked.map((c) => (
        <Chip key={c.id} selected={c.id === current?.id} onClick={() => pick(c.id)} testId={`sf-community-${c.id}`}>
          {c.name}
        </Chip>
      ))}
    </View>
  )
}
