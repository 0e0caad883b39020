import '../lib/messages'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { caseKindNames } from '@shared/cases/kinds'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, LinkRow, Section } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { daysSince, kindNames, officerSubdistrict } from '../lib/cases'
import { useCaseBacklog } from '../../../hooks/cases'

/** 积案督办: an officer's list of the sub-district's open cases of a kind, oldest first; those open past the kind's days are marked 积案. */
export default function BacklogPage() {
  const t = useT()
  const { me } = useApp()
  const [kind, setKind] = useState((useRouter().params.kind as string | undefined) ?? 'cityCase')
  const sd = officerSubdistrict(me)
  const list = useCaseBacklog(sd, kind)
  const names = kindNames(kind, t.lang)
  return (
    <Page title='cs.backlogTitle'>
      <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('cs.kind') })}>
        {caseKindNames.map((k) => (
          <Chip key={k} selected={k === kind} onClick={() => setKind(k)} testId={`cs-backlog-kind-${k}`}>
            {kindNames(k, t.lang).kind}
          </Chip>
        ))}
      </View>
      {!sd ? (
        <Empty text={t('cs.noUnit')} />
      ) : (
        <Section>
          <Async q={list} empty={(d) => (d.items.length ? false : t('cs.empty'))}>
            {() => (
              <View data-testid='cs-backlog-list'>
                {list.items.map((c) => (
                  <LinkRow
                    key={c.id}
                    title={c.title}
                    note={[names.state(c.state), t('cs.opened', { days: daysSince(c.createdAt) }), c.backlog ? t('cs.backlog') : '', c.overdue ? t('cs.overdue') : ''].filter(Boolean).join(' · ')}
                    badge={c.backlog ? t('cs.backlog') : undefined}
                    onClick={() => void Taro.navigateTo({ url: `/packages/cases/case/index?id=${c.id}` })}
                    testId={`cs-backlog-${c.id}`}
                  />
                ))}
                {list.hasMore ? (
                  <Btn block loading={list.loadingMore} onClick={() => void list.loadMore()} testId='cs-backlog-more'>
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
