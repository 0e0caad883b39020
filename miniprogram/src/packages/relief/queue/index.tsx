import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, Section, Tag } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { chinaDay } from '@shared/platform/chinaTime'
import { go, reviewUnits, statusKey, statusTone, typeKey } from '../lib/relief'
import { useReliefQueue } from '../../../hooks/relief'

/** 审核队列: a community's (community workers) or a sub-district's (officers: second level) queue, longest waiting first. */
export default function QueuePage() {
  const t = useT()
  const { me } = useApp()
  const router = useRouter()
  const level = router.params.level as string | undefined
  const all = reviewUnits(me)
  const units = all.filter((u) => !level || u.level === level)
  const [picked, setPicked] = useState<string>()
  const unitId = picked ?? (router.params.unitId as string | undefined) ?? units[0]?.id
  const q = useReliefQueue(unitId)

  if (me && !units.length) return <Page title='rl.queue.title'><Empty text={t('rl.queue.noUnit')} /></Page>
  return (
    <Page title='rl.queue.title'>
      {units.length > 1 ? (
        <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.fig.unit') })}>
          {units.map((u) => (
            <Chip key={u.id} selected={unitId === u.id} onClick={() => setPicked(u.id)} testId={`rl-queue-unit-${u.id}`}>
              {u.name}
            </Chip>
          ))}
        </View>
      ) : null}
      {units.find((u) => u.id === unitId)?.level === 'subdistrict' ? (
        <Btn small onClick={go('/packages/relief/rules/index')} testId='rl-queue-rules'>
          {t('rl.rules.title')}
        </Btn>
      ) : null}
      <Section title={units.find((u) => u.id === unitId)?.name}>
        <Async q={q} empty={(d) => (d.items.length ? false : t('rl.queue.empty'))}>
          {() => (
            <View data-testid='rl-queue'>
              {q.items.map((a) => {
                const h = a.waitedHours ?? 0
                return (
                  <View key={a.id} className='card' onClick={go(`/packages/relief/application/index?id=${a.id}`)} {...aria({ role: 'link', tabindex: 0, 'data-testid': `rl-queue-${a.id}` })}>
                    <View className='row'>
                      <Tag tone={statusTone(a.status)}>{t(statusKey(a.status))}</Tag>
                      <Tag tone={a.eligible ? 'good' : 'warn'}>{t(a.eligible ? 'rl.apply.eligible' : 'rl.apply.notEligible')}</Tag>
                      {a.overdue ? <Text className='tag tag-bad' data-testid={`rl-overdue-${a.id}`}>{t('rl.queue.overdue')}</Text> : null}
                    </View>
                    <Text className='card-title'>{`${t(typeKey(a.type))} · ${a.ownerName}`}</Text>
                    <Text className='small block' data-testid={`rl-waited-${a.id}`}>{`${t('rl.queue.waited', { d: Math.floor(h / 24), h: h % 24 })} · ${t('rl.queue.persons', { n: a.persons })}`}</Text>
                    {a.dueAt ? <Text className='small block'>{t('rl.queue.due', { d: chinaDay(Date.parse(a.dueAt) - 1) })}</Text> : null}
                  </View>
                )
              })}
              {q.hasMore ? (
                <Btn block onClick={q.loadMore} loading={q.loadingMore}>
                  {t('common.loadMore')}
                </Btn>
              ) : null}
            </View>
          )}
        </Async>
      </Section>
    </Page>
  )
}
