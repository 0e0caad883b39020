import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import type { Pairing } from '@shared/relief/schemas'
import { Page } from '../../../components/Page'
import type { Query } from '../../../hooks/useQuery'
import { Async, Btn, Chip, Empty, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { fmtDate, fmtDateTime } from '../../../lib/format'
import { ApiError } from '../../../api/client'
import { benefitKey, flagKey, LogForm, LogPhotos, RecordEventForm, TAGS, tagKey, VisitCard, type RegistryEntry, type RegistryTagName } from '../lib/registry'
import { useAction } from '../../../hooks/useAction'
import { relief } from '../../../hooks/relief'

/**
 * One household of the registry: tags (a worker edits them), benefits, this month's flags, the last visit, its
 * must-visits with their logs (record an event, log a visit), and pairing (pair a party member or volunteer; the paired
 * person logs their visits here).
 */
export default function HouseholdPage() {
  const t = useT()
  const { me } = useApp()
  const params = useRouter().params
  const communityId = params.communityId as string
  const householdId = decodeURIComponent((params.householdId as string | undefined) ?? '')
  // one read for the registry's readers: the entry, its must-visits with their logs, its pairings with their visits; a
  // paired volunteer, who may not read the registry (404), reads the pairing part only
  const hh = useQuery(
    async () => {
      try {
        return await relief.registryHousehold(communityId, householdId)
      } catch (e) {
        if ((e as ApiError).status === 404 || (e as ApiError).status === 403) return null
        throw e
      }
    },
    [communityId, householdId],
    !!communityId && !!householdId && !!me,
  )
  const asVolunteer = useQuery(() => relief.pairings(communityId, householdId), [communityId, householdId], hh.data === null)
  const pairings: Query<PairingsData> = hh.data ? { ...hh, data: { items: hh.data.pairings }, setData: () => void hh.reload() } : asVolunteer
  const [recording, setRecording] = useState(false)
  useDidShow(() => {
    if (hh.data) void hh.reload()
  })

  const e = hh.data?.entry
  return (
    <Page title='rr.householdTitle'>
      <Async q={hh}>
        {(d) =>
          !d || !e ? (
            <Empty text={t('rr.notFound')} />
          ) : (
            <>
              <Section>
                <Text className='h2 block' data-testid='rr-head'>
                  {e.headName}
                </Text>
                <Text className='small muted block'>{t(`rr.source.${e.source}`)}</Text>
                {e.note ? <Text className='body block pre'>{e.note}</Text> : null}
                <Text className='body block' data-testid='rr-last-visit'>
                  {`${t('rr.lastVisit')}：${e.lastVisitAt ? fmtDateTime(e.lastVisitAt, t.lang) : t('rr.neverVisited')}`}
                </Text>
              </Section>
              <Tags e={e} onSaved={(x) => hh.setData({ ...d, entry: x })} />
              <Section title={t('rr.benefits')}>
                {!e.benefits.length ? (
                  <Text className='body muted block'>{t('rr.noBenefits')}</Text>
                ) : (
                  e.benefits.map((b) => (
                    <Text key={b.type} className='body block'>
                      {b.until
                        ? t('rr.benefitUntil', { type: t(benefitKey(b.type)), since: fmtDate(b.since, t.lang), until: fmtDate(b.until, t.lang) })
                        : t('rr.benefitSince', { type: t(benefitKey(b.type)), since: fmtDate(b.since, t.lang) })}
                    </Text>
                  ))
                )}
              </Section>
              <Section title={t('rr.flags')}>
                {!e.flags.length ? (
                  <Text className='body muted block'>{t('rr.noFlags')}</Text>
                ) : (
                  <View {...aria({ role: 'list', 'data-testid': 'rr-flags' })}>
                    {e.flags.map((f) => (
                      <View key={f.kind} className='fl-step' {...aria({ role: 'listitem' })}>
                        <Tag tone='warn'>{`⚑ ${t(flagKey(f.kind))}`}</Tag>
                        <Text className='small block'>{f.reason}</Text>
                      </View>
                    ))}
                  </View>
                )}
              </Section>
              <Section title={t('rr.visitsOfHousehold')}>
                {recording ? (
                  <RecordEventForm communityId={communityId} householdId={householdId} onDone={() => (setRecording(false), void hh.reload())} />
                ) : (
                  <Btn kind='primary' block onClick={() => setRecording(true)} testId='rr-event-open'>
                    {`+ ${t('rr.event.open')}`}
                  </Btn>
                )}
                {!d.mustVisits.length ? (
                  <Empty text={t('rr.noVisits')} />
                ) : (
                  <View data-testid='rr-household-visits'>
                    {d.mustVisits.map((v) => (
                      <VisitCard key={v.id} v={v} canLog showHousehold={false} onLogged={() => void hh.reload()} />
                    ))}
                  </View>
                )}
              </Section>
            </>
          )
        }
      </Async>
      <Pairings communityId={communityId} householdId={householdId} q={pairings} worker={!!hh.data} myId={me?.id} />
    </Page>
  )
}

function Tags({ e, onSaved }: { e: RegistryEntry; onSaved: (e: RegistryEntry) => void }) {
  const t = useT()
  const [editing, setEditing] = useState<RegistryTagName[]>()
  const { busy, error, run } = useAction()
  async function save() {
    if (!editing) return
    await run('tags', async () => {
      onSaved(await relief.tagRegistry(e.communityId, e.householdId, { tags: editing, version: e.version }))
      setEditing(undefined)
      void Taro.showToast({ title: t('rr.tagsSaved'), icon: 'success' })
    })
  }
  return (
    <Section title={t('rr.tags')}>
      {editing ? (
        <>
          <View className='row' {...aria({ role: 'group', 'aria-label': t('rr.tags') })}>
            {TAGS.map((x) => (
              <Chip key={x} selected={editing.includes(x)} onClick={() => setEditing((ts) => (ts!.includes(x) ? ts!.filter((y) => y !== x) : [...ts!, x]))} testId={`rr-tag-${x}`}>
                {t(tagKey(x))}
              </Chip>
            ))}
          </View>
          {error ? <ErrorState error={error} /> : null}
          <View className='row gap'>
            <Btn kind='primary' loading={!!busy} onClick={save} testId='rr-tags-save'>
              {t('rr.saveTags')}
            </Btn>
            <Btn onClick={() => setEditing(undefined)}>{t('common.cancel')}</Btn>
          </View>
        </>
      ) : (
        <>
          <View className='row' data-testid='rr-tags'>
            {e.tags.map((x) => (
              <Tag key={x} tone='brand'>
                {t(tagKey(x))}
              </Tag>
            ))}
          </View>
          <Btn small onClick={() => setEditing([...e.tags])} testId='rr-tags-edit'>
            {t('rr.editTags')}
          </Btn>
        </>
      )}
    </Section>
  )
}

type PairingsData = { items: z.infer<typeof Pairing>[] }

function Pairings({ communityId, householdId, q, worker, myId }: { communityId: string; householdId: string; q: Query<PairingsData>; worker: boolean; myId?: string }) {
  const t = useT()
  const [pairing, setPairing] = useState(false)
  const [userId, setUserId] = useState('')
  const [role, setRole] = useState<'partyMember' | 'volunteer'>('partyMember')
  const [logging, setLogging] = useState(false)
  const { busy, error, run } = useAction()
  const [fieldError, setFieldError] = useState<string>()
  const paired = !!q.data?.items.some((p) => p.userId === myId)
  if (!worker && !paired) return q.error && (q.error as ApiError).status !== 404 ? <ErrorState error={q.error} onRetry={() => void q.reload()} /> : null
  async function pair() {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(userId.trim())) {
      setFieldError(t('rr.pair.badUser'))
      return
    }
    setFieldError(undefined)
    await run('pair', async () => {
      await relief.pair(communityId, { householdId, userId: userId.trim(), role })
      setPairing(false)
      setUserId('')
      void Taro.showToast({ title: t('rr.pair.done'), icon: 'success' })
      await q.reload()
    })
  }
  return (
    <Section title={t('rr.pairing')}>
      <Async q={q} empty={(d) => (d.items.length ? false : t('rr.pairingEmpty'))}>
        {(d) => (
          <View data-testid='rr-pairings'>
            {d.items.map((p) => (
              <View key={p.userId} className='card'>
                <View className='row'>
                  <Text className='card-title'>{p.userName}</Text>
                  <Tag tone='brand'>{t(`rr.pair.role.${p.role}`)}</Tag>
                </View>
                <Text className='small muted block'>{t('rr.pair.visits', { n: p.visits.length })}</Text>
                {p.visits.map((l) => (
                  <View key={l.id} className='fl-step'>
                    <Text className='body block pre'>{l.found}</Text>
                    <Text className='small muted block'>{t('rr.log.by', { name: l.byName, at: fmtDateTime(l.at, t.lang) })}</Text>
                    <LogPhotos photos={l.photos} />
                  </View>
                ))}
              </View>
            ))}
          </View>
        )}
      </Async>
      {paired ? (
        logging ? (
          <LogForm
            submit={(body, idempotencyKey) => relief.pairingVisit(communityId, householdId, body, idempotencyKey)}
            testId='rr-pair-log'
            onDone={(p) => (setLogging(false), void q.reload(), void p)}
          />
        ) : (
          <Btn kind='primary' block onClick={() => setLogging(true)} testId='rr-pair-log-open'>
            {t('rr.pair.logOpen')}
          </Btn>
        )
      ) : null}
      {worker ? (
        pairing ? (
          <View>
            <Field label={t('rr.pair.userId')} error={fieldError}>
              <TextInput label={t('rr.pair.userId')} value={userId} onInput={setUserId} testId='rr-pair-user' maxlength={64} />
            </Field>
            <Field label={t('rr.pair.role')}>
              <View className='row' {...aria({ role: 'group', 'aria-label': t('rr.pair.role') })}>
                {(['partyMember', 'volunteer'] as const).map((r) => (
                  <Chip key={r} selected={role === r} onClick={() => setRole(r)} testId={`rr-pair-role-${r}`}>
                    {t(`rr.pair.role.${r}`)}
                  </Chip>
                ))}
              </View>
            </Field>
            {error ? <ErrorState error={error} /> : null}
            <Btn kind='primary' block loading={!!busy} onClick={pair} testId='rr-pair-submit'>
              {t('rr.pair.submit')}
            </Btn>
          </View>
        ) : (
          <Btn block onClick={() => setPairing(true)} testId='rr-pair-open'>
            {`+ ${t('rr.pair.open')}`}
          </Btn>
        )
      ) : null}
    </Section>
  )
}
