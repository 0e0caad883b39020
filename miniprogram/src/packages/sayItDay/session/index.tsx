import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, Empty, Section, Tag } from '../../../components/ui'
import { MatterCard } from '../../../components/MatterCard'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useSession } from '../../../hooks/sayItDay'
import { fmtDate, fmtDateTime, fmtTime } from '../../../lib/format'
import { canRunSessions } from '../../../lib/roles'

export default function SessionPage() {
  const t = useT()
  const { me } = useApp()
  const id = useRouter().params.id as string
  const q = useSession(id)
  useDidShow(() => {
    if (q.data) void q.reload()
  })
  useShareAppMessage(() => ({ title: t('session.title'), path: `/packages/sayItDay/session/index?id=${id}` }))

  return (
    <Page title='session.title'>
      <Async q={q}>
        {({ session, matters }) => (
          <>
            <Section>
              <View className='row'>
                <Tag tone='brand'>{session.communityName}</Tag>
                <Tag tone={session.state === 'closed' ? 'neutral' : session.state === 'inProgress' ? 'warn' : 'good'}>{t(`session.state.${session.state}`)}</Tag>
              </View>
              <View className='kv'>
                <Text className='k'>{t('home.date')}</Text>
                <Text className='v'>{`${fmtDate(session.date, t.lang)} ${fmtTime(session.startsAt)}–${fmtTime(session.endsAt)}`}</Text>
              </View>
              <View className='kv'>
                <Text className='k'>{t('home.place')}</Text>
                <Text className='v'>{session.place}</Text>
              </View>
              <View className='kv'>
                <Text className='k'>{t('home.cutoff')}</Text>
                <Text className='v'>{fmtDateTime(session.cutoffAt, t.lang)}</Text>
              </View>
              {session.hostName ? (
                <View className='kv'>
                  <Text className='k'>{t('session.host')}</Text>
                  <Text className='v'>{session.hostName}</Text>
                </View>
              ) : null}
              {session.attendance !== undefined ? (
                <View className='kv'>
                  <Text className='k'>{t('session.attendance')}</Text>
                  <Text className='v'>{session.attendance}</Text>
                </View>
              ) : null}
              {session.minutes ? (
                <View className='kv'>
                  <Text className='k'>{t('session.minutes')}</Text>
                  <Text className='v pre'>{session.minutes}</Text>
                </View>
              ) : null}
              {session.summary ? (
                <Text className='small block'>
                  {t('session.summary', { a: session.summary.solvedOnSpot, b: session.summary.toFiveLists, c: session.summary.notAccepted, d: session.summary.withdrawn })}
                </Text>
              ) : null}
              {canRunSessions(me) && session.state !== 'closed' ? (
                <Btn block onClick={() => Taro.navigateTo({ url: `/packages/worker/run/index?id=${session.id}` })} testId='session-host'>
                  {t('home.hostSession')}
                </Btn>
              ) : null}
            </Section>
            <Section title={t('session.agenda')}>
              {matters.length === 0 ? (
                <Empty text={t('session.noMatters')} />
              ) : (
                <View data-testid='session-agenda'>
                  {matters.map((m) => (
                    <MatterCard key={m.id} matter={m} />
                  ))}
                </View>
              )}
            </Section>
          </>
        )}
      </Async>
    </Page>
  )
}
