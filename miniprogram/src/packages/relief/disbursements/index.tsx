import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { ImportState } from '@shared/relief/schemas'
import { Text, View } from '@tarojs/components'
import { formatYuan } from '@shared/relief/figures'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Loading, Section, Tag, TextArea, TextInput } from '../../../components/ui'
import { aria, isH5 } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { messages, type MessageKey } from '../../../i18n/messages'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import type { ApiError } from '../../../api/client'
import { chinaDay } from '../../../lib/format'
import { isPeriod, managedCommunities, thisMonth, typeKey, useAction } from '../lib/relief'
import { relief, useDisbursements } from '../../../hooks/relief'

type Import = z.infer<typeof ImportState>

/** How often the page asks how an import is going (the relief worker writes ~100 payments a transaction). */
const POLL_MS = 2000

interface RowError {
  row: number
  column?: string
  code: string
  message: string
}

/** Reads the civil-affairs CSV: WeChat picks it from a chat (chooseMessageFile); a browser has a file input instead. */
async function chooseCsvInWeapp(): Promise<string | undefined> {
  if (Taro.getEnv() !== Taro.ENV_TYPE.WEAPP) return undefined
  const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] })
  const f = r.tempFiles[0]
  if (!f) return undefined
  const read = await Taro.getFileSystemManager().readFileSync(f.path, 'utf8')
  return String(read)
}

/** 资金发放: a month's batch for a community, the payments pending and paid, mark paid; the CSV import with row-level errors. */
export default function DisbursementsPage() {
  const t = useT()
  const { me } = useApp()
  const communities = useQuery(() => managedCommunities(me!), [me?.id], !!me)
  const [picked, setPicked] = useState<string>()
  const communityId = picked ?? communities.data?.[0]?.id
  const [period, setPeriod] = useState(thisMonth())
  const [shown, setShown] = useState(thisMonth())
  const list = useDisbursements(communityId, shown, isPeriod(shown))
  const act = useAction()
  const [done, setDone] = useState<string>()
  const [csv, setCsv] = useState('')
  const [rowErrors, setRowErrors] = useState<RowError[]>([])
  const [sent, setSent] = useState<Import>()
  const officerSd = me?.grants.find((g) => g.role === 'subdistrictOfficer')?.unitId
  const subdistrictId = officerSd ?? me?.grants.find((g) => g.role === 'communityWorker')?.unitPath[0]

  const batch = () =>
    act.run('batch', async () => {
      const p = period.trim()
      if (!isPeriod(p) || !communityId) throw { message: t('rl.fig.badPeriod'), messageEn: t('rl.fig.badPeriod') }
      const r = await relief.batch(communityId, { period: p })
      setDone(t('rl.disb.batchDone', { created: r.created, existing: r.existing, total: r.total }))
      if (shown === p) await list.reload()
      else setShown(p)
    })

  const markPaid = () =>
    act.run('paid', async () => {
      const pending = list.items.filter((d) => d.status === 'pending')
      let n = 0
      for (const type of new Set(pending.map((d) => d.type))) {
        const ids = pending.filter((d) => d.type === type).map((d) => d.householdId)
        for (let i = 0; i < ids.length; i += 100) {
          const r = await relief.markPaid(communityId!, { period: shown, type, householdIds: ids.slice(i, i + 100), paidOn: chinaDay() })
          n += r.updated
        }
      }
      setDone(t('rl.disb.marked', { n }))
      await list.reload()
    })

  const runImport = () =>
    act.run('import', async () => {
      setRowErrors([])
      if (!subdistrictId || !csv.trim()) return
      try {
        // checked whole and accepted: the worker writes it, and the page follows it below
        setDone(undefined)
        setSent(await relief.importDisbursements(subdistrictId, { format: 'csv', content: csv }))
      } catch (e) {
        const err = e as ApiError & { details?: { errors?: RowError[] } }
        if (err.code === 'IMPORT_INVALID') {
          setRowErrors(err.details?.errors ?? [])
          return
        }
        throw e
      }
    })

  // an accepted import is pending until the relief worker has written it: ask again every POLL_MS until it is not
  useEffect(() => {
    if (!sent || sent.state !== 'pending' || !subdistrictId) return
    const timer = setTimeout(() => {
      relief.importState(subdistrictId, sent.id).then(
        (now) => {
          setSent(now)
          if (now.state === 'done') void list.reload()
        },
        // a dropped network: the same state again, so this effect asks once more after POLL_MS
        () => setSent({ ...sent }),
      )
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [sent, subdistrictId])

  async function pickFile() {
    try {
      const text = await chooseCsvInWeapp()
      if (text !== undefined) setCsv(text)
    } catch {
      /* cancelled */
    }
  }

  const items = list.items
  const paid = items.filter((d) => d.status === 'paid').length
  const total = items.reduce((s, d) => s + Math.round(d.amount * 100), 0) / 100
  return (
    <Page title='rl.disb.title'>
      <Async q={communities} empty={(d) => (d.length ? false : t('rl.queue.noUnit'))}>
        {(cs) => (
          <>
            <Section>
              {cs.length > 1 ? (
                <Field label={t('rl.disb.community')}>
                  <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.disb.community') })}>
                    {cs.map((c) => (
                      <Chip key={c.id} selected={communityId === c.id} onClick={() => setPicked(c.id)} testId={`rl-disb-community-${c.id}`}>
                        {c.name}
                      </Chip>
                    ))}
                  </View>
                </Field>
              ) : (
                <Text className='body block'>{`${t('rl.disb.community')}：${cs[0]?.name ?? ''}`}</Text>
              )}
              <Field label={t('rl.disb.period')}>
                <TextInput label={t('rl.disb.period')} value={period} onInput={(v) => setPeriod(v)} testId='rl-disb-period' maxlength={7} />
              </Field>
              <View className='row gap'>
                <Btn onClick={() => isPeriod(period) && setShown(period.trim())} testId='rl-disb-show'>
                  {t('rl.fig.show')}
                </Btn>
                <Btn kind='primary' onClick={batch} loading={act.busy === 'batch'} testId='rl-disb-batch'>
                  {t('rl.disb.batch')}
                </Btn>
              </View>
              {done ? (
                <Text className='body block' {...aria({ role: 'status' })} data-testid='rl-disb-done'>
                  {done}
                </Text>
              ) : null}
            </Section>

            <Section title={`${t('rl.disb.list')} ${shown}`}>
              <Async q={list} empty={(d) => (d.items.length ? false : t('rl.disb.empty'))}>
                {() => (
                  <View data-testid='rl-disb-list'>
                    <Text className='body block' data-testid='rl-disb-total'>
                      {t('rl.disb.total', { h: items.length, p: items.reduce((s, d) => s + d.persons, 0), amount: formatYuan(total) })}
                    </Text>
                    {items.map((d) => (
                      <View key={`${d.type}-${d.householdId}`} className='card' data-testid={`rl-disb-${d.type}-${d.householdId}`}>
                        <View className='row'>
                          <Tag tone={d.status === 'paid' ? 'good' : 'warn'}>{t(d.status === 'paid' ? 'rl.disb.paid' : 'rl.disb.pending')}</Tag>
                          <Tag tone='neutral'>{t(typeKey(d.type))}</Tag>
                        </View>
                        <Text className='body block'>{t('rl.disb.line', { name: d.headName, persons: d.persons, amount: formatYuan(d.amount) })}</Text>
                      </View>
                    ))}
                    {list.hasMore ? (
                      <Btn block onClick={list.loadMore} loading={list.loadingMore}>
                        {t('common.loadMore')}
                      </Btn>
                    ) : null}
                    {paid < items.length ? (
                      <Btn block kind='primary' onClick={markPaid} loading={act.busy === 'paid'} testId='rl-disb-mark-paid'>
                        {t('rl.disb.markPaid')}
                      </Btn>
                    ) : null}
                  </View>
                )}
              </Async>
            </Section>

            {subdistrictId ? (
              <Section title={t('rl.disb.import')}>
                <Text className='small muted block'>{t('rl.disb.importHint')}</Text>
                {isH5 ? (
                  <View className='field'>
                    <Text className='label'>{t('rl.disb.chooseFile')}</Text>
                    <input
                      className='rl-file'
                      type='file'
                      accept='.csv,text/csv'
                      aria-label={t('rl.disb.chooseFile')}
                      data-testid='rl-import-file'
                      onChange={(e) => {
                        const f = e.currentTarget.files?.[0]
                        if (f) void f.text().then(setCsv)
                      }}
                    />
                  </View>
                ) : (
                  <Btn block onClick={pickFile} testId='rl-import-file'>
                    {t('rl.disb.chooseFile')}
                  </Btn>
                )}
                <Field label={t('rl.disb.paste')}>
                  <TextArea label={t('rl.disb.paste')} value={csv} onInput={setCsv} testId='rl-import-csv' maxlength={4_000_000} />
                </Field>
                <Btn block onClick={runImport} disabled={!csv.trim()} loading={act.busy === 'import'} testId='rl-import-run'>
                  {t('rl.disb.importRun')}
                </Btn>
                {sent ? (
                  <Text className={`body block${sent.state === 'failed' ? ' error-text' : ''}`} {...aria({ role: sent.state === 'failed' ? 'alert' : 'status' })} data-testid={`rl-import-${sent.state}`}>
                    {t(sent.state === 'done' ? 'rl.disb.imported' : sent.state === 'failed' ? 'rl.disb.importFailed' : 'rl.disb.importPending', { rows: sent.rows, imported: sent.imported, present: sent.alreadyPresent })}
                  </Text>
                ) : null}
                {rowErrors.length ? (
                  <View data-testid='rl-import-errors' {...aria({ role: 'alert' })}>
                    <Text className='body block error-text'>{t('rl.disb.importErrors', { n: rowErrors.length })}</Text>
                    {rowErrors.map((r, i) => (
                      <Text key={i} className='body block error-text'>{t('rl.disb.rowError', { row: r.row, column: r.column && `rl.col.${r.column}` in messages ? t(`rl.col.${r.column}` as MessageKey) : (r.column ?? ''), message: r.message })}</Text>
                    ))}
                  </View>
                ) : null}
              </Section>
            ) : null}
            {act.error ? <ErrorState error={act.error} /> : null}
          </>
        )}
      </Async>
      {!me ? <Loading /> : null}
    </Page>
  )
}
