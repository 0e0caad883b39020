import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { Activity } from '@shared/signups/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, TextInput } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { newIdempotencyKey } from '../../../api/client'
import { chinaDay } from '../../../lib/format'
import { useAction } from '../lib/util'
import { instantsOf, Invalid, TeamPicker, UnitPicker, useFields, WhatFields, WhenFields, whenOf, type When } from '../lib/form'
import { signups } from '../../../hooks/signups'

interface ShiftDraft extends When {
  /** set when editing a shift already posted */
  id?: string
  place: string
  slots: string
  requirements: string
}

const blank = (): ShiftDraft => ({ date: chinaDay(7), start: '09:00', end: '11:00', place: '', slots: '5', requirements: '' })

/**
 * Post a volunteer activity with its shifts (for everyone, or for one team), as a draft or published at once; or, with
 * `?id=`, change one already posted within the rules the API holds: text, each shift's place, slots (never below those
 * taken) and requirements, never its times (people planned around them). A new place is told to those signed up.
 */
export default function NewActivityPage() {
  const id = useRouter().params.id as string | undefined
  const q = useQuery(async () => (id ? (await signups.activity(id)).activity : null), [id])
  return (
    <Page title={id ? 'su.editActivity.title' : 'su.org.newActivity'}>
      <Async q={q}>{(a) => <ActivityForm existing={a ?? undefined} />}</Async>
    </Page>
  )
}

function ActivityForm({ existing }: { existing?: Activity }) {
  const t = useT()
  const { me } = useApp()
  const units = (me?.grants ?? []).filter((g) => g.role === 'organizer')
  const [unitId, setUnitId] = useState<string>()
  const [teamId, setTeamId] = useState<string | undefined>(existing?.teamId)
  const { f, set } = useFields({ title: existing?.title ?? '', description: existing?.description ?? '', cutoff: String(existing?.cancelCutoffHours ?? 24) })
  const [elder, setElder] = useState(existing?.elderToElder ?? false)
  const [shifts, setShifts] = useState<ShiftDraft[]>(
    existing
      ? existing.shifts.map((s) => ({ id: s.id, ...whenOf(s.startsAt, s.endsAt), place: s.place, slots: String(s.slots), requirements: s.requirements ?? '' }))
      : [blank()],
  )
  const [invalid, setInvalid] = useState<string>()
  const [key] = useState(newIdempotencyKey)
  const act = useAction()
  const unit = existing?.unitId ?? unitId ?? units[0]?.unitId

  const edit = (i: number, patch: Partial<ShiftDraft>) => setShifts((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)))

  const check = () => {
    const bad: string[] = []
    if (!unit) bad.push(t('su.unit'))
    if (f.title.trim().length < 2) bad.push(t('su.title'))
    shifts.forEach((s, i) => {
      if ((!s.id && !instantsOf(s)) || !s.place.trim() || !(Number.parseInt(s.slots, 10) >= 1)) bad.push(t('su.newActivity.shiftN', { n: i + 1 }))
    })
    const hours = Number.parseInt(f.cutoff, 10)
    if (!(hours >= 0 && hours <= 168)) bad.push(t('su.cutoffHours'))
    setInvalid(bad.length ? t('worker.invalid', { fields: bad.join('、') }) : undefined)
    return bad.length === 0
  }

  const post = (publish: boolean) =>
    act.run(publish ? 'publish' : 'draft', async () => {
      if (!check()) return
      const d = await signups.createActivity(
        {
          unitId: unit!,
          title: f.title.trim(),
          description: f.description.trim(),
          teamId,
          elderToElder: elder,
          cancelCutoffHours: Number.parseInt(f.cutoff, 10),
          shifts: shifts.map((s) => ({ ...instantsOf(s)!, place: s.place.trim(), slots: Number.parseInt(s.slots, 10), requirements: s.requirements.trim() || undefined })),
        },
        key,
      )
      if (publish) await signups.publishActivity(d.activity.id)
      void Taro.redirectTo({ url: `/packages/signups/activity/index?id=${d.activity.id}` })
    })

  const save = () =>
    act.run('save', async () => {
      const a = existing!
      if (!check()) return
      await signups.editActivity(a.id, {
        version: a.version,
        title: f.title.trim(),
        description: f.description.trim(),
        shifts: shifts.map((s) => ({ id: s.id!, place: s.place.trim(), slots: Number.parseInt(s.slots, 10), requirements: s.requirements.trim() })),
      })
      // back to the activity page, which loads again as it shows
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: `/packages/signups/activity/index?id=${a.id}` }))
    })

  return (
    <>
      <Section>
        {existing ? null : <UnitPicker units={units} value={unitId} onChange={setUnitId} prefix='na' />}
        <WhatFields title={f.title} description={f.description} onTitle={set('title')} onDescription={set('description')} prefix='na' />
        {existing ? null : (
          <>
            <TeamPicker unitId={unit} value={teamId} onChange={setTeamId} prefix='na' />
            <Field label={t('su.activity.elderToElder')} hint={t('su.newActivity.elderHint')}>
              <Chip selected={elder} onClick={() => setElder(!elder)} testId='na-elder'>
                {t('su.activity.elderToElder')}
              </Chip>
            </Field>
            <Field label={t('su.cutoffHours')}>
              <TextInput label={t('su.cutoffHours')} type='number' value={f.cutoff} onInput={set('cutoff')} testId='na-cutoff' maxlength={3} />
            </Field>
          </>
        )}
      </Section>
      {shifts.map((s, i) => (
        <Section key={s.id ?? i} title={t('su.newActivity.shiftN', { n: i + 1 })}>
          <WhenFields value={s} onChange={(w) => edit(i, w)} prefix={`na-shift-${i}`} fixed={s.id ? t('su.edit.timesFixed') : undefined} />
          <Field label={t('su.place')} hint={s.id ? t('su.edit.toldHint') : undefined}>
            <TextInput label={t('su.place')} value={s.place} onInput={(v) => edit(i, { place: v })} testId={`na-shift-${i}-place`} maxlength={100} />
          </Field>
          <Field label={t('su.slots')} hint={s.id ? t('su.edit.capacityHint') : undefined}>
            <TextInput label={t('su.slots')} type='number' value={s.slots} onInput={(v) => edit(i, { slots: v })} testId={`na-shift-${i}-slots`} maxlength={3} />
          </Field>
          <Field label={t('su.requirements')}>
            <TextInput label={t('su.requirements')} value={s.requirements} onInput={(v) => edit(i, { requirements: v })} testId={`na-shift-${i}-req`} maxlength={200} />
          </Field>
          {!existing && shifts.length > 1 ? (
            <Btn small onClick={() => setShifts((list) => list.filter((_, j) => j !== i))} testId={`na-shift-${i}-remove`}>
              {t('su.newActivity.removeShift')}
            </Btn>
          ) : null}
        </Section>
      ))}
      {!existing && shifts.length < 20 ? (
        <Btn block onClick={() => setShifts((list) => [...list, { ...(list[list.length - 1] ?? blank()) }])} testId='na-add-shift'>
          {t('su.newActivity.addShift')}
        </Btn>
      ) : null}
      {existing && existing.teamId ? <Text className='small muted block'>{t('su.team.fixed')}</Text> : null}
      <Invalid text={invalid} />
      {act.error ? <ErrorState error={act.error} /> : null}
      {existing ? (
        <Btn kind='primary' block loading={act.busy === 'save'} onClick={save} testId='na-save'>
          {t('su.edit.save')}
        </Btn>
      ) : (
        <>
          <Btn kind='primary' block loading={act.busy === 'publish'} onClick={() => post(true)} testId='na-publish'>
            {t('su.activity.publish')}
          </Btn>
          <Btn block loading={act.busy === 'draft'} onClick={() => post(false)} testId='na-draft'>
            {t('su.newActivity.saveDraft')}
          </Btn>
        </>
      )}
    </>
  )
}
