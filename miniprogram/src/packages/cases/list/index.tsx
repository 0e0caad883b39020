import '../lib/messages'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Case } from '@shared/cases/schemas'
import { caseKindNames } from '@shared/cases/kinds'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, LinkRow, Section } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { isCommunityWorker, kindNames, myCommunities, officerSubdistrict } from '../lib/cases'
import { useCommunities } from '../../../hooks/org'
import { useCommunityCases, useMyCases } from '../../../hooks/cases'

type Only = 'all' | 'open' | 'overdue'

/**
 * 案件台账: a community's cases of a kind (mediation, city and hotline cases ...), newest first, all / open / overdue;
 * the cases I handle (a mediator's list); and the way to record a new one, import hotline tickets, or (officers) follow
 * up the backlog. `?kind=&communityId=&from=&to=` opens it on the records behind a work-summary figure.
 */
export default function CasesPage() {
  const t = useT()
  const { me } = useApp()
  const params = useRouter().params as { kind?: string; communityId?: string; from?: string; to?: string }
  const [kind, setKind] = useState(params.kind ?? 'mediation')
  const officer = officerSubdistrict(me)
  const all = useCommunities(!!officer)
  const communities = officer ? (all.data?.items ?? []).map((c) => ({ id: c.id, name: c.name })) : myCommunities(me)
  const [picked, setPicked] = useState(params.communityId)
  const communityId = picked ?? communities[0]?.id
  const [only, setOnly] = useState<Only>('all')
  const period = params.from && params.to ? { from: params.from, to: params.to } : {}
  const list = useCommunityCases(communityId, kind, { ...period, ...(only === 'all' ? {} : { only }) }, [only])
  const mine = useMyCases(!!me && isCommunityWorker(me))
  const names = kindNames(kind, t.lang)
  const open = (c: Case) => void Taro.navigateTo({ url: `/packages/cases/case/index?id=${c.id}` })
  const row = (c: Case, prefix: string) => (
    <LinkRow
      key={c.id}
      title={c.title}
      note={[names.category(c.category), names.state(c.state), c.overdue ? t('cs.overdue') : '', c.backlog ? t('cs.backlog') : ''].filter(Boolean).join(' · ')}
      badge={c.overdue ? t('cs.overdue') : undefined}
      onClick={() => open(c)}
      testId={`${prefix}-${c.id}`}
    />
  )
  const myOfKind = mine.items.filter((c) => c.kind === kind)

  return (
    <Page title='cs.listTitle'>
      <Section>
        <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('cs.kind') })}>
          {caseKindNames.map((k) => (
            <Chip key={k} selected={k === kind} onClick={() => setKind(k)} testId={`cs-kind-${k}`}>
              {kindNames(k, t.lang).kind}
            </Chip>
          ))}
        </View>
        {communities.length > 1 ? (
          <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('cs.community') })}>
            {communities.map((c) => (
              <Chip key={c.id} selected={c.id === communityId} onClick={() => setPicked(c.id)} testId={`cs-community-${c.id}`}>
                {c.name}
              </Chip>
            ))}
          </View>
        ) : null}
        <View className='row wrap'>
          {me && (myCommunities(me).length || officer) ? (
            <Btn kind='primary' onClick={() => void Taro.navigateTo({ url: `/packages/cases/raise/index?kind=${kind}${communityId ? `&communityId=${communityId}` : ''}` })} testId='cs-new'>
              {`+ ${t('cs.new')}`}
            </Btn>
          ) : null}
          {kind === 'cityCase' && communityId && (isCommunityWorker(me) || officer) ? (
            <Btn onClick={() => void Taro.navigateTo({ url: `/packages/cases/import/index?communityId=${communityId}` })} testId='cs-import'>
              {t('cs.import')}
            </Btn>
          ) : null}
          {officer ? (
            <Btn onClick={() => void Taro.navigateTo({ url: `/packages/cases/backlog/index?kind=${kind}` })} testId='cs-backlog'>
              {t('cs.toBacklog')}
            </Btn>
          ) : null}
        </View>
      </Section>

      {myOfKind.length ? (
        <Section title={t('cs.mine')}>
          <View data-testid='cs-mine'>{myOfKind.map((c) => row(c, 'cs-mine'))}</View>
        </Section>
      ) : null}

      {!communityId ? (
        <Empty text={t('cs.noUnit')} />
      ) : (
        <Section title={t('cs.ofCommunity')}>
          <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('cs.state') })}>
            {(['all', 'open', 'overdue'] as const).map((o) => (
              <Chip key={o} selected={o === only} onClick={() => setOnly(o)} testId={`cs-only-${o}`}>
                {t(`cs.filter.${o}`)}
              </Chip>
            ))}
          </View>
          <Async q={list} empty={(d) => (d.items.length || list.hasMore ? false : t('cs.empty'))}>
            {() => (
              <View data-testid='cs-list'>
                {list.items.map((c) => row(c, 'cs-case'))}
                {list.hasMore ? (
                  <Btn block loading={list.loadingMore} onClick={() => void list.loadMore()} testId='cs-more'>
                    {t('common.loadMore')}
                  </Btn>
                ) : null}
                {list.moreError ? <ErrorState error={list.moreError} onRetry={() => void list.loadMore()} /> : null}
              </View>
            )}
          </Async>
        </Section>
      )}
    </Page>
  )
}
