import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../components/Page'
import { Async, Empty, LinkRow, Loading, Section, Tag } from '../../components/ui'
import { aria } from '../../components/a11y'
import { useT } from '../../i18n/useT'
import type { MessageKey } from '../../i18n/messages'
import { useApp } from '../../state/app'
import { isLoggedIn } from '../../api/client'
import { fmtDateTime } from '../../lib/format'
import { hasRole } from '../../lib/roles'
import { countOf, staffGrants, useWorkbench } from '../../packages/workbench/lib/useWorkbench'
import { useMyReliefApplications, useMyPairings } from '../../hooks/relief'

const go = (url: string) => () => void Taro.navigateTo({ url })
// kept here (not imported from packages/relief) so the main package stays small
const TYPES = ['dibao', 'temporaryRelief', 'severeDisabilitySubsidy', 'veteranCare', 'housingSubsidy', 'seniorAllowance', 'seniorCard', 'disabilityCard'] as const
const R = '/packages/relief'

/** 办事: what a resident may apply for and their household's applications; a worker's way to their relief work. */
export default function ServicesPage() {
  const t = useT()
  const app = useApp()
  const me = app.me
  const resident = !!me?.communityId || hasRole(me, 'resident')
  const mine = useMyReliefApplications(!!me && resident, [me?.id])
  // a party member or volunteer paired with a household logs their visits on the visits page
  const paired = useMyPairings([me?.id], !!me)
  // the counts of what waits, from the workbench of my relief role (a community worker's first)
  const work = useWorkbench(staffGrants(me).find((g) => g.role === 'communityWorker') ?? staffGrants(me).find((g) => g.role === 'gridWorker' || g.role === 'subdistrictOfficer'))
  const badge = (key: Parameters<typeof countOf>[1]) => {
    const n = countOf(work.data?.tasks, key)
    return n === undefined ? undefined : String(n)
  }

  useDidShow(() => {
    if (!isLoggedIn()) {
      void Taro.reLaunch({ url: '/pages/login/index' })
      return
    }
    if (mine.data) void mine.reload()
  })

  if (!me) return <Page title='rl.tab.title'>{app.loadingMe ? <Loading /> : null}</Page>
  const grid = hasRole(me, 'gridWorker')
  const community = hasRole(me, 'communityWorker')
  const officer = hasRole(me, 'subdistrictOfficer')

  return (
    <Page title='rl.tab.title'>
      <Section>
        <LinkRow title={t('svc.elderCare')} onClick={go('/packages/elderCare/home/index')} testId='svc-elder-care' />
      </Section>
      {resident ? (
        <>
          <Section title={t('rl.tab.mine')}>
            <Async q={mine} empty={(d) => (d.items.length ? false : t('rl.tab.noApps'))}>
              {(d) => (
                <View data-testid='rl-mine'>
                  {d.items.map((a) => (
                    <View key={a.id} className='card' onClick={go(`${R}/application/index?id=${a.id}`)} {...aria({ role: 'link', tabindex: 0, 'data-testid': `rl-app-${a.id}` })}>
                      <View className='row'>
                        <Tag tone={a.status === 'approved' ? 'good' : a.status === 'rejected' || a.status === 'withdrawn' ? 'bad' : 'brand'}>{t(`rl.status.${a.status}` as MessageKey)}</Tag>
                      </View>
                      <Text className='card-title'>{t(`rl.type.${a.type}` as MessageKey)}</Text>
                      <Text className='small muted block'>{`${a.ownerName} · ${fmtDateTime(a.createdAt, t.lang)}`}</Text>
                    </View>
                  ))}
                </View>
              )}
            </Async>
          </Section>
          <Section title={t('rl.tab.apply')}>
            {TYPES.map((type) => (
              <LinkRow key={type} title={t(`rl.type.${type}` as MessageKey)} onClick={go(`${R}/apply/index?type=${type}`)} testId={`rl-apply-${type}`} />
            ))}
          </Section>
        </>
      ) : !grid && !community && !officer ? (
        <Empty text={t('rl.tab.needBinding')} />
      ) : null}
      {resident || grid || community ? (
        <Section>
          <LinkRow title={t('rl.entry.notice')} onClick={go(`${R}/notice/index`)} testId='rl-entry-notice' />
          {paired.data?.items.length && !grid && !community && !officer ? (
            <LinkRow title={t('rr.myPairings')} onClick={go(`${R}/visits/index`)} testId='rl-entry-pairings' />
          ) : null}
        </Section>
      ) : null}
      {grid || community || officer ? (
        <Section title={t('rl.tab.work')}>
          {grid ? <LinkRow title={t('rl.entry.proxy')} onClick={go(`${R}/proxy/index`)} testId='rl-entry-proxy' badge={badge('proxyDrafts')} /> : null}
          {community ? <LinkRow title={t('rl.entry.queueCommunity')} onClick={go(`${R}/queue/index?level=community`)} testId='rl-entry-queue' badge={badge('applicationsToReview')} /> : null}
          {officer ? <LinkRow title={t('rl.entry.queueSubdistrict')} onClick={go(`${R}/queue/index?level=subdistrict`)} testId='rl-entry-queue-sd' badge={badge('secondLevelApprovals')} /> : null}
          {community || officer ? <LinkRow title={t('rl.entry.disbursements')} onClick={go(`${R}/disbursements/index`)} testId='rl-entry-disbursements' /> : null}
          {community || officer ? <LinkRow title={t('rl.entry.figures')} onClick={go(`${R}/figures/index`)} testId='rl-entry-figures' /> : null}
          <LinkRow title={t('rl.entry.registry')} onClick={go(`${R}/registry/index`)} testId='rl-entry-registry' />
          <LinkRow title={t('rl.entry.visits')} onClick={go(`${R}/visits/index`)} testId='rl-entry-visits' badge={badge('mustVisits') ?? badge('myVisits')} />
        </Section>
      ) : null}
      {resident || community || officer ? (
        <Section title={t('svc.community')}>
          {resident ? <LinkRow title={t('svc.accounts')} onClick={go('/packages/microProjects/accounts/index')} testId='svc-accounts' /> : null}
          {community || officer ? <LinkRow title={t('svc.microProjects')} onClick={go('/packages/microProjects/projects/index')} testId='svc-micro-projects' /> : null}
          {community || officer ? <LinkRow title={t('svc.employment')} onClick={go('/packages/employment/board/index')} testId='svc-employment' /> : null}
        </Section>
      ) : null}
      {grid || community || officer ? <LinkRow title={t('svc.safety')} onClick={go('/packages/safety/sites/index')} testId='svc-safety' /> : null}
    </Page>
  )
}
