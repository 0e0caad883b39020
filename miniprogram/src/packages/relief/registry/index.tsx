import { useMemo, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AddRegistryInput } from '@shared/relief/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Field, Loading, Section, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { fieldErrors } from '../../../lib/fieldErrors'
import { FLAGS, flagKey, householdUrl, PlacePicker, RegistryCard, TAGS, tagKey, useWorkPlaces, wholeRegistry, type FlagKind, type RegistryTagName, type WorkPlace } from '../lib/registry'
import { org } from '../../../hooks/org'
import { useAction } from '../../../hooks/useAction'
import { relief } from '../../../hooks/relief'

type Filter = { kind: 'all' } | { kind: 'flagged' } | { kind: 'flag'; flag: FlagKind } | { kind: 'tag'; tag: RegistryTagName }

/**
 * 动态救助信息库: the households in difficulty a grid worker (their grid) or a community worker (the community) looks
 * after, with tags, benefits, this month's screening flags and the last visit; filtered by flag or tag; a worker adds a
 * household. Each opens on its page (tags, visits, pairing).
 */
export default function RegistryPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const { places, loading } = useWorkPlaces(me)
  const wanted = useRouter().params.communityId as string | undefined
  const [chosen, setChosen] = useState(wanted)
  const place = places.find((p) => p.communityId === chosen) ?? places[0]
  const [filter, setFilter] = useState<Filter>({ kind: 'all' })
  const [adding, setAdding] = useState(false)
  const q = useQuery(() => wholeRegistry(place!.communityId, filter.kind === 'all' || filter.kind === 'tag' ? {} : { flagged: 'true' }), [place?.communityId, filter.kind], !!place)
  useDidShow(() => {
    if (q.data) void q.reload()
  })
  usePullDownRefresh(() => {
    void q.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const shown = useMemo(() => {
    const items = q.data ?? []
    if (filter.kind === 'flag') return items.filter((e) => e.flags.some((f) => f.kind === filter.flag))
    if (filter.kind === 'tag') return items.filter((e) => e.tags.includes(filter.tag))
    return items
  }, [q.data, filter])
  const is = (f: Filter) => JSON.stringify(f) === JSON.stringify(filter)

  return (
    <Page title='rr.registryTitle'>
      {!me || loading ? (
        loadingMe || loading ? <Loading /> : <ErrorState error={undefined} />
      ) : !place ? (
        <Empty text={t('rr.notWorker')} />
      ) : (
        <>
          <PlacePicker places={places} value={place.communityId} onChange={setChosen} />
          {adding ? (
            <AddHousehold place={place} onDone={(householdId) => (setAdding(false), void Taro.navigateTo({ url: householdUrl(place.communityId, householdId) }))} onCancel={() => setAdding(false)} />
          ) : (
            <Btn kind='primary' block onClick={() => setAdding(true)} testId='rr-add-open'>
              {`+ ${t('rr.addOpen')}`}
            </Btn>
          )}
          <Section title={t('rr.filter')}>
            <View className='row' {...aria({ role: 'group', 'aria-label': t('rr.flags') })}>
              <Chip selected={is({ kind: 'all' })} onClick={() => setFilter({ kind: 'all' })} testId='rr-filter-all'>
                {t('rr.filter.all')}
              </Chip>
              <Chip selected={is({ kind: 'flagged' })} onClick={() => setFilter({ kind: 'flagged' })} testId='rr-filter-flagged'>
                {t('rr.filter.flagged')}
              </Chip>
              {FLAGS.map((f) => (
                <Chip key={f} selected={is({ kind: 'flag', flag: f })} onClick={() => setFilter({ kind: 'flag', flag: f })} testId={`rr-filter-flag-${f}`}>
                  {t(flagKey(f))}
                </Chip>
              ))}
            </View>
            <View className='row' {...aria({ role: 'group', 'aria-label': t('rr.tags') })}>
              {TAGS.map((x) => (
                <Chip key={x} selected={is({ kind: 'tag', tag: x })} onClick={() => setFilter({ kind: 'tag', tag: x })} testId={`rr-filter-tag-${x}`}>
                  {t(tagKey(x))}
                </Chip>
              ))}
            </View>
          </Section>
          <Async q={q} empty={() => (shown.length ? false : q.data?.length || filter.kind !== 'all' ? t('rr.empty') : t('rr.registryEmpty'))}>
            {() => (
              <View data-testid='rr-list'>
                <Text className='small muted block' {...aria({ role: 'status' })}>{`${shown.length} / ${q.data?.length ?? 0}`}</Text>
                {shown.map((e) => (
                  <RegistryCard key={e.householdId} e={e} />
                ))}
              </View>
            )}
          </Async>
        </>
      )}
    </Page>
  )
}

function AddHousehold({ place, onDone, onCancel }: { place: WorkPlace; onDone: (householdId: string) => void; onCancel: () => void }) {
  const t = useT()
  const communities = useQuery(() => org.communities(), [place.communityId], !place.gridId)
  const grids = place.gridId ? [] : (communities.data?.items.find((c) => c.id === place.communityId)?.grids ?? [])
  const [gridId, setGridId] = useState<string | undefined>(place.gridId)
  const [headName, setHeadName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [tags, setTags] = useState<RegistryTagName[]>([])
  const [note, setNote] = useState('')
  const { busy, error, run } = useAction()
  const [errs, setErrs] = useState<Record<string, string>>({})
  const keyFor = useAttemptKey()
  const toggle = (x: RegistryTagName) => setTags((ts) => (ts.includes(x) ? ts.filter((y) => y !== x) : [...ts, x]))

  async function save() {
    const parsed = AddRegistryInput.safeParse({ gridId, headName, headIdNumber: idNumber.trim().toUpperCase(), tags, note: note.trim() || undefined })
    if (!parsed.success) {
      setErrs(fieldErrors(t, parsed.error, { headName: 'rr.add.needName', headIdNumber: 'rr.add.badId', tags: 'rr.add.needTag', note: 'rr.add.badNote', gridId: 'rr.add.needGrid' }))
      return
    }
    setErrs({})
    const idempotencyKey = keyFor(parsed.data)
    await run('add', async () => {
      const e = await relief.addToRegistry(place.communityId, parsed.data, idempotencyKey)
      void Taro.showToast({ title: t('rr.add.done'), icon: 'success' })
      onDone(e.householdId)
    })
  }

  return (
    <Section title={t('rr.addOpen')}>
      {grids.length ? (
        <Field label={t('rr.add.grid')} error={errs.gridId}>
          <View className='row' {...aria({ role: 'group', 'aria-label': t('rr.add.grid') })}>
            {grids.map((g) => (
              <Chip key={g.id} selected={gridId === g.id} onClick={() => setGridId(g.id)} testId={`rr-add-grid-${g.id}`}>
                {g.name}
              </Chip>
            ))}
          </View>
        </Field>
      ) : null}
      <Field label={t('rr.add.headName')} error={errs.headName}>
        <TextInput label={t('rr.add.headName')} value={headName} onInput={setHeadName} testId='rr-add-name' maxlength={30} />
      </Field>
      <Field label={t('rr.add.idNumber')} error={errs.headIdNumber}>
        <TextInput label={t('rr.add.idNumber')} value={idNumber} onInput={setIdNumber} testId='rr-add-id' maxlength={18} />
      </Field>
      <Field label={t('rr.tags')} error={errs.tags}>
        <View className='row' {...aria({ role: 'group', 'aria-label': t('rr.tags') })}>
          {TAGS.map((x) => (
            <Chip key={x} selected={tags.includes(x)} onClick={() => toggle(x)} testId={`rr-add-tag-${x}`}>
              {t(tagKey(x))}
            </Chip>
          ))}
        </View>
      </Field>
      <Field label={t('rr.add.note')} error={errs.note}>
        <TextArea label={t('rr.add.note')} value={note} onInput={setNote} testId='rr-add-note' maxlength={200} />
      </Field>
      {error ? <ErrorState error={error} /> : null}
      <View className='row gap'>
        <Btn kind='primary' loading={!!busy} onClick={save} testId='rr-add-submit'>
          {t('rr.add.submit')}
        </Btn>
        <Btn onClick={onCancel}>{t('common.cancel')}</Btn>
      </View>
    </Section>
  )
}
