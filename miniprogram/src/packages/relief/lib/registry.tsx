import './messages' // this subpackage's texts, registered before any of its pages renders
import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { Me } from '@shared/auth/schemas'
import { MustVisitKind, RecordEventInput, VisitLogInput } from '@shared/relief/schemas'
import type { z } from 'zod'
import type { MustVisit as MustVisitSchema, RegistryEntry as RegistryEntrySchema } from '@shared/relief/schemas'
import { Btn, Chip, ErrorState, Field, Tag, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import type { MessageKey } from '../../../i18n/messages'
import { useQuery } from '../../../hooks/useQuery'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { chinaDay, fmtDate, fmtDateTime } from '../../../lib/format'
import { fieldErrors } from '../../../lib/fieldErrors'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { org } from '../../../hooks/org'
import { useAction } from '../../../hooks/useAction'
import { relief } from '../../../hooks/relief'

export type RegistryEntry = z.infer<typeof RegistryEntrySchema>
export type MustVisit = z.infer<typeof MustVisitSchema>
export type FlagKind = RegistryEntry['flags'][number]['kind']
export type RegistryTagName = RegistryEntry['tags'][number]

export const TAGS: RegistryTagName[] = ['elderlyAlone', 'disability', 'seriousIllness', 'dibao', 'lowIncome', 'leftBehindChild', 'veteran', 'other']
export const FLAGS: FlagKind[] = ['annualReview', 'visitDue', 'ageThreshold', 'benefitExpiring']
export const KINDS = MustVisitKind.options
/** the days each must-visit allows (functions/relief/README.md): shown before the event is recorded */
export const KIND_DAYS: Record<(typeof KINDS)[number], number> = { hardship: 7, accidentOrDisaster: 1, seriousIllness: 3, bereavement: 3 }

export const tagKey = (x: string) => `rr.tag.${x}` as MessageKey
export const flagKey = (x: string) => `rr.flag.${x}` as MessageKey
export const kindKey = (x: string) => `rr.kind.${x}` as MessageKey
export const benefitKey = (x: string) => `rr.benefit.${x}` as MessageKey

export const householdUrl = (communityId: string, householdId: string) => `/packages/relief/household/index?communityId=${communityId}&householdId=${encodeURIComponent(householdId)}`

export interface WorkPlace {
  communityId: string
  name: string
  /** a grid worker's own grid: they see and add only there */
  gridId?: string
}

/**
 * The communities whose registry I work: a grid worker's community (their grid), a community worker's community, and
 * for a sub-district officer every community of their sub-district (read from the community list).
 */
export function useWorkPlaces(me: Me | undefined) {
  const own = useMemo<WorkPlace[]>(() => {
    const out: WorkPlace[] = []
    for (const g of me?.grants ?? []) {
      if (g.role === 'communityWorker' && !out.some((p) => p.communityId === g.unitId)) out.push({ communityId: g.unitId, name: g.unitName })
      if (g.role === 'gridWorker' && g.unitPath[1] && !out.some((p) => p.communityId === g.unitPath[1])) out.push({ communityId: g.unitPath[1], gridId: g.unitId, name: g.unitName })
    }
    return out
  }, [me])
  const officerOf = me?.grants.find((g) => g.role === 'subdistrictOfficer')?.unitId
  const communities = useQuery(() => org.communities(), [officerOf], !!officerOf)
  const places = useMemo(() => {
    const more = (communities.data?.items ?? []).filter((c) => c.subdistrictId === officerOf && !own.some((p) => p.communityId === c.id)).map((c) => ({ communityId: c.id, name: c.name }))
    return [...own, ...more]
  }, [own, communities.data, officerOf])
  return { places, loading: !!officerOf && communities.loading && !communities.data, grids: communities.data?.items }
}

/** A place picker shown only when there is more than one. */
export function PlacePicker({ places, value, onChange }: { places: WorkPlace[]; value?: string; onChange: (communityId: string) => void }) {
  const t = useT()
  if (places.length < 2) return null
  return (
    <View className='row' {...aria({ role: 'group', 'aria-label': t('rr.community') })}>
      {places.map((p) => (
        <Chip key={p.communityId} selected={value === p.communityId} onClick={() => onChange(p.communityId)} testId={`rr-place-${p.communityId}`}>
          {p.name}
        </Chip>
      ))}
    </View>
  )
}

/** Flags and tags are always words; the colour only repeats them. */
export function FlagTags({ e }: { e: RegistryEntry }) {
  const t = useT()
  return (
    <>
      {e.flags.map((f) => (
        <Tag key={f.kind} tone='warn'>{`⚑ ${t(flagKey(f.kind))}`}</Tag>
      ))}
    </>
  )
}

export function RegistryCard({ e }: { e: RegistryEntry }) {
  const t = useT()
  return (
    <View className='card' onClick={() => Taro.navigateTo({ url: householdUrl(e.communityId, e.householdId) })} {...aria({ role: 'link', tabindex: 0, 'data-testid': `rr-card-${e.householdId}` })}>
      <Text className='card-title'>{e.headName}</Text>
      <View className='row'>
        {e.tags.map((x) => (
          <Tag key={x} tone='brand'>
            {t(tagKey(x))}
          </Tag>
        ))}
        <FlagTags e={e} />
      </View>
      {e.benefits.length ? <Text className='small block'>{`${t('rr.benefits')}：${e.benefits.map((b) => t(benefitKey(b.type))).join('、')}`}</Text> : null}
      <Text className='small muted block' data-testid={`rr-last-visit-${e.householdId}`}>
        {`${t('rr.lastVisit')}：${e.lastVisitAt ? fmtDateTime(e.lastVisitAt, t.lang) : t('rr.neverVisited')}`}
      </Text>
    </View>
  )
}

/** One must-visit: who, what happened, by when, whether it is late (in words), its logs; the log form for an open one. */
export function VisitCard({ v, canLog, onLogged, showHousehold = true }: { v: MustVisit; canLog: boolean; onLogged: (v: MustVisit) => void; showHousehold?: boolean }) {
  const t = useT()
  const [logging, setLogging] = useState(false)
  return (
    <View className='card' data-testid={`rr-visit-${v.id}`}>
      <View className='row'>
        <Tag tone='brand'>{t(kindKey(v.kind))}</Tag>
        {v.status === 'done' ? <Tag tone='good'>{`✓ ${t('rr.status.done')}`}</Tag> : v.overdue ? <Tag tone='bad'>{`⚠ ${t('rr.overdue')}`}</Tag> : <Tag tone='warn'>{t('rr.dueSoon')}</Tag>}
      </View>
      {showHousehold ? (
        <Text className='card-title' onClick={() => Taro.navigateTo({ url: householdUrl(v.communityId, v.householdId) })} {...aria({ role: 'link', tabindex: 0 })}>
          {v.headName}
        </Text>
      ) : null}
      <Text className='body block pre'>{v.note}</Text>
      <Text className='small muted block'>{`${t('rr.occurredOn')}：${fmtDate(v.occurredOn, t.lang)}`}</Text>
      <Text className='small muted block'>{`${t('rr.due')}：${fmtDateTime(v.deadlineAt, t.lang)} · ${t('rr.assignee')}：${v.assigneeName}`}</Text>
      {v.logs.map((l) => (
        <View key={l.id} className='fl-step'>
          <Text className='body block pre'>{l.found}</Text>
          <Text className='small muted block'>{t('rr.log.by', { name: l.byName, at: fmtDateTime(l.at, t.lang) })}</Text>
          <LogPhotos photos={l.photos} />
        </View>
      ))}
      {v.status === 'open' && canLog ? (
        logging ? (
          <LogForm
            submit={(body, idempotencyKey) => relief.logVisit(v.id, body, idempotencyKey)}
            testId={`rr-log-${v.id}`}
            onDone={(x) => (setLogging(false), onLogged(x as MustVisit))}
          />
        ) : (
          <Btn kind='primary' block onClick={() => setLogging(true)} testId={`rr-log-open-${v.id}`}>
            {t('rr.log.open')}
          </Btn>
        )
      ) : null}
    </View>
  )
}

export function LogPhotos({ photos }: { photos: { key: string; url: string }[] }) {
  const t = useT()
  if (!photos.length) return null
  return (
    <View className='photos'>
      {photos.map((p, i) => (
        <View key={p.key} className='photo' onClick={() => Taro.previewImage({ current: p.url, urls: photos.map((x) => x.url) })} {...aria({ role: 'button', tabindex: 0, 'aria-label': t('submit.photoAlt', { n: i + 1 }) })}>
          <Image className='img' src={p.url} mode='aspectFill' {...({ nativeProps: { alt: t('submit.photoAlt', { n: i + 1 }) } } as object)} />
        </View>
      ))}
    </View>
  )
}

/**
 * What was found and photos (uploaded as picked, presigned): logging a must-visit or a paired visit. A retry of the same
 * body (after a lost answer) sends the same Idempotency-Key, so the visit is logged once.
 */
export function LogForm<R>({ submit, onDone, testId }: { submit: (body: { found: string; photos: string[] }, idempotencyKey: string) => Promise<R>; onDone: (r: R) => void; testId: string }) {
  const t = useT()
  const [found, setFound] = useState('')
  const ph = usePhotos(9)
  const { busy, error, run } = useAction()
  const [fieldError, setFieldError] = useState<string>()
  const keyFor = useAttemptKey()
  async function save() {
    if (ph.busy) {
      void Taro.showToast({ title: t('submit.photosBusy'), icon: 'none' })
      return
    }
    const parsed = VisitLogInput.safeParse({ found, photos: ph.keys })
    if (!parsed.success) {
      setFieldError(t('rr.log.needFound'))
      return
    }
    setFieldError(undefined)
    const idempotencyKey = keyFor(parsed.data)
    await run('log', async () => {
      const r = await submit(parsed.data, idempotencyKey)
      void Taro.showToast({ title: t('rr.log.done'), icon: 'success' })
      onDone(r)
    })
  }
  return (
    <View>
      <Field label={t('rr.log.found')} error={fieldError}>
        <TextArea label={t('rr.log.found')} value={found} onInput={setFound} testId={`${testId}-found`} maxlength={500} />
      </Field>
      <Field label={t('rr.log.photos')}>
        <PhotoField ph={ph} testId={testId} />
      </Field>
      {error ? <ErrorState error={error} /> : null}
      <Btn kind='primary' block loading={!!busy} onClick={save} testId={`${testId}-submit`}>
        {t('rr.log.submit')}
      </Btn>
    </View>
  )
}

/**
 * Recording a must-visit event (hardship, accident or disaster, serious illness, bereavement) for a registry household:
 * a visit with its deadline starts, assigned to me or to the user id given. A retry of the same body keeps its key.
 */
export function RecordEventForm({ communityId, households, householdId, onDone }: { communityId: string; households?: RegistryEntry[]; householdId?: string; onDone: (v: MustVisit) => void }) {
  const t = useT()
  const [chosen, setChosen] = useState(householdId)
  const [kind, setKind] = useState<(typeof KINDS)[number]>()
  const [note, setNote] = useState('')
  const [occurredOn, setOccurredOn] = useState(chinaDay())
  const [assignee, setAssignee] = useState('')
  const { busy, error, run } = useAction()
  const [errs, setErrs] = useState<Record<string, string>>({})
  const keyFor = useAttemptKey()
  async function save() {
    const parsed = RecordEventInput.safeParse({ householdId: chosen ?? '', kind, note, occurredOn: occurredOn.trim(), assigneeId: assignee.trim() || undefined })
    if (!parsed.success) {
      setErrs(fieldErrors(t, parsed.error, { householdId: 'rr.event.needHousehold', kind: 'rr.event.needKind', note: 'rr.event.needNote', occurredOn: 'rr.event.badDate', assigneeId: 'rr.event.badAssignee' }))
      return
    }
    setErrs({})
    const idempotencyKey = keyFor(parsed.data)
    await run('record', async () => {
      const v = await relief.recordEvent(communityId, parsed.data, idempotencyKey)
      void Taro.showToast({ title: t('rr.event.done'), icon: 'success' })
      onDone(v)
    })
  }
  return (
    <View data-testid='rr-event-form'>
      {households ? (
        <Field label={t('rr.event.household')} error={errs.householdId}>
          <View className='row' {...aria({ role: 'group', 'aria-label': t('rr.event.household') })}>
            {households.map((h) => (
              <Chip key={h.householdId} selected={chosen === h.householdId} onClick={() => setChosen(h.householdId)} testId={`rr-event-household-${h.householdId}`}>
                {h.headName}
              </Chip>
            ))}
          </View>
        </Field>
      ) : null}
      <Field label={t('rr.event.kind')} error={errs.kind} hint={kind ? t('rr.event.days', { n: KIND_DAYS[kind] }) : undefined}>
        <View className='row' {...aria({ role: 'group', 'aria-label': t('rr.event.kind') })}>
          {KINDS.map((k) => (
            <Chip key={k} selected={kind === k} onClick={() => setKind(k)} testId={`rr-event-kind-${k}`}>
              {t(kindKey(k))}
            </Chip>
          ))}
        </View>
      </Field>
      <Field label={t('rr.event.note')} error={errs.note}>
        <TextArea label={t('rr.event.note')} value={note} onInput={setNote} testId='rr-event-note' maxlength={300} />
      </Field>
      <Field label={t('rr.event.occurredOn')} error={errs.occurredOn}>
        <TextInput label={t('rr.event.occurredOn')} value={occurredOn} onInput={setOccurredOn} testId='rr-event-date' maxlength={10} />
      </Field>
      <Field label={t('rr.event.assignee')} error={errs.assigneeId}>
        <TextInput label={t('rr.event.assignee')} value={assignee} onInput={setAssignee} testId='rr-event-assignee' maxlength={64} />
      </Field>
      {error ? <ErrorState error={error} /> : null}
      <Btn kind='primary' block loading={!!busy} onClick={save} testId='rr-event-submit'>
        {t('rr.event.submit')}
      </Btn>
    </View>
  )
}

/** The whole registry a reader may see, page after page (a community's registry is a few hundred households at most). */
export async function wholeRegistry(communityId: string, query: { flagged?: 'true' } = {}, maxPages = 20): Promise<RegistryEntry[]> {
  const out: RegistryEntry[] = []
  let cursor: string | undefined
  for (let i = 0; i < maxPages; i++) {
    const page = await relief.registry(communityId, { ...query, cursor })
    out.push(...page.items)
    cursor = page.cursor
    if (!cursor) break
  }
  return out
}
