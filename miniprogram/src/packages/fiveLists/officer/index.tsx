import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { FiveListState } from '@shared/fiveLists/schemas'
import { Page } from '../../../components/Page'
import { Empty, LinkRow, Section } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { fiveLists } from '../../../hooks/fiveLists'
import { committeeSubdistrict, officerSubdistrict } from '../lib/roles'
import { MatterList, merged, Tabs, type ListTab } from '../lib/lists'

type Tab = 'dispatch' | 'review' | 'overdue' | 'extensions'
const tabs: ListTab<Tab>[] = [
  { key: 'dispatch', label: 'fl.tab.dispatch' },
  { key: 'review', label: 'fl.tab.review' },
  { key: 'overdue', label: 'fl.tab.overdue' },
  { key: 'extensions', label: 'fl.tab.extensions' },
]

/**
 * 街道分单 and 大工委审单: the dispatch board (collected, returned), the review queue (dispatched), everything overdue,
 * and the extension requests waiting for a decision. Each matter opens on its page, where the action is.
 * A member of the joint committee who is not an officer sees the review queue only (and no ranking).
 */
export default function OfficerPage() {
  const t = useT()
  const { me } = useApp()
  const officerOf = officerSubdistrict(me)
  const subdistrictId = officerOf ?? committeeSubdistrict(me)
  const committeeOnly = !officerOf && !!subdistrictId
  const [chosen, setTab] = useState<Tab>('dispatch')
  const tab: Tab = committeeOnly ? 'review' : chosen
  const q = useQuery(
    async () => {
      const list = (query: { state?: FiveListState; overdue?: 'true' }) => fiveLists.subdistrictMatters(subdistrictId!, { ...query, limit: 50 })
      if (tab === 'overdue') return (await list({ overdue: 'true' })).items
      if (tab === 'review') return (await list({ state: 'dispatched' })).items
      if (tab === 'extensions') return (await list({ state: 'claimed' })).items.filter((m) => m.extension && !m.extension.decision)
      return merged(await Promise.all((['collected', 'returned'] as const).map((state) => list({ state }))))
    },
    [subdistrictId, tab],
    !!subdistrictId,
  )
  useDidShow(() => {
    if (q.data) void q.reload()
  })
  const go = (url: string) => () => void Taro.navigateTo({ url })

  return (
    <Page title={committeeOnly ? 'fl.committeeTitle' : 'fl.officerTitle'}>
      {!me ? null : !subdistrictId ? (
        <Empty text={t('fl.notOfficer')} />
      ) : (
        <>
          {committeeOnly ? (
            <Text className='small muted block'>{t('fl.committeeIntro')}</Text>
          ) : (
            <>
              <Section>
                <LinkRow title={t('fl.rankingTitle')} onClick={go('/packages/fiveLists/scores/index')} testId='fl-officer-ranking' />
              </Section>
              <Tabs tabs={tabs} tab={tab} onTab={setTab} prefix='fl-officer' />
            </>
          )}
          <MatterList q={q} empty={t('fl.listEmpty')} testId='fl-officer-list' />
        </>
      )}
    </Page>
  )
}
