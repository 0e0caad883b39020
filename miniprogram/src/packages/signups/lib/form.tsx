import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { VolunteerTeam } from '@shared/signups/schemas'
import { chinaClock, chinaDay } from '@shared/platform/chinaTime'
import { Btn, Chip, Field, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useQuery } from '../../../hooks/useQuery'
import { pickPhotos, uploadPhoto } from '../../../lib/upload'
import { chinaInstant } from './util'
import { signups } from '../../../hooks/signups'

/**
 * The parts an organizer's forms share (posting and editing an activity or an event): which unit, what, when, the
 * poster, the team, and what is wrong with it. Each part takes a `prefix` so the pages keep their own test ids.
 */

export interface UnitChoice {
  unitId: string
  unitName: string
}

/** The unit to post for: a choice when I organize for more than one, a line when for one. */
export function UnitPicker({ units, value, onChange, prefix }: { units: UnitChoice[]; value: string | undefined; onChange: (unitId: string) => void; prefix: string }) {
  const t = useT()
  if (units.length > 1) {
    return (
      <Field label={t('su.unit')}>
        <View className='row'>
          {units.map((g) => (
            <Chip key={g.unitId} selected={(value ?? units[0]!.unitId) === g.unitId} onClick={() => onChange(g.unitId)} testId={`${prefix}-unit-${g.unitId}`}>
              {g.unitName}
            </Chip>
          ))}
        </View>
      </Field>
    )
  }
  return units[0] ? <Text className='small muted block'>{`${t('su.unit')}：${units[0].unitName}`}</Text> : null
}

/** Title and description. */
export function WhatFields(p: { title: string; description: string; onTitle: (v: string) => void; onDescription: (v: string) => void; prefix: string }) {
  const t = useT()
  return (
    <>
      <Field label={t('su.title')}>
        <TextInput label={t('su.title')} value={p.title} onInput={p.onTitle} testId={`${p.prefix}-title`} maxlength={60} />
      </Field>
      <Field label={t('su.description')}>
        <TextArea label={t('su.description')} value={p.description} onInput={p.onDescription} testId={`${p.prefix}-description`} maxlength={2000} />
      </Field>
    </>
  )
}

export interface When {
  date: string
  start: string
  end: string
}

/** 2026-12-10T01:00:00Z → { date: 2026-12-10, start: 09:00 } in China time. */
export function whenOf(startsAt: string, endsAt: string): When {
  return { date: chinaDay(startsAt), start: chinaClock(startsAt), end: chinaClock(endsAt) }
}

/** The typed date and times as instants; undefined when malformed or the end is not after the start. */
export function instantsOf(w: When): { startsAt: string; endsAt: string } | undefined {
  const startsAt = chinaInstant(w.date, w.start)
  const endsAt = chinaInstant(w.date, w.end)
  return startsAt && endsAt && endsAt > startsAt ? { startsAt, endsAt } : undefined
}

/** Date, start and end (China time). `fixed`: shown, not editable, with the reason. */
export function WhenFields({ value, onChange, prefix, fixed }: { value: When; onChange: (w: When) => void; prefix: string; fixed?: string }) {
  const t = useT()
  if (fixed) {
    return (
      <View className='kv'>
        <Text className='k'>{t('su.time')}</Text>
        <Text className='v' {...aria({ 'data-testid': `${prefix}-time` })}>{`${value.date} ${value.start}–${value.end}`}</Text>
        <Text className='small muted block'>{fixed}</Text>
      </View>
    )
  }
  return (
    <>
      <Field label={t('su.date')} hint='YYYY-MM-DD'>
        <TextInput label={t('su.date')} value={value.date} onInput={(date) => onChange({ ...value, date })} testId={`${prefix}-date`} maxlength={10} />
      </Field>
      <View className='row gap'>
        <Field label={t('su.startTime')}>
          <TextInput label={t('su.startTime')} value={value.start} onInput={(start) => onChange({ ...value, start })} testId={`${prefix}-start`} maxlength={5} />
        </Field>
        <Field label={t('su.endTime')}>
          <TextInput label={t('su.endTime')} value={value.end} onInput={(end) => onChange({ ...value, end })} testId={`${prefix}-end`} maxlength={5} />
        </Field>
      </View>
    </>
  )
}

export interface Poster {
  /** the upload key the event names; null: taken down */
  key?: string | null
  /** what to show: the picked file, or the stored poster's URL */
  preview?: string
  state: 'none' | 'uploading' | 'done' | 'failed'
}

/**
 * The poster: picked from the album or the camera and uploaded at once by presigned POST (the app's upload flow), so
 * posting waits only for the event itself. Replace or take down.
 */
export function PosterField({ value, onChange, prefix }: { value: Poster; onChange: (p: Poster) => void; prefix: string }) {
  const t = useT()
  async function pick() {
    let picked
    try {
      picked = (await pickPhotos(1))[0]
    } catch {
      return // cancelled
    }
    if (!picked) return
    onChange({ preview: picked.path, state: 'uploading', key: value.key })
    try {
      onChange({ preview: picked.path, state: 'done', key: await uploadPhoto(picked) })
    } catch {
      onChange({ preview: picked.path, state: 'failed', key: value.key })
    }
  }
  return (
    <Field label={t('su.poster.label')} hint={t('su.poster.hint')}>
      {value.preview && value.key !== null ? (
        <Image className='poster' src={value.preview} mode='aspectFill' {...({ nativeProps: { alt: t('su.poster.alt') } } as object)} />
      ) : null}
      {value.state === 'uploading' || value.state === 'failed' ? (
        <Text className={`small block ${value.state === 'failed' ? 'error-text' : 'muted'}`} {...aria({ role: value.state === 'failed' ? 'alert' : 'status' })}>
          {value.state === 'uploading' ? t('submit.uploading') : t('submit.uploadFailed')}
        </Text>
      ) : null}
      <View className='row gap'>
        <Btn small loading={value.state === 'uploading'} onClick={pick} testId={`${prefix}-poster`}>
          {value.key ? t('su.poster.replace') : t('su.poster.add')}
        </Btn>
        {value.key ? (
          <Btn small onClick={() => onChange({ key: null, state: 'none' })} testId={`${prefix}-poster-remove`}>
            {t('su.poster.remove')}
          </Btn>
        ) : null}
      </View>
    </Field>
  )
}

/** The team an activity is for (only its members may sign up), from the teams of the unit; or everyone. */
export function TeamPicker({ unitId, value, onChange, prefix }: { unitId: string | undefined; value: string | undefined; onChange: (teamId: string | undefined) => void; prefix: string }) {
  const t = useT()
  const q = useQuery(async (): Promise<VolunteerTeam[]> => (unitId ? signups.unitTeams(unitId) : []), [unitId], !!unitId)
  const teams = q.data ?? []
  return (
    <Field label={t('su.team.label')} hint={t('su.team.hint')}>
      <View className='row' {...aria({ 'data-testid': `${prefix}-teams` })}>
        <Chip selected={!value} onClick={() => onChange(undefined)} testId={`${prefix}-team-none`}>
          {t('su.team.everyone')}
        </Chip>
        {teams.map((team) => (
          <Chip key={team.id} selected={value === team.id} onClick={() => onChange(team.id)} testId={`${prefix}-team-${team.id}`}>
            {team.name}
          </Chip>
        ))}
      </View>
    </Field>
  )
}

/** What is missing or malformed, said once, above the buttons. */
export function Invalid({ text }: { text: string | undefined }) {
  return text ? (
    <Text className='small error-text block' {...aria({ role: 'alert' })}>
      {text}
    </Text>
  ) : null
}

/** A form's fields as one record, with a setter per field. */
export function useFields<T extends Record<string, string>>(initial: T) {
  const [f, setF] = useState(initial)
  const set = (k: keyof T) => (v: string) => setF((x) => ({ ...x, [k]: v }))
  return { f, set, reset: setF }
}

