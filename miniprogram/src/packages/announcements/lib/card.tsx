import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Announcement } from '@shared/announcements/schemas'
import { Tag } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import type { useT } from '../../../i18n/useT'
import { fmtDateTime } from '../../../lib/format'

/** Where it goes, in words: 和平社区 · 3号楼, or the unit's name. */
export function audienceText(a: Announcement): string {
  return a.audience.building ? `${a.audience.unitName} · ${a.audience.building}` : a.audience.unitName
}

/** One announcement in a list: unread and pinned said in words (never by colour alone). */
export function AnnouncementCard({ a, t, staff }: { a: Announcement; t: ReturnType<typeof useT>; staff?: boolean }) {
  return (
    <View
      className='card'
      onClick={() => Taro.navigateTo({ url: `/packages/announcements/detail/index?id=${a.id}` })}
      {...aria({ role: 'link', tabindex: 0, 'data-testid': `ann-card-${a.id}` })}
    >
      <View className='row'>
        {a.read === false ? (
          <Tag tone='brand'>
            <Text data-testid={`ann-unread-${a.id}`}>{t('ann.unread')}</Text>
          </Tag>
        ) : null}
        {a.pinned ? <Tag tone='warn'>{t('ann.pinned')}</Tag> : null}
        {staff ? <Tag tone={a.state === 'published' ? 'good' : 'neutral'}>{t(`ann.state.${a.state}`)}</Tag> : null}
      </View>
      <Text className='card-title'>{a.title}</Text>
      <Text className='small muted block'>{`${audienceText(a)} · ${fmtDateTime(a.publishAt, t.lang)}`}</Text>
      {staff && a.readCount !== undefined ? (
        <Text className='small block' data-testid={`ann-count-${a.id}`}>
          {`${t('ann.readCount', { n: a.readCount })} · ${t('ann.notified', { n: a.notifiedCount ?? 0 })}`}
        </Text>
      ) : null}
    </View>
  )
}
