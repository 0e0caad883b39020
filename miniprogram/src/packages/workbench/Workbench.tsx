import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Me } from '@shared/auth/schemas'
import type { Task } from '@shared/workbench/schemas'
import { Async, Chip, Section, Tag } from '../../components/ui'
import { aria } from '../../components/a11y'
import { useT } from '../../i18n/useT'
import type { MessageKey } from '../../i18n/messages'
import { fmtDate, fmtDateTime } from '../../lib/format'
import { useChosenGrant, useWorkbench, type StaffGrant } from './lib/useWorkbench'

/**
 * 工作台: a staff member's first screen. Their roles as a switcher (the last chosen is remembered), then the tasks of
 * the chosen role as the API orders them: overdue first, then the oldest waiting. Each task opens the page that does it.
 */
export function Workbench({ me, only }: { me: Me; only?: StaffGrant['role'] }) {
  const t = useT()
  const [grant, choose, all] = useChosenGrant(me)
  const grants = only ? all.filter((g) => g.role === only) : all
  const current = only ? grants.find((g) => g.unitId === grant?.unitId && g.role === grant.role) ?? grants[0] : grant
  const q = useWorkbench(current)
  if (!current) return null
  const label = (g: StaffGrant) => `${t(`wb.role.${g.role}` as MessageKey)} · ${g.unitName}`
  return (
    <Section title={t('wb.title')}>
      {grants.length > 1 ? (
        <View className='row' {...aria({ role: 'group', 'aria-label': t('wb.as') })} data-testid='wb-roles'>
          {grants.map((g) => (
            <Chip key={`${g.role}@${g.unitId}`} selected={g === current} onClick={() => choose(g)} testId={`wb-role-${g.role}-${g.unitId}`}>
              {label(g)}
            </Chip>
          ))}
        </View>
      ) : (
        <Text className='small muted block' data-testid='wb-role'>
          {label(current)}
        </Text>
      )}
      <Async q={q}>
        {(wb) => (
          <View data-testid={`wb-tasks-${wb.role}`}>
            {wb.tasks.map((task) => (
              <TaskCard key={task.key} task={task} />
            ))}
          </View>
        )}
      </Async>
    </Section>
  )
}

function TaskCard({ task }: { task: Task }) {
  const t = useT()
  const title = t(`wb.task.${task.key}` as MessageKey)
  const figure =
    task.key === 'unitScore'
      ? task.score === null || task.score === undefined
        ? t('wb.unrated')
        : t('wb.score', { score: task.score })
      : task.count === undefined
        ? ''
        : String(task.count)
  const notes: string[] = []
  if (task.key === 'unitScore') notes.push(t('wb.ofMatters', { n: task.count ?? 0 }))
  if (task.stars) notes.push(t('wb.stars', { n: task.stars }))
  if (task.date) notes.push(t('wb.on', { date: fmtDate(task.date, t.lang) }))
  if (task.oldestAt) notes.push(t('wb.oldest', { date: fmtDateTime(task.oldestAt, t.lang) }))
  const overdue = task.overdue ? t('wb.overdue', { n: task.overdue }) : ''
  const spoken = [title, figure, overdue, ...notes].filter(Boolean).join('，')
  return (
    <View
      className='card'
      onClick={() => void Taro.navigateTo({ url: task.link })}
      {...aria({ role: 'link', tabindex: 0, 'aria-label': spoken, 'data-testid': `wb-task-${task.key}` })}
    >
      <View className='row between'>
        <Text className='card-title'>{title}</Text>
        <Text className='h2' data-testid={`wb-count-${task.key}`}>
          {figure}
        </Text>
      </View>
      {overdue || notes.length ? (
        <View className='row'>
          {overdue ? <Tag tone='bad'>{overdue}</Tag> : null}
          {notes.map((n) => (
            <Text key={n} className='small muted'>
              {n}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
