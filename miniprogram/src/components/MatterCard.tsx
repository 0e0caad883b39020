import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Matter } from '@shared/sayItDay/schemas'
import { useT } from '../i18n/useT'
import { fmtDateTime } from '../lib/format'
import { aria } from './a11y'
import { Tag } from './ui'

export const statusTone = { submitted: 'neutral', withdrawn: 'neutral', solvedOnSpot: 'good', toFiveLists: 'warn', notAccepted: 'bad' } as const

/** One matter in a list: category, status as text, the text, who and when, how many seconded. */
export function MatterCard({ matter }: { matter: Matter }) {
  const t = useT()
  return (
    <View
      className='card'
      onClick={() => Taro.navigateTo({ url: `/packages/sayItDay/matter/index?id=${matter.id}` })}
      {...aria({ role: 'link', tabindex: 0, 'data-testid': `matter-card-${matter.id}` })}
    >
      <View className='row'>
        <Tag tone='brand'>{t(`category.${matter.category}`)}</Tag>
        <Tag tone={statusTone[matter.status]}>{t(`status.${matter.status}`)}</Tag>
      </View>
      <Text className='card-title' numberOfLines={3}>
        {matter.text}
      </Text>
      <View className='row between'>
        <Text className='small muted'>{`${matter.anonymous && !matter.authorId ? t('matters.anonymous') : matter.authorName} · ${fmtDateTime(matter.createdAt, t.lang)}`}</Text>
        <Text className='small muted'>{t('matters.seconds', { n: matter.secondCount })}</Text>
      </View>
    </View>
  )
}
