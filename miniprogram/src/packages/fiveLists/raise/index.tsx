import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CollectInput } from '@shared/fiveLists/schemas'
import { MatterCategory } from '@shared/sayItDay/schemas'
import { Page } from '../../../components/Page'
import { Btn, Chip, Empty, ErrorState, Field, Loading, Section, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import type { ApiError } from '../../../api/client'
import { useAction } from '../../../hooks/useAction'
import { fiveLists } from '../../../hooks/fiveLists'
import { useDraft, type Attempt } from '../../../hooks/useDraft'
import { PhotoField, type Photo } from '../../../components/PhotoField'
import { LocationField, locationOf, type Place } from '../../../components/LocationField'
import { fieldErrors } from '../../../lib/fieldErrors'
import { collectPlaces } from '../lib/roles'
import { matterUrl } from '../lib/ui'

type Category = (typeof MatterCategory.options)[number]
type Source = 'walkRound' | 'hotline'

/** What survives a dropped network or a closed app: the form, the uploaded photos and the key of the last attempt. */
interface Draft extends Place {
  place?: string
  source: Source
  category?: Category
  text: string
  reporterName: string
  photos: Photo[]
  attempt?: Attempt
}

const DRAFT_KEY = 'linli.collectDraft'
const emptyDraft: Draft = { source: 'walkRound', text: '', reporterName: '', photos: [], address: '' }
const placeKey = (p: { communityId: string; gridId?: string }) => p.gridId ?? p.communityId

/**
 * 网格收单: a grid worker (or a community worker) takes a matter in from a walk round or a hotline call, with photos
 * and a location (weapp: the map picker; h5: an address). The draft is kept in storage and a retry of the same body
 * reuses its Idempotency-Key, as the say-it day submit page does, so a dropped answer never takes a matter in twice.
 */
export default function RaisePage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const places = useMemo(() => collectPlaces(me), [me])
  const { draft, hasDraft, photos: ph, update, attemptKey, clear, forget } = useDraft(DRAFT_KEY, emptyDraft)
  const { busy, error, run, setError } = useAction()
  const [errs, setErrs] = useState<Record<string, string>>({})

  const place = places.find((p) => placeKey(p) === draft.place) ?? (places.length === 1 ? places[0] : undefined)

  async function submit() {
    setError(undefined)
    if (ph.busy) {
      void Taro.showToast({ title: t('submit.photosBusy'), icon: 'none' })
      return
    }
    const body = {
      communityId: place?.communityId ?? '',
      gridId: place?.gridId,
      source: draft.source,
      category: draft.category,
      text: draft.text.trim(),
      photos: ph.keys,
      location: locationOf(draft),
      reporterName: draft.source === 'hotline' && draft.reporterName.trim() ? draft.reporterName.trim() : undefined,
    }
    const parsed = CollectInput.safeParse(body)
    if (!place || !parsed.success) {
      setErrs({
        ...(place ? {} : { place: t('fl.raise.pickPlace') }),
        ...fieldErrors(t, parsed.error, { text: 'submit.textTooShort', category: 'fl.raise.pickCategory', location: 'fl.raise.badAddress', reporterName: 'fl.raise.badReporter', communityId: 'fl.raise.pickPlace' }),
      })
      return
    }
    setErrs({})
    // the same body as the last attempt: the same key, so a retry after a dropped answer never takes it in twice
    const idempotencyKey = attemptKey(parsed.data, { place: placeKey(place) })
    await run('collect', async () => {
      const matter = await fiveLists.collect(parsed.data, idempotencyKey)
      clear()
      void Taro.showToast({ title: t('fl.raise.done'), icon: 'success' })
      forget()
      await Taro.redirectTo({ url: matterUrl(matter.id) })
    })
  }

  return (
    <Page title='fl.raiseTitle'>
      {!me ? (
        loadingMe ? <Loading /> : <ErrorState error={undefined} />
      ) : !places.length ? (
        <Empty text={t('fl.raise.noPlace')} />
      ) : (
        <>
          {hasDraft ? (
            <Text className='small muted block' {...aria({ role: 'status' })} data-testid='fl-raise-draft-restored'>
              {t('submit.draftRestored')}
            </Text>
          ) : null}
          <Section>
            {places.length > 1 ? (
              <Field label={t('fl.raise.place')} error={errs.place}>
                <View className='row' {...aria({ role: 'group', 'aria-label': t('fl.raise.place') })}>
                  {places.map((p) => (
                    <Chip key={placeKey(p)} selected={place === p} onClick={() => update({ place: placeKey(p) })} testId={`fl-raise-place-${placeKey(p)}`}>
                      {p.name}
                    </Chip>
                  ))}
                </View>
              </Field>
            ) : (
              <Text className='body block' data-testid='fl-raise-place'>{`${t('fl.raise.place')}：${places[0]!.name}`}</Text>
            )}

            <Field label={t('fl.raise.source')}>
              <View className='row' {...aria({ role: 'group', 'aria-label': t('fl.raise.source') })}>
                {(['walkRound', 'hotline'] as const).map((s) => (
                  <Chip key={s} selected={draft.source === s} onClick={() => update({ source: s })} testId={`fl-raise-source-${s}`}>
                    {t(`fl.source.${s}`)}
                  </Chip>
                ))}
              </View>
            </Field>

            {draft.source === 'hotline' ? (
              <Field label={t('fl.raise.reporter')} error={errs.reporterName}>
                <TextInput label={t('fl.raise.reporter')} value={draft.reporterName} onInput={(v) => update({ reporterName: v })} testId='fl-raise-reporter' maxlength={40} />
              </Field>
            ) : null}

            <Field label={t('submit.category')} error={errs.category}>
              <View className='row' {...aria({ role: 'group', 'aria-label': t('submit.category') })}>
                {MatterCategory.options.map((c) => (
                  <Chip key={c} selected={draft.category === c} onClick={() => update({ category: c })} testId={`fl-raise-category-${c}`}>
                    {t(`category.${c}`)}
                  </Chip>
                ))}
              </View>
            </Field>

            <Field label={t('fl.raise.text')} error={errs.text}>
              <TextArea label={t('fl.raise.text')} value={draft.text} onInput={(v) => update({ text: v })} placeholder={t('fl.raise.textPlaceholder')} testId='fl-raise-text' />
            </Field>

            <Field label={t('submit.photos')}>
              <PhotoField ph={ph} testId='fl-raise' />
            </Field>

            <LocationField value={draft} onChange={update} testId='fl-raise' error={errs.location} h5AddressLabel={t('fl.raise.addressH5')} />
          </Section>

          {error ? <ErrorState error={(error as ApiError).code === 'NETWORK' ? { message: t('submit.offline'), messageEn: t('submit.offline') } : error} /> : null}

          <Btn kind='primary' block loading={!!busy} onClick={submit} testId='fl-raise-submit'>
            {busy ? t('common.submitting') : t('fl.raise.submit')}
          </Btn>
        </>
      )}
    </Page>
  )
}
