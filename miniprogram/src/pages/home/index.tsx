import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import { Page } from '../../components/Page'
import { Async, Btn, ErrorState, Loading, Section, Tag } from '../../components/ui'
import { aria } from '../../components/a11y'
import { useT } from '../../i18n/useT'
import { useApp } from '../../state/app'
import { useQuery } from '../../hooks/useQuery'
import { isLoggedIn } from '../../api/client'
import { sayItDay, useNextSession } from '../../hooks/sayItDay'
import { fmtDate, fmtDateTime, fmtTime } from '../../lib/format'
import { canRunSessions, homeCommunityId } from '../../lib/roles'
import { askSubscribe } from '../../lib/subscribe'
import { EventList } from '../../components/EventList'
import { HomeAnnouncements } from '../../components/HomeAnnouncements'
import { Workbench } from '../../packages/workbench/Workbench'
import { staffGrants } from '../../packages/workbench/lib/useWorkbench'
import { useAction } from '../../hooks/useAction'

export default function HomePage() {
  const t = useT()
  const app = useApp()
  const me = app.me
  const communityId = homeCommunityId(me)

  useDidShow(() => {
    if (!isLoggedIn()) void Taro.reLaunch({ url: '/pages/login/index' })
  })

  const next = useNextSession(communityId)
  const reminder = useQuery(() => sayItDay.reminder(communityId!), [communityId], !!communityId && !!me?.communityId)
  const { busy, error, run } = useAction()
  const [note, setNote] = useState<string>()
  // one line under the switch: what the last tap did, or why it failed
  const said = error ? t.errorText(error) : note

  async function toggleReminder(subscribed: boolean) {
    if (!communityId) return
    setNote(undefined)
    await run('reminder', async () => {
      const r = await sayItDay.putReminder(communityId, subscribed)
      reminder.setData(r)
      if (subscribed) {
        // right after the tap it belongs to, as WeChat requires
        const answer = await askSubscribe(app.config?.templates, ['sessionReminder'])
        setNote(answer === 'accept' ? t('subscribe.accepted') : answer === undefined ? t('subscribe.h5') : t('home.remindOn'))
      } else {
        setNote(t('home.remindOff'))
      }
    })
  }

  if (!me) {
    return <Page title='home.title'>{app.loadingMe ? <Loading /> : null}</Page>
  }

  return (
    <Page title='home.title'>
      <Text className='body block'>{t('home.hello', { name: me.displayName })}</Text>
      {/* staff open on their workbench (工作台); residents' home is unchanged below */}
      {staffGrants(me).length ? <Workbench me={me} /> : null}
      {me.communityId ? <HomeAnnouncements /> : null}

      {!communityId && staffGrants(me).length ? null : !communityId ? (
        <Section>
          <Text className='body block'>{me.pendingCommunityId ? t('home.pending') : t('home.notBound')}</Text>
          {!me.pendingCommunityId ? (
            <Btn kind='primary' block onClick={() => Taro.navigateTo({ url: '/packages/me/bind/index' })} testId='home-bind'>
              {t('home.bind')}
            </Btn>
          ) : null}
        </Section>
      ) : (
        <Section title={t('home.nextSession')}>
          <Async q={next} empty={(d) => (!d.session ? t('home.noSession') : false)}>
            {({ session }) =>
              session ? (
                <View data-testid='next-session'>
                  <View className='row'>
                    <Tag tone='brand'>{session.communityName}</Tag>
                    <Tag tone={session.state === 'scheduled' ? 'good' : 'warn'}>{t(`session.state.${session.state}`)}</Tag>
                  </View>
                  <View className='kv'>
                    <Text className='k'>{t('home.date')}</Text>
                    <Text className='v'>{fmtDate(session.date, t.lang)}</Text>
                  </View>
                  <View className='kv'>
                    <Text className='k'>{t('home.time')}</Text>
                    <Text className='v'>{`${fmtTime(session.startsAt)}–${fmtTime(session.endsAt)}`}</Text>
                  </View>
                  <View className='kv'>
                    <Text className='k'>{t('home.place')}</Text>
                    <Text className='v'>{session.place}</Text>
                  </View>
                  <View className='kv'>
                    <Text className='k'>{t('home.cutoff')}</Text>
                    <Text className='v'>{fmtDateTime(session.cutoffAt, t.lang)}</Text>
                  </View>
                  {me.communityId === session.communityId ? (
                    <Btn kind='primary' block onClick={() => Taro.navigateTo({ url: `/packages/sayItDay/submit/index?sessionId=${session.id}` })} testId='home-raise'>
                      {t('home.raise')}
                    </Btn>
                  ) : null}
                  <Btn block onClick={() => Taro.navigateTo({ url: `/packages/sayItDay/session/index?id=${session.id}` })} testId='home-agenda'>
                    {t('home.agenda')}
                  </Btn>
                  {canRunSessions(me) ? (
                    <Btn block onClick={() => Taro.navigateTo({ url: `/packages/worker/run/index?id=${session.id}` })} testId='home-host'>
                      {t('home.hostSession')}
                    </Btn>
                  ) : null}
                </View>
              ) : null
            }
          </Async>
        </Section>
      )}

      {me.communityId ? (
        <Section>
          {reminder.error ? (
            <ErrorState error={reminder.error} onRetry={reminder.reload} />
          ) : (
            <View className='switch-row'>
              <Text className='body' id='remind-label'>
                {t('home.remind')}
              </Text>
              <Text className='small muted' {...aria({ 'aria-hidden': true })}>
                {reminder.data?.subscribed ? t('common.on') : t('common.off')}
              </Text>
              <Switch
                checked={!!reminder.data?.subscribed}
                disabled={!!busy || reminder.loading}
                color='#b5121b'
                onChange={(e) => toggleReminder(e.detail.value)}
                nativeProps={{ 'aria-label': t('home.remind'), 'data-testid': 'home-remind' }}
              />
            </View>
          )}
          {said ? (
            <Text className='small muted block' {...aria({ role: 'status' })}>
              {said}
            </Text>
          ) : null}
        </Section>
      ) : null}

      {communityId ? <EventList communityId={communityId} /> : null}
    </Page>
  )
}
