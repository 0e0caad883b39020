import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ScheduleRuleInput, type ScheduleRule } from '@shared/sayItDay/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Field, Loading, Section, TextInput } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useQuery } from '../../../hooks/useQuery'
import { useAction } from '../../../hooks/useAction'
import { sayItDay } from '../../../hooks/sayItDay'
import { CommunityPicker, useWorkerCommunity } from '../lib/communities'

const days = Array.from({ length: 28 }, (_, i) => i + 1)

interface Form {
  daysOfMonth: number[]
  startTime: string
  durationMinutes: string
  place: string
  cutoffHours: string
}

const toForm = (r: ScheduleRule): Form => ({
  daysOfMonth: r.daysOfMonth,
  startTime: r.startTime,
  durationMinutes: String(r.durationMinutes),
  place: r.place,
  cutoffHours: String(r.cutoffHours),
})

export default function RulePage() {
  const t = useT()
  const { list, communityId, setChosen } = useWorkerCommunity()
  const rule = useQuery(() => sayItDay.scheduleRule(communityId!), [communityId], !!communityId)
  const [form, setForm] = useState<Form>()
  const { busy, error, run } = useAction()
  const [invalid, setInvalid] = useState<string>()

  useEffect(() => {
    if (rule.data) setForm(toForm(rule.data))
  }, [rule.data])

  async function save() {
    if (!form || !rule.data || !communityId) return
    const input = {
      daysOfMonth: [...form.daysOfMonth].sort((a, b) => a - b),
      startTime: form.startTime.trim(),
      durationMinutes: Number(form.durationMinutes),
      place: form.place.trim(),
      cutoffHours: Number(form.cutoffHours),
      version: rule.data.version,
    }
    const parsed = ScheduleRuleInput.safeParse(input)
    if (!parsed.success) {
      const names: Record<string, string> = {
        daysOfMonth: t('worker.days'),
        startTime: t('worker.startTime'),
        durationMinutes: t('worker.duration'),
        place: t('worker.place'),
        cutoffHours: t('worker.cutoffHours'),
      }
      setInvalid(t('worker.invalid', { fields: Array.from(new Set(parsed.error.issues.map((i) => names[String(i.path[0])] ?? String(i.path[0])))).join('、') }))
      return
    }
    setInvalid(undefined)
    await run('save', async () => {
      rule.setData(await sayItDay.putScheduleRule(communityId, parsed.data))
      void Taro.showToast({ title: t('common.saved'), icon: 'success' })
    })
  }

  const toggleDay = (d: number) =>
    form && setForm({ ...form, daysOfMonth: form.daysOfMonth.includes(d) ? form.daysOfMonth.filter((x) => x !== d) : [...form.daysOfMonth, d] })

  return (
    <Page title='worker.rule'>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : !list.data ? <Loading /> : list.data.length === 0 ? <Empty text={t('worker.noCommunity')} /> : null}
      {list.data ? <CommunityPicker list={list.data} communityId={communityId} onPick={setChosen} /> : null}
      {communityId ? (
        <Async q={rule}>
          {() =>
            form ? (
              <Section>
                <Field label={t('worker.days')}>
                  <View className='row' data-testid='rule-days'>
                    {days.map((d) => (
                      <Chip key={d} selected={form.daysOfMonth.includes(d)} onClick={() => toggleDay(d)} testId={`rule-day-${d}`}>
                        {t('worker.day', { n: d })}
                      </Chip>
                    ))}
                  </View>
                </Field>
                <Field label={t('worker.startTime')}>
                  <TextInput label={t('worker.startTime')} value={form.startTime} onInput={(v) => setForm({ ...form, startTime: v })} testId='rule-start-time' maxlength={5} />
                </Field>
                <Field label={t('worker.duration')}>
                  <TextInput label={t('worker.duration')} type='number' value={form.durationMinutes} onInput={(v) => setForm({ ...form, durationMinutes: v })} testId='rule-duration' maxlength={3} />
                </Field>
                <Field label={t('worker.place')}>
                  <TextInput label={t('worker.place')} value={form.place} onInput={(v) => setForm({ ...form, place: v })} testId='rule-place' maxlength={100} />
                </Field>
                <Field label={t('worker.cutoffHours')}>
                  <TextInput label={t('worker.cutoffHours')} type='number' value={form.cutoffHours} onInput={(v) => setForm({ ...form, cutoffHours: v })} testId='rule-cutoff' maxlength={3} />
                </Field>
                {invalid ? <Text className='small error-text block'>{invalid}</Text> : null}
                {error ? <ErrorState error={error} /> : null}
                <Btn kind='primary' block loading={!!busy} onClick={save} testId='rule-save'>
                  {t('common.save')}
                </Btn>
              </Section>
            ) : null
          }
        </Async>
      ) : null}
    </Page>
  )
}
