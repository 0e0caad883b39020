import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { CulturalEvent } from '@shared/signups/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, TextInput } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { newIdempotencyKey } from '../../../api/client'
import { chinaDay } from '../../../lib/format'
import { useAction } from '../lib/util'
import { instantsOf, Invalid, PosterField, UnitPicker, useFields, WhatFields, WhenFields, whenOf, type Poster, type When } from '../lib/form'
import { signups } from '../../../hooks/signups'

/**
 * Post a cultural event (what, for whom, where, when, how many, companions allowed, a poster), or, with `?id=`, change
 * one already posted within the rules the API holds: its time until the cancellation cut-off, the capacity not below
 * what is taken. Everyone registered is told of a new time or place.
 */
export default function NewEventPage() {
  const id = useRouter().params.id as string | undefined
  const q = useQuery(async () => (id ? (await signups.event(id)).event : null), [id])
  return (
    <Page title={id ? 'su.editEvent.title' : 'su.org.newEvent'}>
      <Async q={q}>{(e) => <EventForm existing={e ?? undefined} />}</Async>
    </Page>
  )
}

function EventForm({ existing }: { existing?: CulturalEvent }) {
  const t = useT()
  const { me } = useApp()
  const units = (me?.grants ?? []).filter((g) => g.role === 'organizer')
  const [unitId, setUnitId] = useState<string>()
  const { f, set } = useFields({
    title: existing?.title ?? '',
    description: existing?.description ?? '',
    place: existing?.place ?? '',
    capacity: String(existing?.capacity ?? 50),
    cutoff: String(existing?.cancelCutoffHours ?? 2),
    minAge: existing?.minAge !== undefined ? String(existing.minAge) : '',
    maxAge: existing?.maxAge !== undefined ? String(existing.maxAge) : '',
  })
  const [when, setWhen] = useState<When>(existing ? whenOf(existing.startsAt, existing.endsAt) : { date: chinaDay(7), start: '19:00', end: '21:00' })
  const [poster, setPoster] = useState<Poster>({ key: existing?.posterKey, preview: existing?.posterUrl, state: existing?.posterKey ? 'done' : 'none' })
  const [companions, setCompanions] = useState(existing?.maxCompanions ?? 1)
  const [invalid, setInvalid] = useState<string>()
  const [key] = useState(newIdempotencyKey)
  const act = useAction()

  const check = () => {
    const bad: string[] = []
    if (!existing && !(unitId ?? units[0]?.unitId)) bad.push(t('su.unit'))
    if (f.title.trim().length < 2) bad.push(t('su.title'))
    if (!f.place.trim()) bad.push(t('su.place'))
    if (!instantsOf(when)) bad.push(t('su.time'))
    if (!(Number.parseInt(f.capacity, 10) >= 1)) bad.push(t('su.capacity'))
    const cutoff = Number.parseInt(f.cutoff, 10)
    if (!(cutoff >= 0 && cutoff <= 168)) bad.push(t('su.cutoffHours'))
    if (poster.state === 'uploading') bad.push(t('su.poster.label'))
    setInvalid(bad.length ? t('worker.invalid', { fields: bad.join('、') }) : undefined)
    return bad.length === 0
  }

  const post = () =>
    act.run('post', async () => {
      if (!check()) return
      const age = (s: string) => (s.trim() ? Number.parseInt(s, 10) : undefined)
      const d = await signups.createEvent(
        {
          unitId: (unitId ?? units[0]?.unitId)!,
          title: f.title.trim(),
          description: f.description.trim(),
          posterKey: poster.key ?? undefined,
          place: f.place.trim(),
          ...instantsOf(when)!,
          capacity: Number.parseInt(f.capacity, 10),
          maxCompanions: companions,
          cancelCutoffHours: Number.parseInt(f.cutoff, 10),
          minAge: age(f.minAge),
          maxAge: age(f.maxAge),
        },
        key,
      )
      void Taro.redirectTo({ url: `/packages/signups/event/index?id=${d.event.id}` })
    })

  const save = () =>
    act.run('save', async () => {
      const e = existing!
      if (!check()) return
      const times = instantsOf(when)!
      const retimed = times.startsAt !== e.startsAt || times.endsAt !== e.endsAt
      await signups.editEvent(e.id, {
        version: e.version ?? 0,
        title: f.title.trim(),
        description: f.description.trim(),
        place: f.place.trim(),
        capacity: Number.parseInt(f.capacity, 10),
        ...(poster.key !== (e.posterKey ?? undefined) ? { posterKey: poster.key ?? null } : {}),
        ...(retimed ? times : {}),
      })
      // back to the event page, which loads again as it shows
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: `/packages/signups/event/index?id=${e.id}` }))
    })

  return (
    <Section>
      {existing ? null : <UnitPicker units={units} value={unitId} onChange={setUnitId} prefix='ne' />}
      <WhatFields title={f.title} description={f.description} onTitle={set('title')} onDescription={set('description')} prefix='ne' />
      <PosterField value={poster} onChange={setPoster} prefix='ne' />
      <Field label={t('su.place')} hint={existing ? t('su.edit.toldHint') : undefined}>
        <TextInput label={t('su.place')} value={f.place} onInput={set('place')} testId='ne-place' maxlength={100} />
      </Field>
      <WhenFields value={when} onChange={setWhen} prefix='ne' />
      <Field label={t('su.capacity')} hint={existing ? t('su.edit.capacityHint') : undefined}>
        <TextInput label={t('su.capacity')} type='number' value={f.capacity} onInput={set('capacity')} testId='ne-capacity' maxlength={4} />
      </Field>
      {existing ? null : (
        <>
          <Field label={t('su.event.maxCompanions')}>
            <View className='row'>
              {[0, 1, 2, 3].map((n) => (
                <Chip key={n} selected={companions === n} onClick={() => setCompanions(n)} testId={`ne-companions-${n}`}>
                  {String(n)}
                </Chip>
              ))}
            </View>
          </Field>
          <Field label={t('su.cutoffHours')}>
            <TextInput label={t('su.cutoffHours')} type='number' value={f.cutoff} onInput={set('cutoff')} testId='ne-cutoff' maxlength={3} />
          </Field>
          <Field label={t('su.event.minAge')} hint={t('su.event.ageHint')}>
            <TextInput label={t('su.event.minAge')} type='number' value={f.minAge} onInput={set('minAge')} testId='ne-min-age' maxlength={3} />
          </Field>
          <Field label={t('su.event.maxAge')}>
            <TextInput label={t('su.event.maxAge')} type='number' value={f.maxAge} onInput={set('maxAge')} testId='ne-max-age' maxlength={3} />
          </Field>
        </>
      )}
      <Invalid text={invalid} />
      {act.error ? <ErrorState error={act.error} /> : null}
      {existing ? (
        <Btn kind='primary' block loading={act.busy === 'save'} onClick={save} testId='ne-save'>
          {t('su.edit.save')}
        </Btn>
      ) : (
        <Btn kind='primary' block loading={act.busy === 'post'} onClick={post} testId='ne-post'>
          {t('su.newEvent.post')}
        </Btn>
      )}
    </Section>
  )
}
