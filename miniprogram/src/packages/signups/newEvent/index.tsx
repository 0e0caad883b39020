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

/** Post a cultural event: what, for whom, where, when, how many, companions allowed. */
export default function NewEventPage() {
  const t = useT()
  const { me } = useApp()
  const units = (me?.grants ?? []).filter((g) => g.role === 'organizer')
  const [unitId, setUnitId] = useState<string>()
  const [f, setF] = useState({ title: '', description: '', place: '', date: chinaDay(7), start: '19:00', end: '21:00', capacity: '50', cutoff: '2', minAge: '', maxAge: '' })
  const [companions, setCompanions] = useState(1)
  const [invalid, setInvalid] = useState<string>()
  const [key] = useState(newIdempotencyKey)
  const act = useAction()
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }))

  const post = () =>
    act.run('post', async () => {
      const unit = unitId ?? units[0]?.unitId
      const startsAt = chinaInstant(f.date, f.start)
      const endsAt = chinaInstant(f.date, f.end)
      const capacity = Number.parseInt(f.capacity, 10)
      const cutoff = Number.parseInt(f.cutoff, 10)
      const age = (s: string) => (s.trim() ? Number.parseInt(s, 10) : undefined)
      const bad: string[] = []
      if (!unit) bad.push(t('su.unit'))
      if (f.title.trim().length < 2) bad.push(t('su.title'))
      if (!f.place.trim()) bad.push(t('su.place'))
      if (!startsAt || !endsAt || endsAt <= startsAt) bad.push(t('su.time'))
      if (!(capacity >= 1)) bad.push(t('su.capacity'))
      if (!(cutoff >= 0 && cutoff <= 168)) bad.push(t('su.cutoffHours'))
      if (bad.length) return setInvalid(t('worker.invalid', { fields: bad.join('、') }))
      setInvalid(undefined)
      const d = await call(api.signups.createEvent, {
        body: {
          unitId: unit!,
          title: f.title.trim(),
          description: f.description.trim(),
          place: f.place.trim(),
          startsAt: startsAt!,
          endsAt: endsAt!,
          capacity,
          maxCompanions: companions,
          cancelCutoffHours: cutoff,
          minAge: age(f.minAge),
          maxAge: age(f.maxAge),
        },
        idempotencyKey: key,
      })
      void Taro.redirectTo({ url: `/packages/signups/event/index?id=${d.event.id}` })
    })

  return (
    <Page title='su.org.newEvent'>
      <Section>
        {units.length > 1 ? (
          <Field label={t('su.unit')}>
            <View className='row'>
              {units.map((g) => (
                <Chip key={g.unitId} selected={(unitId ?? units[0]!.unitId) === g.unitId} onClick={() => setUnitId(g.unitId)} testId={`ne-unit-${g.unitId}`}>
                  {g.unitName}
                </Chip>
              ))}
            </View>
          </Field>
        ) : units[0] ? (
          <Text className='small muted block'>{`${t('su.unit')}：${units[0].unitName}`}</Text>
        ) : null}
        <Field label={t('su.title')}>
          <TextInput label={t('su.title')} value={f.title} onInput={set('title')} testId='ne-title' maxlength={60} />
        </Field>
        <Field label={t('su.description')}>
          <TextArea label={t('su.description')} value={f.description} onInput={set('description')} testId='ne-description' maxlength={2000} />
        </Field>
        <Field label={t('su.place')}>
          <TextInput label={t('su.place')} value={f.place} onInput={set('place')} testId='ne-place' maxlength={100} />
        </Field>
        <Field label={t('su.date')} hint='YYYY-MM-DD'>
          <TextInput label={t('su.date')} value={f.date} onInput={set('date')} testId='ne-date' maxlength={10} />
        </Field>
        <View className='row gap'>
          <Field label={t('su.startTime')}>
            <TextInput label={t('su.startTime')} value={f.start} onInput={set('start')} testId='ne-start' maxlength={5} />
          </Field>
          <Field label={t('su.endTime')}>
            <TextInput label={t('su.endTime')} value={f.end} onInput={set('end')} testId='ne-end' maxlength={5} />
          </Field>
        </View>
        <Field label={t('su.capacity')}>
          <TextInput label={t('su.capacity')} type='number' value={f.capacity} onInput={set('capacity')} testId='ne-capacity' maxlength={4} />
        </Field>
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
        {invalid ? (
          <Text className='small error-text block' {...aria({ role: 'alert' })}>
            {invalid}
          </Text>
        ) : null}
        {act.error ? <ErrorState error={act.error} /> : null}
        <Btn kind='primary' block loading={act.busy === 'post'} onClick={post} testId='ne-post'>
          {t('su.newEvent.post')}
        </Btn>
      </Section>
    </Page>
  )
}
