import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Btn, Chip, ErrorState, Field, Section, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { api } from '../../../api/routes'
import { call, newIdempotencyKey } from '../../../api/client'
import { chinaDay } from '../../../lib/format'
import { chinaInstant, useAction } from '../lib/util'

interface ShiftDraft {
  date: string
  start: string
  end: string
  place: string
  slots: string
  requirements: string
}

const blank = (): ShiftDraft => ({ date: chinaDay(7), start: '09:00', end: '11:00', place: '', slots: '5', requirements: '' })

/** Post a volunteer activity with its shifts: saved as a draft, or published at once. */
export default function NewActivityPage() {
  const t = useT()
  const { me } = useApp()
  const units = (me?.grants ?? []).filter((g) => g.role === 'organizer')
  const [unitId, setUnitId] = useState<string>()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [elder, setElder] = useState(false)
  const [cutoff, setCutoff] = useState('24')
  const [shifts, setShifts] = useState<ShiftDraft[]>([blank()])
  const [invalid, setInvalid] = useState<string>()
  const [key] = useState(newIdempotencyKey)
  const act = useAction()

  const edit = (i: number, patch: Partial<ShiftDraft>) => setShifts((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)))

  const save = (publish: boolean) =>
    act.run(publish ? 'publish' : 'draft', async () => {
      const unit = unitId ?? units[0]?.unitId
      const bad: string[] = []
      if (!unit) bad.push(t('su.unit'))
      if (title.trim().length < 2) bad.push(t('su.title'))
      const parsed = shifts.map((s, i) => {
        const startsAt = chinaInstant(s.date, s.start)
        const endsAt = chinaInstant(s.date, s.end)
        const slots = Number.parseInt(s.slots, 10)
        if (!startsAt || !endsAt || endsAt <= startsAt || !s.place.trim() || !(slots >= 1)) bad.push(t('su.newActivity.shiftN', { n: i + 1 }))
        return { startsAt: startsAt!, endsAt: endsAt!, place: s.place.trim(), slots, requirements: s.requirements.trim() || undefined }
      })
      const hours = Number.parseInt(cutoff, 10)
      if (!(hours >= 0 && hours <= 168)) bad.push(t('su.cutoffHours'))
      if (bad.length) return setInvalid(t('worker.invalid', { fields: bad.join('、') }))
      setInvalid(undefined)
      const d = await call(api.signups.createActivity, {
        body: { unitId: unit!, title: title.trim(), description: description.trim(), elderToElder: elder, cancelCutoffHours: hours, shifts: parsed },
        idempotencyKey: key,
      })
      if (publish) await call(api.signups.publishActivity, { params: { activityId: d.activity.id } })
      void Taro.redirectTo({ url: `/packages/signups/activity/index?id=${d.activity.id}` })
    })

  return (
    <Page title='su.org.newActivity'>
      <Section>
        {units.length > 1 ? (
          <Field label={t('su.unit')}>
            <View className='row'>
              {units.map((g) => (
                <Chip key={g.unitId} selected={(unitId ?? units[0]!.unitId) === g.unitId} onClick={() => setUnitId(g.unitId)} testId={`na-unit-${g.unitId}`}>
                  {g.unitName}
                </Chip>
              ))}
            </View>
          </Field>
        ) : units[0] ? (
          <Text className='small muted block'>{`${t('su.unit')}：${units[0].unitName}`}</Text>
        ) : null}
        <Field label={t('su.title')}>
          <TextInput label={t('su.title')} value={title} onInput={setTitle} testId='na-title' maxlength={60} />
        </Field>
        <Field label={t('su.description')}>
          <TextArea label={t('su.description')} value={description} onInput={setDescription} testId='na-description' maxlength={2000} />
        </Field>
        <Field label={t('su.activity.elderToElder')} hint={t('su.newActivity.elderHint')}>
          <Chip selected={elder} onClick={() => setElder(!elder)} testId='na-elder'>
            {t('su.activity.elderToElder')}
          </Chip>
        </Field>
        <Field label={t('su.cutoffHours')}>
          <TextInput label={t('su.cutoffHours')} type='number' value={cutoff} onInput={setCutoff} testId='na-cutoff' maxlength={3} />
        </Field>
      </Section>
      {shifts.map((s, i) => (
        <Section key={i} title={t('su.newActivity.shiftN', { n: i + 1 })}>
          <Field label={t('su.date')} hint='YYYY-MM-DD'>
            <TextInput label={t('su.date')} value={s.date} onInput={(v) => edit(i, { date: v })} testId={`na-shift-${i}-date`} maxlength={10} />
          </Field>
          <View className='row gap'>
            <Field label={t('su.startTime')}>
              <TextInput label={t('su.startTime')} value={s.start} onInput={(v) => edit(i, { start: v })} testId={`na-shift-${i}-start`} maxlength={5} />
            </Field>
            <Field label={t('su.endTime')}>
              <TextInput label={t('su.endTime')} value={s.end} onInput={(v) => edit(i, { end: v })} testId={`na-shift-${i}-end`} maxlength={5} />
            </Field>
          </View>
          <Field label={t('su.place')}>
            <TextInput label={t('su.place')} value={s.place} onInput={(v) => edit(i, { place: v })} testId={`na-shift-${i}-place`} maxlength={100} />
          </Field>
          <Field label={t('su.slots')}>
            <TextInput label={t('su.slots')} type='number' value={s.slots} onInput={(v) => edit(i, { slots: v })} testId={`na-shift-${i}-slots`} maxlength={3} />
          </Field>
          <Field label={t('su.requirements')}>
            <TextInput label={t('su.requirements')} value={s.requirements} onInput={(v) => edit(i, { requirements: v })} testId={`na-shift-${i}-req`} maxlength={200} />
          </Field>
          {shifts.length > 1 ? (
            <Btn small onClick={() => setShifts((list) => list.filter((_, j) => j !== i))} testId={`na-shift-${i}-remove`}>
              {t('su.newActivity.removeShift')}
            </Btn>
          ) : null}
        </Section>
      ))}
      {shifts.length < 20 ? (
        <Btn block onClick={() => setShifts((list) => [...list, { ...(list[list.length - 1] ?? blank()) }])} testId='na-add-shift'>
          {t('su.newActivity.addShift')}
        </Btn>
      ) : null}
      {invalid ? (
        <Text className='small error-text block' {...aria({ role: 'alert' })}>
          {invalid}
        </Text>
      ) : null}
      {act.error ? <ErrorState error={act.error} /> : null}
      <Btn kind='primary' block loading={act.busy === 'publish'} onClick={() => save(true)} testId='na-publish'>
        {t('su.activity.publish')}
      </Btn>
      <Btn block loading={act.busy === 'draft'} onClick={() => save(false)} testId='na-draft'>
        {t('su.newActivity.saveDraft')}
      </Btn>
    </Page>
  )
}
