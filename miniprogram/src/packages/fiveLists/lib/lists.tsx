import { View } from '@tarojs/components'
import type { FiveListMatter } from '@shared/fiveLists/schemas'
import { Async, Chip } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import type { MessageKey } from '../../../i18n/messages'
import type { Query } from '../../../hooks/useQuery'
import { FiveListCard } from './ui'

export interface ListTab<K extends string> {
  key: K
  label: MessageKey
}

/** A row of tabs (toggle chips with aria-pressed) over lists of matters. */
export function Tabs<K extends string>({ tabs, tab, onTab, prefix }: { tabs: ListTab<K>[]; tab: K; onTab: (k: K) => void; prefix: string }) {
  const t = useT()
  return (
    <View className='row' {...aria({ role: 'group' })}>
      {tabs.map((x) => (
        <Chip key={x.key} selected={tab === x.key} onClick={() => onTab(x.key)} testId={`${prefix}-tab-${x.key}`}>
          {t(x.label)}
        </Chip>
      ))}
    </View>
  )
}

export function MatterList({ q, empty, testId }: { q: Query<FiveListMatter[]>; empty: string; testId: string }) {
  return (
    <Async q={q} empty={(items) => (items.length ? false : empty)}>
      {(items) => (
        <View data-testid={testId}>
          {items.map((m) => (
            <FiveListCard key={m.id} m={m} />
          ))}
        </View>
      )}
    </Async>
  )
}

/** Several lists read at once and shown as one, soonest deadline first. */
export function merged(pages: { items: FiveListMatter[] }[]): FiveListMatter[] {
  return pages.flatMap((p) => p.items).sort((a, b) => (a.deadlineAt ?? '9').localeCompare(b.deadlineAt ?? '9'))
}
