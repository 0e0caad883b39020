import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useT } from '../i18n/useT'
import { fmtDateTime, fmtTime } from '../lib/format'
import { aria } from './a11y'
import { Async, Section, Tag } from './ui'
import { useUpcomingEvents } from '../hooks/signups'

/** 首页: the coming cultural events of my community and sub-district, a few, each leading to its page. */
export function EventList({ communityId }: { communityId: string }) {
  const t = useT()
  // the home page shows the first few; the list is paged (its whole is on the organizer's desk)
  const q = useUpcomingEvents(communityId)
  return (
    <Section title={t('su.home.events')}>
      <Async q={q} empty={(d) => (d.items.length ? false : t('su.home.noEvents'))}>
        {(d) => (
          <View data-testid='home-events'>
            {d.items.slice(0, 5).map((e) => (
              <View
                key={e.id}
                className='card'
                onClick={() => Taro.navigateTo({ url: `/packages/signups/event/index?id=${e.id}` })}
                {...aria({ role: 'link', tabindex: 0, 'data-testid': `event-card-${e.id}` })}
              >
                <View className='row'>
                  {e.state === 'cancelled' ? <Tag tone='bad'>{t('su.event.cancelled')}</Tag> : <Tag tone='brand'>{t('su.event.tag')}</Tag>}
                </View>
                <Text className='card-title'>{e.title}</Text>
                <Text className='small muted block'>{`${fmtDateTime(e.startsAt, t.lang)}–${fmtTime(e.endsAt)} · ${e.place}`}</Text>
              </View>
            ))}
          </View>
        )}
      </Async>
    </Section>
  )
}
