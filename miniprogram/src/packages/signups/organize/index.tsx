import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Field, Section, Tag } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { fmtDateTime } from '../../../lib/format'
import { organizerScope } from '../lib/util'
import { useCommunityActivities, useCommunityEvents } from '../../../hooks/signups'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** The organizer's desk: post activities and events; every one of a community (and the sub-district above it), to manage. */
export default function OrganizePage() {
  const t = useT()
  const { me } = useApp()
  const scope = useQuery(() => organizerScope(me!), [me?.id], !!me)
  const [chosen, setChosen] = useState<string>()
  const communityId = chosen ?? scope.data?.communities[0]?.id
  const acts = useCommunityActivities(communityId)
  const events = useCommunityEvents(communityId)
  useDidShow(() => {
    if (acts.data) void acts.reload()
    if (events.data) void events.reload()
  })

  return (
    <Page title='su.org.title'>
      <Section>
        <Btn kind='primary' block onClick={go('/packages/signups/newActivity/index')} testId='org-new-activity'>
          {t('su.org.newActivity')}
        </Btn>
        <Btn kind='primary' block onClick={go('/packages/signups/newEvent/index')} testId='org-new-event'>
          {t('su.org.newEvent')}
        </Btn>
      </Section>
      <Async q={scope} empty={(d) => (d.communities.length ? false : t('su.org.noScope'))}>
        {(s) =>
          s.communities.length > 1 ? (
            <Field label={t('worker.community')}>
              <View className='row'>
                {s.communities.map((c) => (
                  <Chip key={c.id} selected={c.id === communityId} onClick={() => setChosen(c.id)} testId={`org-community-${c.id}`}>
                    {c.name}
                  </Chip>
                ))}
              </View>
            </Field>
          ) : null
        }
      </Async>
      {communityId ? (
        <>
          <Section title={t('su.org.activities')}>
            <Async q={acts} empty={() => (acts.items.length ? false : t('su.vol.noActivities'))}>
              {() => (
                <View data-testid='org-activities'>
                  {acts.items.map((a) => (
                    <View key={a.id} className='card' onClick={go(`/packages/signups/activity/index?id=${a.id}`)} {...aria({ role: 'link', tabindex: 0, 'data-testid': `org-activity-${a.id}` })}>
                      <Tag tone={a.state === 'published' ? 'good' : 'warn'}>{t(`su.activity.state.${a.state}`)}</Tag>
                      <Text className='card-title'>{a.title}</Text>
                      <Text className='small muted block'>{`${fmtDateTime(a.firstStartsAt, t.lang)} · ${t('su.activity.shiftCount', { n: a.shifts.length })}`}</Text>
                    </View>
                  ))}
                  {acts.hasMore ? (
                    <Btn block loading={acts.loadingMore} onClick={acts.loadMore} testId='org-activities-more'>
                      {t('common.loadMore')}
                    </Btn>
                  ) : null}
                </View>
              )}
            </Async>
          </Section>
          <Section title={t('su.org.events')}>
            <Async q={events} empty={() => (events.items.length ? false : t('su.home.noEvents'))}>
              {() => (
                <View data-testid='org-events'>
                  {events.items.map((e) => (
                    <View key={e.id} className='card' onClick={go(`/packages/signups/event/index?id=${e.id}`)} {...aria({ role: 'link', tabindex: 0, 'data-testid': `org-event-${e.id}` })}>
                      <Tag tone={e.state === 'published' ? 'good' : 'bad'}>{e.state === 'published' ? t('su.activity.state.published') : t('su.event.cancelled')}</Tag>
                      <Text className='card-title'>{e.title}</Text>
                      <Text className='small muted block'>{`${fmtDateTime(e.startsAt, t.lang)} · ${e.place}`}</Text>
                    </View>
                  ))}
                  {events.hasMore ? (
                    <Btn block loading={events.loadingMore} onClick={events.loadMore} testId='org-events-more'>
                      {t('common.loadMore')}
                    </Btn>
                  ) : null}
                </View>
              )}
            </Async>
          </Section>
        </>
      ) : null}
    </Page>
  )
}
