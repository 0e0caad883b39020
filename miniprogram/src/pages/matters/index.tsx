import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Page } from '../../components/Page'
import { Btn, Chip, Empty, ErrorState, LinkRow, Loading } from '../../components/ui'
import { FiveListsWork } from '../../components/FiveListsWork'
import { MatterCard } from '../../components/MatterCard'
import { useT } from '../../i18n/useT'
import { useApp } from '../../state/app'
import { useMatters } from '../../hooks/sayItDay'
import { isLoggedIn } from '../../api/client'
import { hasRole, homeCommunityId } from '../../lib/roles'

type Tab = 'board' | 'mine'

export default function MattersPage() {
  const t = useT()
  const { me } = useApp()
  const communityId = homeCommunityId(me)
  const [tab, setTab] = useState<Tab>('board')

  const list = useMatters(tab, communityId, !!me)

  useDidShow(() => {
    if (!isLoggedIn()) void Taro.reLaunch({ url: '/pages/login/index' })
    else if (list.data) void list.reload()
  })

  return (
    <Page title='matters.title'>
      <View className='tabs' {...{ role: 'group' }}>
        <Chip selected={tab === 'board'} onClick={() => setTab('board')} testId='matters-tab-board'>
          {t('matters.board')}
        </Chip>
        <Chip selected={tab === 'mine'} onClick={() => setTab('mine')} testId='matters-tab-mine'>
          {t('matters.mine')}
        </Chip>
      </View>
      {me?.communityId ? (
        <Btn kind='primary' block onClick={() => Taro.navigateTo({ url: '/packages/sayItDay/submit/index' })} testId='matters-raise'>
          {t('home.raise')}
        </Btn>
      ) : null}
      {communityId ? <LinkRow title={t('fl.entry.board')} onClick={() => void Taro.navigateTo({ url: `/packages/fiveLists/board/index?communityId=${communityId}` })} testId='matters-five-lists' /> : null}
      {/* staff who are nobody's neighbour (a unit contact, an officer) come here for their five lists work */}
      {me && !communityId ? <FiveListsWork me={me} prefix='matters' /> : null}
      {tab === 'board' && me && !communityId ? (
        <Empty text={hasRole(me, 'unitContact', 'subdistrictOfficer', 'jointCommittee') ? t('matters.noBoard') : t('matters.needBinding')} />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty text={tab === 'board' ? t('matters.emptyBoard') : t('matters.emptyMine')} />
      ) : (
        <View data-testid='matters-list'>
          {list.items.map((m) => (
            <MatterCard key={m.id} matter={m} />
          ))}
          {list.moreError ? <ErrorState error={list.moreError} onRetry={list.loadMore} /> : null}
          {list.hasMore ? (
            <Btn block loading={list.loadingMore} onClick={list.loadMore} testId='matters-more'>
              {t('common.loadMore')}
            </Btn>
          ) : null}
        </View>
      )}
    </Page>
  )
}
