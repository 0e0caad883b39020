import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import type { MyPairing as MyPairingSchema } from '@shared/relief/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Loading, Section, Tag } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { householdUrl, LogForm, PlacePicker, RecordEventForm, useWorkPlaces, VisitCard, wholeRegistry, type MustVisit } from '../lib/registry'
import { relief, useMyPairings, useOverdueVisits } from '../../../hooks/relief'

type Tab = 'mine' | 'open' | 'done'

/**
 * 四必访: the must-visits due and overdue for me (soonest deadline first), for a community worker also every open visit
 * of the community and the count per worker; recording an event (hardship, accident or disaster, serious illness,
 * bereavement) starts a visit; logging what was found (with photos) closes it. A notification's link
 * (`?communityId=…&visitId=…`) puts that visit first. A paired party member or volunteer sees the households they are
 * paired with and logs their visits here.
 */
export default function VisitsPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const { places, loading } = useWorkPlaces(me)
  const params = useRouter().params
  const [chosen, setChosen] = useState(params.communityId as string | undefined)
  const place = places.find((p) => p.communityId === chosen) ?? places[0]
  const manages = !!me?.grants.some((g) => (g.role === 'communityWorker' && g.unitId === place?.communityId) || g.role === 'subdistrictOfficer')
  const [tab, setTab] = useState<Tab>('mine')
  const [recording, setRecording] = useState(false)
  const communityId = place?.communityId
  const list = useQuery(
    async () => {
      // every page: a community's must-visits are tens, and the tabs sort and filter the whole list
      const items: MustVisit[] = []
      let cursor: string | undefined
      do {
        const page = await relief.mustVisits(communityId!, { status: tab === 'done' ? 'done' : 'open', cursor })
        items.push(...page.items)
        cursor = page.cursor
      } while (cursor)
      const shown = tab === 'mine' ? items.filter((v) => v.assigneeId === me!.id) : items
      const first = (v: MustVisit) => (v.id === params.visitId ? 0 : 1)
      return [...shown].sort((a, b) => first(a) - first(b) || (tab === 'done' ? b.deadlineAt.localeCompare(a.deadlineAt) : a.deadlineAt.localeCompare(b.deadlineAt)))
    },
    [communityId, tab, me?.id, params.visitId],
    !!communityId && !!me,
  )
  const byWorker = useOverdueVisits(communityId, manages)
  const households = useQuery(() => wholeRegistry(communityId!), [communityId], !!communityId && recording)
  const paired = useMyPairings([me?.id], !!me)
  useDidShow(() => {
    if (list.data) void list.reload()
  })
  usePullDownRefresh(() => {
    void Promise.all([list.reload(), manages ? byWorker.reload() : undefined]).finally(() => Taro.stopPullDownRefresh())
  })
  // the logged visit stays on the list, done and with its log (the answer carries it), until the next reload
  const logged = (v: MustVisit) => {
    if (list.data) list.setData(list.data.map((x) => (x.id === v.id ? v : x)))
    if (manages) void byWorker.reload()
  }
  const tabs: { key: Tab; label: 'rr.mine' | 'rr.allOpen' | 'rr.done' }[] = [
    { key: 'mine', label: 'rr.mine' },
    ...(manages ? [{ key: 'open' as const, label: 'rr.allOpen' as const }] : []),
    { key: 'done', label: 'rr.done' },
  ]

  return (
    <Page title='rr.visitsTitle'>
      {paired.data?.items.length ? <MyPairings items={paired.data.items} /> : null}
      {!me || loading ? (
        loadingMe || loading ? <Loading /> : <ErrorState error={undefined} />
      ) : !place ? (
        paired.data?.items.length ? null : <Empty text={t('rr.notWorker')} />
      ) : (
        <>
          <PlacePicker places={places} value={place.communityId} onChange={setChosen} />
          {manages ? (
            <Section title={t('rr.byWorker')}>
              <Async q={byWorker} empty={(d) => (d.items.length ? false : t('rr.byWorkerEmpty'))}>
                {(d) => (
                  <View {...aria({ role: 'list', 'data-testid': 'rr-by-worker' })}>
                    {d.items.map((w) => (
                      <Text key={w.workerId} className='body block' {...aria({ role: 'listitem' })}>
                        {`${w.overdue ? '⚠ ' : ''}${t('rr.byWorkerRow', { name: w.workerName, open: w.open, overdue: w.overdue })}`}
                      </Text>
                    ))}
                  </View>
                )}
              </Async>
            </Section>
          ) : null}
          {recording ? (
            <Section title={t('rr.event.open')}>
              {households.error ? (
                <ErrorState error={households.error} onRetry={() => void households.reload()} />
              ) : !households.data ? (
                <Loading />
              ) : !households.data.length ? (
                <Empty text={t('rr.registryEmpty')} />
              ) : (
                <RecordEventForm communityId={place.communityId} households={households.data} onDone={() => (setRecording(false), setTab('mine'), void list.reload(), manages ? void byWorker.reload() : undefined)} />
              )}
              <Btn block onClick={() => setRecording(false)}>
                {t('common.cancel')}
              </Btn>
            </Section>
          ) : (
            <Btn kind='primary' block onClick={() => setRecording(true)} testId='rr-event-open'>
              {`+ ${t('rr.event.open')}`}
            </Btn>
          )}
          <View className='row' {...aria({ role: 'group' })}>
            {tabs.map((x) => (
              <Chip key={x.key} selected={tab === x.key} onClick={() => setTab(x.key)} testId={`rr-tab-${x.key}`}>
                {t(x.label)}
              </Chip>
            ))}
          </View>
          <Async q={list} empty={(items) => (items.length ? false : tab === 'done' ? t('rr.doneEmpty') : t('rr.mineEmpty'))}>
            {(items) => (
              <View data-testid='rr-visits'>
                {items.map((v) => (
                  <VisitCard key={v.id} v={v} canLog={v.assigneeId === me.id || manages} onLogged={logged} />
                ))}
              </View>
            )}
          </Async>
        </>
      )}
    </Page>
  )
}

type MyPairing = z.infer<typeof MyPairingSchema>

/** 我结对的家庭: the households I am paired with; log a visit here, or open the household to see the visits so far. */
function MyPairings({ items }: { items: MyPairing[] }) {
  const t = useT()
  const [logging, setLogging] = useState<string>()
  return (
    <Section title={t('rr.myPairings')}>
      <View {...aria({ role: 'list', 'data-testid': 'rr-my-pairings' })}>
        {items.map((p) => (
          <View key={`${p.communityId}#${p.householdId}`} className='card' {...aria({ role: 'listitem' })}>
            <View className='row'>
              <Text className='card-title' onClick={() => Taro.navigateTo({ url: householdUrl(p.communityId, p.householdId) })} {...aria({ role: 'link', tabindex: 0 })}>
                {p.headName}
              </Text>
              <Tag tone='brand'>{t(`rr.pair.role.${p.role}`)}</Tag>
            </View>
            {logging === p.householdId ? (
              <LogForm
                submit={(body, idempotencyKey) => relief.pairingVisit(p.communityId, p.householdId, body, idempotencyKey)}
                testId={`rr-my-pair-log-${p.householdId}`}
                onDone={() => setLogging(undefined)}
              />
            ) : (
              <Btn kind='primary' block onClick={() => setLogging(p.householdId)} testId={`rr-my-pair-log-open-${p.householdId}`}>
                {t('rr.pair.logOpen')}
              </Btn>
            )}
          </View>
        ))}
      </View>
    </Section>
  )
}
