import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { figureLine, formatYuan, summaryRanges } from '@shared/relief/figures'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Field, Section, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { saveFile } from '../../../lib/saveFile'
import { isPeriod, managedCommunities, RELIEF_TYPES, thisMonth, typeKey, useAction, type ReliefTypeName } from '../lib/relief'
import { relief } from '../../../hooks/relief'

/** 救助统计: 户次 / 人次 / 金额 by type for a unit and period, as a work summary prints them; a bar per month; export. */
export default function FiguresPage() {
  const t = useT()
  const { me } = useApp()
  const units = useQuery(
    async () => [
      ...(me?.grants ?? []).filter((g) => g.role === 'subdistrictOfficer').map((g) => ({ id: g.unitId, name: g.unitName })),
      ...(await managedCommunities(me!)),
    ],
    [me?.id],
    !!me,
  )
  const [picked, setPicked] = useState<string>()
  const unitId = picked ?? units.data?.[0]?.id
  // a work summary is by half-year: this half-year so far, unless another range is picked
  const [ranges] = useState(() => summaryRanges(thisMonth()))
  const [from, setFrom] = useState(ranges.half.from)
  const [to, setTo] = useState(ranges.half.to)
  const [type, setType] = useState<ReliefTypeName>()
  const [query, setQuery] = useState({ ...ranges.half, type: undefined as ReliefTypeName | undefined })
  const pickRange = (r: { from: string; to: string }) => {
    setFrom(r.from)
    setTo(r.to)
    setBad(false)
    setQuery({ ...r, type })
  }
  const [bad, setBad] = useState(false)
  const figures = useQuery(() => relief.figures({ unitId: unitId!, ...query }), [unitId, query.from, query.to, query.type], !!unitId)
  const act = useAction()
  const [exported, setExported] = useState<string>()

  function show() {
    const ok = isPeriod(from) && isPeriod(to) && from.trim() <= to.trim()
    setBad(!ok)
    if (ok) setQuery({ from: from.trim(), to: to.trim(), type })
  }
  // xlsx for Excel (the civil-affairs desk's tool), csv for anything else
  const doExport = (format: 'xlsx' | 'csv') =>
    act.run(`export-${format}`, async () => {
      const file = await relief.figuresExport({ unitId: unitId!, ...query, format })
      await saveFile(file)
      setExported(t('rl.fig.exported', { name: file.filename }))
    })

  return (
    <Page title='rl.fig.title'>
      <Async q={units} empty={(d) => (d.length ? false : t('rl.queue.noUnit'))}>
        {(us) => (
          <>
            <Section>
              <Field label={t('rl.fig.unit')}>
                <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.fig.unit') })}>
                  {us.map((u) => (
                    <Chip key={u.id} selected={unitId === u.id} onClick={() => setPicked(u.id)} testId={`rl-fig-unit-${u.id}`}>
                      {u.name}
                    </Chip>
                  ))}
                </View>
              </Field>
              <Field label={t('rl.fig.range')}>
                <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.fig.range') })}>
                  {(['half', 'lastHalf', 'year', 'month'] as const).map((k) => (
                    <Chip key={k} selected={query.from === ranges[k].from && query.to === ranges[k].to} onClick={() => pickRange(ranges[k])} testId={`rl-fig-range-${k}`}>
                      {t(`rl.fig.range.${k}`)}
                    </Chip>
                  ))}
                </View>
              </Field>
              <Field label={t('rl.fig.from')}>
                <TextInput label={t('rl.fig.from')} value={from} onInput={setFrom} testId='rl-fig-from' maxlength={7} />
              </Field>
              <Field label={t('rl.fig.to')} error={bad ? t('rl.fig.badPeriod') : undefined}>
                <TextInput label={t('rl.fig.to')} value={to} onInput={setTo} testId='rl-fig-to' maxlength={7} />
              </Field>
              <Field label={t('rl.fig.type')}>
                <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.fig.type') })}>
                  <Chip selected={!type} onClick={() => setType(undefined)} testId='rl-fig-type-all'>
                    {t('rl.fig.allTypes')}
                  </Chip>
                  {RELIEF_TYPES.map((ty) => (
                    <Chip key={ty} selected={type === ty} onClick={() => setType(ty)} testId={`rl-fig-type-${ty}`}>
                      {t(typeKey(ty))}
                    </Chip>
                  ))}
                </View>
              </Field>
              <Btn block kind='primary' onClick={show} testId='rl-fig-show'>
                {t('rl.fig.show')}
              </Btn>
            </Section>

            <Async q={figures}>
              {(f) => {
                const byMonth = new Map<string, { amount: number; h: number }>()
                for (const m of f.months) {
                  const x = byMonth.get(m.period) ?? { amount: 0, h: 0 }
                  byMonth.set(m.period, { amount: Math.round((x.amount + m.amount) * 100) / 100, h: x.h + m.householdTimes })
                }
                const months = [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b))
                const max = Math.max(1, ...months.map(([, v]) => v.amount))
                return (
                  <>
                    <Section title={t('rl.fig.rows', { unit: f.unitName, from: f.from, to: f.to })}>
                      {f.rows.length ? (
                        <View data-testid='rl-fig-rows'>
                          {f.rows.map((r) => (
                            <Text key={r.type} className='body block' data-testid={`rl-fig-row-${r.type}`}>
                              {t.lang === 'en'
                                ? t('rl.fig.lineEn', { name: t(typeKey(r.type)), h: r.householdTimes, p: r.personTimes, amount: formatYuan(r.amount) })
                                : figureLine({ type: r.type, householdTimes: r.householdTimes, personTimes: r.personTimes, amount: r.amount })}
                            </Text>
                          ))}
                        </View>
                      ) : (
                        <Empty text={t('rl.fig.empty')} />
                      )}
                    </Section>
                    {months.length ? (
                      <Section title={t('rl.fig.chart')}>
                        <View data-testid='rl-fig-chart' {...aria({ role: 'list' })}>
                          {months.map(([period, v]) => (
                            <View key={period} className='rl-bar-row' {...aria({ role: 'listitem' })}>
                              <Text className='small block'>{t('rl.fig.bar', { period, amount: formatYuan(v.amount), h: v.h })}</Text>
                              <View className='rl-bar-track' {...aria({ 'aria-hidden': true })}>
                                <View className='rl-bar' style={{ width: `${Math.round((v.amount / max) * 100)}%` }} />
                              </View>
                            </View>
                          ))}
                        </View>
                      </Section>
                    ) : null}
                    <Btn block kind='primary' onClick={() => doExport('xlsx')} loading={act.busy === 'export-xlsx'} testId='rl-fig-export-xlsx'>
                      {t('rl.fig.exportXlsx')}
                    </Btn>
                    <Btn block onClick={() => doExport('csv')} loading={act.busy === 'export-csv'} testId='rl-fig-export'>
                      {t('rl.fig.export')}
                    </Btn>
                    {exported ? (
                      <Text className='small block' {...aria({ role: 'status' })}>
                        {exported}
                      </Text>
                    ) : null}
                  </>
                )
              }}
            </Async>
            {act.error ? <ErrorState error={act.error} /> : null}
          </>
        )}
      </Async>
    </Page>
  )
}
