import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Field, Section } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { fmtDate } from '../../../lib/format'
import { managedCommunities, type UnitRef } from '../lib/relief'
import { org } from '../../../hooks/org'
import { useReliefNotice } from '../../../hooks/relief'

/**
 * 低保公示: the community's approved dibao households for the notice period, names masked by the server; what a public
 * notice is and how to object (at the community office, in person or in writing: nothing is sent from here).
 */
export default function NoticePage() {
  const t = useT()
  const { me } = useApp()
  const communities = useQuery(
    async () => {
      const own: UnitRef[] = me!.grants.filter((g) => g.role === 'resident').map((g) => ({ id: g.unitId, name: g.unitName }))
      const gridCommunities = me!.grants.filter((g) => g.role === 'gridWorker').map((g) => g.unitPath[1]!)
      let ofGrids: UnitRef[] = []
      if (gridCommunities.length) ofGrids = (await org.communities()).items.filter((c) => gridCommunities.includes(c.id)).map((c) => ({ id: c.id, name: c.name }))
      const seen = new Set<string>()
      return [...own, ...ofGrids, ...(await managedCommunities(me!))].filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)))
    },
    [me?.id],
    !!me,
  )
  const [picked, setPicked] = useState<string>()
  const communityId = picked ?? communities.data?.[0]?.id
  const sep = t.lang === 'en' ? ': ' : '：'
  const notice = useReliefNotice(communityId)

  return (
    <Page title='rl.notice.title'>
      <Section>
        <Text className='body block' data-testid='rl-notice-about'>
          {t('rl.notice.about')}
        </Text>
        <Text className='body block' data-testid='rl-notice-objection'>
          {t('rl.notice.objection')}
        </Text>
      </Section>
      <Async q={communities} empty={(d) => (d.length ? false : t('rl.notice.noCommunity'))}>
        {(list) => (
          <Section title={list.length === 1 ? list[0]!.name : undefined}>
            {list.length > 1 ? (
              <Field label={t('rl.notice.community')}>
                <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.notice.community') })}>
                  {list.map((c) => (
                    <Chip key={c.id} selected={communityId === c.id} onClick={() => setPicked(c.id)} testId={`rl-notice-c-${c.id}`}>
                      {c.name}
                    </Chip>
                  ))}
                </View>
              </Field>
            ) : null}
            <Async q={notice} empty={() => (notice.items.length ? false : t('rl.notice.none'))}>
              {() => (
                <View data-testid='rl-notice-list' {...aria({ role: 'list' })}>
                  {notice.items.map((n, i) => (
                    <View key={`${n.name}-${n.approvedOn}-${i}`} className='card' {...aria({ role: 'listitem', 'data-testid': `rl-notice-${i}` })}>
                      <Text className='card-title'>{n.name}</Text>
                      <Text className='body block'>{t('rl.notice.persons', { n: n.persons })}</Text>
                      <Text className='small block'>{`${t('rl.notice.approvedOn')}${sep}${fmtDate(n.approvedOn, t.lang)}`}</Text>
                      <Text className='small block'>{`${t('rl.notice.until')}${sep}${fmtDate(n.until, t.lang)}`}</Text>
                    </View>
                  ))}
                  {notice.hasMore ? (
                    <Btn block loading={notice.loadingMore} onClick={notice.loadMore} testId='rl-notice-more'>
                      {t('common.loadMore')}
                    </Btn>
                  ) : null}
                </View>
              )}
            </Async>
          </Section>
        )}
      </Async>
    </Page>
  )
}
