import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { SafetyCase } from '@shared/safety/schemas'
import { useWorkedCommunity } from '../lib/community'
import { stateText } from '../lib/text'
import { CommunityPicker } from '../lib/CommunityPicker'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Loading, Section, Tag } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { fmtDate, fmtDateTime } from '../../../lib/format'
import { useSafetyCases } from '../../../hooks/safety'

type Kind = 'hazard' | 'illegalBuilding'

/**
 * 隐患与违建: a community's hazards (open first, soonest deadline first, overdue flagged) or illegal-building reports,
 * open or closed; each opens its page, where it is re-inspected, passed on or closed.
 */
export default function HazardsPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const params = useRouter().params
  const { worked, current, pick, loading } = useWorkedCommunity(me, params.communityId)
  const [kind, setKind] = useState<Kind>(params.kind === 'illegalBuilding' ? 'illegalBuilding' : 'hazard')
  const [open, setOpen] = useState(true)
  const communityId = current?.id
  const list = useSafetyCases(communityId, kind, open)
  useDidShow(() => void (communityId && list.reload()))

  if (loadingMe || loading) return <Page title='sf.hazardsTitle'><Loading /></Page>
  if (!current) return <Page title='sf.hazardsTitle'><Empty text={t('sf.noCommunity')} /></Page>
  return (
    <Page title='sf.hazardsTitle'>
      <CommunityPicker worked={worked} current={current} pick={pick} />
      <View className='tabs row'>
        {(['hazard', 'illegalBuilding'] as const).map((k) => (
          <Chip key={k} selected={kind === k} onClick={() => setKind(k)} testId={`sf-kind-${k}`}>
            {t(`sf.kind.${k}`)}
          </Chip>
        ))}
      </View>
      <View className='tabs row'>
        <Chip selected={open} onClick={() => setOpen(true)} testId='sf-open'>
          {t('sf.openOnly')}
        </Chip>
        <Chip selected={!open} onClick={() => setOpen(false)} testId='sf-closed'>
          {t('sf.closedOnly')}
        </Chip>
      </View>
      <Section title={`${t(`sf.kind.${kind}`)} · ${current.name}`}>
        <Async q={list} empty={(d) => (d.items.length ? false : t('sf.noCases'))}>
          {() => (
            <View data-testid='sf-cases'>
              {list.items.map((c) => (
                <CaseCard key={c.id} c={c} t={t} />
              ))}
              {list.hasMore ? (
                <Btn block loading={list.loadingMore} onClick={() => void list.loadMore()} testId='sf-cases-more'>
                  {t('common.loadMore')}
                </Btn>
              ) : null}
              {list.moreError ? <ErrorState error={list.moreError} onRetry={() => void list.loadMore()} /> : null}
            </View>
          )}
        </Async>
      </Section>
    </Page>
  )
}

function CaseCard({ c, t }: { c: SafetyCase; t: ReturnType<typeof useT> }) {
  return (
    <View
      className='card'
      onClick={() => void Taro.navigateTo({ url: `/packages/safety/case/index?caseId=${c.id}` })}
      {...aria({ role: 'link', tabindex: 0, 'data-testid': `sf-case-${c.id}` })}
    >
      <View className='row wrap gap'>
        <Tag tone={c.open ? 'warn' : 'good'}>{stateText(c, t)}</Tag>
        {c.overdue ? <Tag tone='bad'>{t('sf.overdue')}</Tag> : null}
        {c.deadline && c.open ? <Tag>{t('sf.deadline', { d: fmtDate(c.deadline, t.lang) })}</Tag> : null}
      </View>
      <Text className='card-title'>{c.kind === 'hazard' ? c.siteName : c.place}</Text>
      <Text className='body block'>{c.description}</Text>
      <Text className='small muted block'>{`${c.reporterName} · ${fmtDateTime(c.createdAt, t.lang)}`}</Text>
    </View>
  )
}
