import './messages' // this subpackage's texts, registered before any of its pages renders
import type { PropsWithChildren } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { MicroProject } from '@shared/microProjects/schemas'
import { Tag } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import type { useT } from '../../../i18n/useT'
import type { MessageKey } from '../../../i18n/messages'
import { fmtDate } from '../../../lib/format'

/** fen as people read money: 1234.5元, 2.2417万元 */
export function money(fen: number): string {
  const yuan = fen / 100
  return yuan >= 10_000 ? `${Number((yuan / 10_000).toFixed(4))}万元` : `${Number(yuan.toFixed(2))}元`
}

const tone = (s: MicroProject['status']) => (s === 'done' ? 'good' : s === 'rejected' ? 'bad' : s === 'proposed' ? 'warn' : 'brand')

/** One project: its status in words, where it came from, its budget and spending with each receipt. */
export function ProjectCard({ p, t, children }: PropsWithChildren<{ p: MicroProject; t: ReturnType<typeof useT> }>) {
  return (
    <View className='card' {...aria({ 'data-testid': `mp-project-${p.id}` })}>
      <View className='row'>
        <Tag tone={tone(p.status)}>{t(`mp.status.${p.status}` as MessageKey)}</Tag>
      </View>
      <Text className='card-title'>{p.title}</Text>
      <Text className='small muted block'>{t(`mp.from.${p.source.kind}` as MessageKey, { text: p.source.text })}</Text>
      {p.description ? <Text className='body block'>{p.description}</Text> : null}
      <Text className='body block' {...aria({ 'data-testid': `mp-money-${p.id}` })}>
        {t('mp.budgetLine', { budget: money(p.budgetFen), spent: money(p.spentFen) })}
      </Text>
      {p.rejectedReason ? <Text className='small muted block'>{p.rejectedReason}</Text> : null}
      {(p.spending ?? []).map((s) => (
        <View key={s.id} className='spend-line' {...aria({ 'data-testid': `mp-spending-${s.id}` })}>
          <Text className='small block'>{t('mp.spendLine', { day: fmtDate(s.spentOn, t.lang), item: s.item, amount: money(s.amountFen) })}</Text>
          <View className='row wrap'>
            {s.receipts.map((r, i) => (
              <Image key={r.key} src={r.url} mode='aspectFill' style={{ width: '64px', height: '64px', marginRight: '8px' }} {...({ nativeProps: { alt: t('mp.receipt', { n: i + 1 }) } } as object)} />
            ))}
          </View>
        </View>
      ))}
      {children}
    </View>
  )
}
