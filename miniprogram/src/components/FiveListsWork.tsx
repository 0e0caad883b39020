import Taro from '@tarojs/taro'
import type { Me } from '@shared/auth/schemas'
import { LinkRow, Section } from './ui'
import { useT } from '../i18n/useT'
import { hasRole } from '../lib/roles'

const go = (url: string) => () => void Taro.navigateTo({ url })

/**
 * The five lists work of whoever holds a role in them (raise, claim, dispatch, review, publish, scores): on 我的, and on
 * 说事 where staff look for matters first. `prefix` keeps each page's testids its own.
 */
export function FiveListsWork({ me, prefix }: { me: Me; prefix: string }) {
  const t = useT()
  if (!hasRole(me, 'unitContact', 'subdistrictOfficer', 'jointCommittee', 'gridWorker', 'communityWorker')) return null
  return (
    <Section title={t('fl.entry.section')}>
      {hasRole(me, 'gridWorker', 'communityWorker') ? <LinkRow title={t('fl.entry.raise')} onClick={go('/packages/fiveLists/raise/index')} testId={`${prefix}-fl-raise`} /> : null}
      {hasRole(me, 'unitContact') ? <LinkRow title={t('fl.entry.unit')} onClick={go('/packages/fiveLists/unit/index')} testId={`${prefix}-fl-unit`} /> : null}
      {hasRole(me, 'subdistrictOfficer') ? <LinkRow title={t('fl.entry.officer')} onClick={go('/packages/fiveLists/officer/index')} testId={`${prefix}-fl-officer`} /> : null}
      {hasRole(me, 'jointCommittee') && !hasRole(me, 'subdistrictOfficer') ? <LinkRow title={t('fl.entry.review')} onClick={go('/packages/fiveLists/officer/index')} testId={`${prefix}-fl-review`} /> : null}
      {hasRole(me, 'communityWorker', 'subdistrictOfficer') ? <LinkRow title={t('fl.entry.publish')} onClick={go('/packages/fiveLists/consultations/index')} testId={`${prefix}-fl-consultations`} /> : null}
      {hasRole(me, 'unitContact', 'subdistrictOfficer') ? (
        <LinkRow title={hasRole(me, 'subdistrictOfficer') ? t('fl.entry.ranking') : t('fl.entry.score')} onClick={go('/packages/fiveLists/scores/index')} testId={`${prefix}-fl-scores`} />
      ) : null}
    </Section>
  )
}
