import '../lib/messages' // this subpackage's texts, registered before the page renders
import '../lib/summary.css'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { chinaMonth } from '@shared/platform/chinaTime'
import { percent, yuanText } from '@shared/platform/figures'
import { periodName, recentHalfYears, type SummaryPeriod } from '@shared/workSummary/period'
import type { SummaryFigure, SummaryLedger, WorkSummary } from '@shared/workSummary/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Field, Section } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { useAction } from '../../../hooks/useAction'
import { saveFile } from '../../../lib/saveFile'
import { org } from '../../../hooks/org'
import { workSummary, useWorkSummary } from '../../../hooks/workSummary'

interface UnitRef {
  id: string
  name: string
}

/** A figure's number as the reports print it: 1.1万元 / ¥11,000, hours for minutes, a count with its measure. */
function valueText(t: ReturnType<typeof useT>, f: Pick<SummaryFigure, 'unit' | 'measureZh'>, n: number): string {
  if (f.unit === 'fen') return t.lang === 'en' ? t('ws.yuan', { n: (n / 100).toLocaleString('en-US') }) : yuanText(n)
  if (f.unit === 'minutes') return t('ws.hours', { n: Math.round((n / 60) * 10) / 10 })
  return t.lang === 'en' ? String(n) : `${n}${f.measureZh ?? ''}`
}

/** ▲ / ▼ / ＝ with the difference in words: the sign is never colour only. */
function Change({ f }: { f: SummaryFigure }) {
  const t = useT()
  const d = f.value - f.previous
  const n = valueText(t, f, Math.abs(d))
  if (d > 0) return <Text className='ws-up'>▲ {t('ws.up', { n })}</Text>
  if (d < 0) return <Text className='ws-down'>▼ {t('ws.down', { n })}</Text>
  return <Text className='ws-same'>＝ {t('ws.same')}</Text>
}

function Bars({ f }: { f: SummaryFigure }) {
  const t = useT()
  const max = Math.max(f.value, f.previous, 1)
  return (
    <View className='ws-bars' {...aria({ 'aria-hidden': true })}>
      {(
        [
          ['ws.barNow', f.value, 'ws-bar-now'],
          ['ws.barBefore', f.previous, 'ws-bar-before'],
        ] as const
      ).map(([label, v, cls]) => (
        <View key={label} className='ws-bar-line'>
          <Text className='ws-bar-label'>{t(label)}</Text>
          <View className='ws-bar-track'>
            <View className={`ws-bar ${cls}`} style={{ width: `${Math.round((v / max) * 100)}%` }} />
          </View>
        </View>
      ))}
    </View>
  )
}

function LedgerCard({ l, s }: { l: SummaryLedger; s: WorkSummary }) {
  const t = useT()
  const name = (x: { zh: string; en: string }) => (t.lang === 'en' ? x.en : x.zh)
  // the records page takes the unit and the period (LedgerDef.recordsPage)
  const open = (page: string) => {
    const unit = s.level === 'community' ? `communityId=${s.unitId}` : `subdistrictId=${s.unitId}`
    void Taro.navigateTo({ url: `${page}?${unit}&unitId=${s.unitId}&from=${s.period.from}&to=${s.period.to}` })
  }
  return (
    <Section title={name(l)}>
      <View data-testid={`ws-ledger-${l.ledger}`}>
        {l.figures.length === 0 && l.rates.length === 0 ? <Empty text={t('common.empty')} /> : null}
        {l.figures.map((f) => {
          const label = `${name(f)} ${valueText(t, f, f.value)}`
          const link = l.recordsPage
          return (
            <View
              key={f.key}
              className={`ws-fig ${link ? 'ws-fig-link' : ''}`}
              onClick={link ? () => open(link) : undefined}
              {...aria({ role: link ? 'link' : 'group', tabindex: link ? 0 : undefined, ...(link ? { title: t('ws.openRecords', { figure: name(f) }) } : { 'aria-label': label }), 'data-testid': `ws-fig-${l.ledger}-${f.key}` })}
            >
              <View className='ws-fig-head'>
                <Text className='body'>{name(f)}</Text>
                <Text className='ws-value'>{valueText(t, f, f.value)}</Text>
              </View>
              <View className='ws-fig-head'>
                <Change f={f} />
                <Text className='small muted'>{t('ws.previous', { value: valueText(t, f, f.previous) })}</Text>
              </View>
              <Bars f={f} />
            </View>
          )
        })}
        {l.rates.map((r) => {
          const d = r.value !== undefined && r.previous !== undefined ? Math.round((r.value - r.previous) * 1000) / 10 : undefined
          return (
            <View key={r.key} className='ws-fig' {...aria({ role: 'group', 'aria-label': `${name(r)} ${percent(r.value)}`, 'data-testid': `ws-rate-${l.ledger}-${r.key}` })}>
              <View className='ws-fig-head'>
                <Text className='body'>{name(r)}</Text>
                <Text className='ws-value'>{percent(r.value)}</Text>
              </View>
              <View className='ws-fig-head'>
                <Text className='small'>{d === undefined ? '' : d === 0 ? `＝ ${t('ws.same')}` : `${d > 0 ? '▲' : '▼'} ${t('ws.rateChange', { sign: d > 0 ? '+' : '−', n: Math.abs(d) })}`}</Text>
                <Text className='small muted'>{t('ws.previous', { value: percent(r.previous) })}</Text>
              </View>
            </View>
          )
        })}
        <View className='ws-text' data-testid={`ws-text-${l.ledger}`}>
          <Text className='small muted block'>{t('ws.text')}</Text>
          <Text className='body block'>{name(l.text)}</Text>
        </View>
      </View>
    </Section>
  )
}

/** 工作总结: a unit's figures for a half-year (or another period) beside the one before, each to its records; xlsx and Word. */
export default function SummaryPage() {
  const t = useT()
  const { me } = useApp()
  const units = useQuery(
    async (): Promise<UnitRef[]> => {
      const grants = me?.grants ?? []
      const sds = grants.filter((g) => g.role === 'subdistrictOfficer')
      const own = grants.filter((g) => g.role === 'communityWorker').map((g) => ({ id: g.unitId, name: g.unitName }))
      // an officer also reads each community of the sub-district
      const more = sds.length ? (await org.communities()).items.filter((c) => sds.some((g) => g.unitId === c.subdistrictId)).map((c) => ({ id: c.id, name: c.name })) : []
      const seen = new Set<string>()
      return [...sds.map((g) => ({ id: g.unitId, name: g.unitName })), ...own, ...more].filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)))
    },
    [me?.id],
    !!me,
  )
  const [picked, setPicked] = useState<string>()
  const unitId = picked ?? units.data?.[0]?.id
  const [halves] = useState(() => recentHalfYears(chinaMonth(Date.now())))
  const [period, setPeriod] = useState<SummaryPeriod>(halves[0]!)
  const summary = useWorkSummary(unitId, period)
  const act = useAction()
  const [exported, setExported] = useState<string>()
  const doExport = (format: 'xlsx' | 'docx') =>
    act.run(`export-${format}`, async () => {
      const file = await workSummary.export({ unitId: unitId!, from: period.from, to: period.to, format })
      await saveFile(file)
      setExported(t('ws.exported', { name: file.filename }))
    })
  const nameOf = (p: { zh: string; en: string }) => (t.lang === 'en' ? p.en : p.zh)

  return (
    <Page title='ws.title'>
      <Async q={units} empty={(d) => (d.length ? false : t('ws.noUnit'))}>
        {(us) => (
          <>
            <Section>
              <Field label={t('ws.unit')}>
                <View className='row' {...aria({ role: 'group', 'aria-label': t('ws.unit') })}>
                  {us.map((u) => (
                    <Chip key={u.id} selected={unitId === u.id} onClick={() => setPicked(u.id)} testId={`ws-unit-${u.id}`}>
                      {u.name}
                    </Chip>
                  ))}
                </View>
              </Field>
              <Field label={t('ws.period')}>
                <View className='row' {...aria({ role: 'group', 'aria-label': t('ws.period') })}>
                  {halves.map((h) => (
                    <Chip key={h.from} selected={period.from === h.from && period.to === h.to} onClick={() => setPeriod(h)} testId={`ws-period-${h.from}`}>
                      {nameOf(periodName(h))}
                    </Chip>
                  ))}
                </View>
              </Field>
            </Section>
            <Async q={summary}>
              {(s) => (
                <>
                  <Section>
                    <Text className='h2' data-testid='ws-title' {...aria({ role: 'heading', 'aria-level': 2 })}>
                      {nameOf(s.title)}
                    </Text>
                    <Text className='small muted block'>{t('ws.comparedWith', { period: nameOf(s.previous) })}</Text>
                  </Section>
                  {s.ledgers.length === 0 ? <Empty text={t('ws.noLedgers')} /> : null}
                  {s.ledgers.map((l) => (
                    <LedgerCard key={l.ledger} l={l} s={s} />
                  ))}
                  <Btn block kind='primary' onClick={() => doExport('docx')} loading={act.busy === 'export-docx'} testId='ws-export-docx'>
                    {t('ws.exportDocx')}
                  </Btn>
                  <Btn block onClick={() => doExport('xlsx')} loading={act.busy === 'export-xlsx'} testId='ws-export-xlsx'>
                    {t('ws.exportXlsx')}
                  </Btn>
                  {exported ? (
                    <Text className='small block' {...aria({ role: 'status' })}>
                      {exported}
                    </Text>
                  ) : null}
                </>
              )}
            </Async>
            {act.error ? <ErrorState error={act.error} /> : null}
          </>
        )}
      </Async>
    </Page>
  )
}
