import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, Empty, ErrorState, Loading, Tag } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useQuery } from '../../../hooks/useQuery'
import { sayItDay } from '../../../hooks/sayItDay'
import { chinaDay, fmtDate, fmtTime } from '../../../lib/format'
import { CommunityPicker, useWorkerCommunity } from '../lib/communities'

export default function SessionsPage() {
  const t = useT()
  const { list, communityId, setChosen } = useWorkerCommunity()
  const sessions = useQuery(
    () => sayItDay.sessions(communityId!, { from: chinaDay(-90), to: chinaDay(60) }),
    [communityId],
    !!communityId,
  )
  useDidShow(() => {
    if (sessions.data) void sessions.reload()
  })

  return (
    <Page title='worker.sessions'>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : !list.data ? <Loading /> : list.data.length === 0 ? <Empty text={t('worker.noCommunity')} /> : null}
      {list.data ? <CommunityPicker list={list.data} communityId={communityId} onPick={setChosen} /> : null}
      {communityId ? (
        <Async q={sessions} empty={(d) => (d.items.length ? false : t('home.noSession'))}>
          {(d) => (
            <View data-testid='worker-sessions'>
              {d.items.map((s) => (
                <View key={s.id} className='card' {...aria({ 'data-testid': `worker-session-${s.id}` })}>
                  <View className='row'>
                    <Tag tone={s.state === 'closed' ? 'neutral' : s.state === 'inProgress' ? 'warn' : 'good'}>{t(`session.state.${s.state}`)}</Tag>
                    <Text className='small muted'>{t('session.matterCount', { n: s.matterCount })}</Text>
                  </View>
                  <Text className='card-title'>{`${fmtDate(s.date, t.lang)} ${fmtTime(s.startsAt)}`}</Text>
                  <Text className='small muted block'>{s.place}</Text>
                  <View className='row gap'>
                    <Btn small onClick={() => Taro.navigateTo({ url: `/packages/sayItDay/session/index?id=${s.id}` })}>
                      {t('home.agenda')}
                    </Btn>
                    {s.state !== 'closed' ? (
                      <Btn small kind='primary' onClick={() => Taro.navigateTo({ url: `/packages/worker/run/index?id=${s.id}` })} testId={`worker-run-${s.id}`}>
                        {t('worker.run')}
                      </Btn>
                    ) : null}
                  </View>
                </View>
              ))}
            </View>
          )}
        </Async>
      ) : null}
    </Page>
  )
}
