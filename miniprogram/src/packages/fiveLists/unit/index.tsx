import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { FiveListState } from '@shared/fiveLists/schemas'
import { Page } from '../../../components/Page'
import { Chip, Empty, Field, LinkRow, Section } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { fiveLists } from '../../../hooks/fiveLists'
import { contactUnits } from '../lib/roles'
import { MatterList, merged, Tabs, type ListTab } from '../lib/lists'

type Tab = 'toClaim' | 'claimed' | 'done' | 'overdue'
const tabs: ListTab<Tab>[] = [
  { key: 'toClaim', label: 'fl.tab.toClaim' },
  { key: 'claimed', label: 'fl.tab.claimed' },
  { key: 'done', label: 'fl.tab.done' },
  { key: 'overdue', label: 'fl.tab.overdue' },
]
const statesOf: Record<Exclude<Tab, 'overdue'>, FiveListState[]> = { toClaim: ['reviewed', 'reopened'], claimed: ['claimed'], done: ['resolved', 'rated', 'closed'] }

/** 单位领单: what the joint committee confirmed to my unit; claim it, report it done, ask once for more time. */
export default function UnitPage() {
  const t = useT()
  const { me } = useApp()
  const units = contactUnits(me)
  const [chosen, setChosen] = useState<string>()
  const unitId = chosen ?? units[0]?.id
  const [tab, setTab] = useState<Tab>('toClaim')
  const q = useQuery(
    async () => {
      const list = (query: { state?: FiveListState; overdue?: 'true' }) => fiveLists.unitMatters(unitId!, { ...query, limit: 50 })
      if (tab === 'overdue') return (await list({ overdue: 'true' })).items
      return merged(await Promise.all(statesOf[tab].map((state) => list({ state }))))
    },
    [unitId, tab],
    !!unitId,
  )
  useDidShow(() => {
    if (q.data) void q.reload()
  })

  return (
    <Page title='fl.unitTitle'>
      {!me ? null : !unitId ? (
        <Empty text={t('fl.notContact')} />
      ) : (
        <>
          {units.length > 1 ? (
            <Field label={t('fl.unit')}>
              {units.map((u) => (
                <Chip key={u.id} selected={u.id === unitId} onClick={() => setChosen(u.id)} testId={`fl-unit-pick-${u.id}`}>
                  {u.name}
                </Chip>
              ))}
            </Field>
          ) : (
            <Text className='h2 block'>{units[0]!.name}</Text>
          )}
          <Section>
            <LinkRow title={t('fl.ownScore')} onClick={() => void Taro.navigateTo({ url: `/packages/fiveLists/scores/index?unitId=${unitId}` })} testId='fl-unit-score' />
          </Section>
          <Tabs tabs={tabs} tab={tab} onTab={setTab} prefix='fl-unit' />
          <MatterList q={q} empty={t('fl.listEmpty')} testId='fl-unit-list' />
        </>
      )}
    </Page>
  )
}
