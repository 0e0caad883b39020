import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Btn, Empty, ErrorState, LinkRow, Loading, Section } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useFiveListBoard } from '../../../hooks/fiveLists'
import { homeCommunityId } from '../../../lib/roles'
import { collectPlaces } from '../lib/roles'
import { FiveListCard } from '../lib/ui'

/** The community's public board of five-list matters (居务公开): state and timeline of each, anonymous ones nameless. */
export default function BoardPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const communityId = (useRouter().params.communityId as string | undefined) || homeCommunityId(me)
  const list = useFiveListBoard(communityId)

  useShareAppMessage(() => ({
    title: t('fl.boardShare'),
    path: `/packages/fiveLists/board/index${communityId ? `?communityId=${communityId}` : ''}`,
  }))

  const go = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <Page title='fl.boardTitle'>
      <Text className='small muted block'>{t('fl.boardIntro')}</Text>
      {communityId ? (
        <Section>
          <LinkRow title={t('fl.councilsTitle')} onClick={go(`/packages/fiveLists/councils/index?communityId=${communityId}`)} testId='fl-board-councils' />
          <LinkRow title={t('fl.consultationsTitle')} onClick={go(`/packages/fiveLists/consultations/index?communityId=${communityId}`)} testId='fl-board-consultations' />
          {collectPlaces(me).some((p) => p.communityId === communityId) ? <LinkRow title={t('fl.entry.raise')} onClick={go('/packages/fiveLists/raise/index')} testId='fl-board-raise' /> : null}
        </Section>
      ) : null}
      {!communityId ? (
        loadingMe ? <Loading /> : <Empty text={t('matters.needBinding')} />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty text={t('fl.boardEmpty')} />
      ) : (
        <View data-testid='fl-board-list'>
          {list.items.map((m) => (
            <FiveListCard key={m.id} m={m} />
          ))}
          {list.moreError ? <ErrorState error={list.moreError} onRetry={list.loadMore} /> : null}
          {list.hasMore ? (
            <Btn block loading={list.loadingMore} onClick={list.loadMore} testId='fl-board-more'>
              {t('common.loadMore')}
            </Btn>
          ) : null}
        </View>
      )}
    </Page>
  )
}
