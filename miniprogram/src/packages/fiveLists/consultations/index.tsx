import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Consultation } from '@shared/fiveLists/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Tag } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { usePaged } from '../../../hooks/useQuery'
import { fiveLists } from '../../../hooks/fiveLists'
import { fmtDateTime } from '../../../lib/format'
import { homeCommunityId } from '../../../lib/roles'
import { consultationUnits, subdistrictOf } from '../lib/roles'

const phaseTone = { upcoming: 'neutral', open: 'good', closed: 'neutral' } as const

/** 民生决策咨询: the consultations of my community and of my sub-district, newest first. */
export default function ConsultationsPage() {
  const t = useT()
  const { me } = useApp()
  const communityId = (useRouter().params.communityId as string | undefined) || homeCommunityId(me)
  const subdistrictId = subdistrictOf(me, communityId)
  // a page of each unit at a time (加载更多 asks each unit that has more for its next page): the cursor holds both
  const q = usePaged(
    async (cursor) => {
      const units = [communityId, subdistrictId].filter((x): x is string => !!x)
      const at: Record<string, string | undefined> = cursor ? JSON.parse(cursor) : {}
      const none = { items: [] as Consultation[], cursor: undefined as string | undefined }
      // a unit I may not read (a sub-district of someone else) lists nothing rather than failing the page
      const lists = await Promise.all(
        units.map((unitId, i) =>
          cursor && !at[unitId] ? none : fiveLists.consultations(unitId, at[unitId]).catch((e) => (i === 0 ? Promise.reject(e) : none)),
        ),
      )
      const next = Object.fromEntries(units.flatMap((u, i) => (lists[i]!.cursor ? [[u, lists[i]!.cursor]] : [])))
      return { items: lists.flatMap((l) => l.items).sort((a, b) => b.createdAt.localeCompare(a.createdAt)), cursor: Object.keys(next).length ? JSON.stringify(next) : undefined }
    },
    [communityId, subdistrictId],
    !!me && !!(communityId || subdistrictId),
  )
  // community workers (their community) and officers (their sub-district) publish; the page's own unit is proposed
  const mine = consultationUnits(me)
  const publishFor = mine.find((u) => u.id === communityId) ?? mine.find((u) => u.id === subdistrictId) ?? mine[0]
  return (
    <Page title='fl.consultationsTitle'>
      {publishFor ? (
        <Btn kind='primary' block onClick={() => void Taro.navigateTo({ url: `/packages/fiveLists/publish/index?unitId=${publishFor.id}` })} testId='fl-publish-open'>
          {`+ ${t('fl.publishOpen')}`}
        </Btn>
      ) : null}
      <Async q={q} empty={(d) => (d.items.length ? false : t('fl.consultationsEmpty'))}>
        {() => (
          <View data-testid='fl-consultations'>
            {q.items.map((c) => (
              <View
                key={c.id}
                className='card'
                onClick={() => Taro.navigateTo({ url: `/packages/fiveLists/consultation/index?id=${c.id}` })}
                {...aria({ role: 'link', tabindex: 0, 'data-testid': `fl-consultation-${c.id}` })}
              >
                <View className='row'>
                  <Tag tone={phaseTone[c.phase]}>{t(`fl.phase.${c.phase}`)}</Tag>
                  {c.myVote ? <Tag tone='brand'>{`✓ ${t('fl.voted')}`}</Tag> : null}
                </View>
                <Text className='card-title'>{c.title}</Text>
                <Text className='small muted block'>{`${t('fl.closesAt')}：${fmtDateTime(c.closesAt, t.lang)} · ${t('fl.comments', { n: c.commentCount })}`}</Text>
              </View>
            ))}
            {q.hasMore ? (
              <Btn block onClick={q.loadMore} loading={q.loadingMore} testId='fl-consultations-more'>
                {t('common.loadMore')}
              </Btn>
            ) : null}
          </View>
        )}
      </Async>
    </Page>
  )
}
