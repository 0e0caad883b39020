import '../lib/messages'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { RaiseCaseInput } from '@shared/cases/schemas'
import { Page } from '../../../components/Page'
import { Btn, Chip, Empty, ErrorState, Field, Section, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { kindNames, myCommunities, officerSubdistrict, requireKindDef } from '../lib/cases'
import { useCommunities } from '../../../hooks/org'
import { useAction } from '../../../hooks/useAction'
import { cases } from '../../../hooks/cases'

/**
 * 登记案件: a grid worker on patrol records a city case (category from the city's 5 classes and 18 items, place,
 * photos); a community worker records a dispute to mediate (type, the parties with their consent) or a city case a
 * resident reported. `?kind=&communityId=`. What a kind asks for comes from its declaration.
 */
export default function RaiseCasePage() {
  const t = useT()
  const { me } = useApp()
  const params = useRouter().params as { kind?: string; communityId?: string }
  const kind = params.kind ?? 'cityCase'
  const def = requireKindDef(kind)
  const names = kindNames(kind, t.lang)
  const officer = officerSubdistrict(me)
  const all = useCommunities(!!officer)
  const communities = officer ? (all.data?.items ?? []).map((c) => ({ id: c.id, name: c.name })) : myCommunities(me)
  const [communityId, setCommunityId] = useState(params.communityId)
  const community = communityId ?? communities[0]?.id
  const gridWorker = !!me?.grants.some((g) => g.role === 'gridWorker')
  const [group, setGroup] = useState<string>()
  const [category, setCategory] = useState<string>()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [place, setPlace] = useState('')
  // a grid worker's case is from patrol unless they say otherwise (`me` may still be loading at the first render)
  const [chosenSource, setSource] = useState<'patrol' | 'resident' | 'hotline'>()
  const source = chosenSource ?? (gridWorker ? 'patrol' : 'resident')
  const [parties, setParties] = useState([
    { role: 'applicant' as const, name: '', phone: '' },
    { role: 'respondent' as const, name: '', phone: '' },
  ])
  const [consent, setConsent] = useState(false)
  const ph = usePhotos(9)
  const { busy, error, run, setError } = useAction()
  const [errs, setErrs] = useState<Record<string, string>>({})
  const keyFor = useAttemptKey()
  if (!def) return <Page title='cs.raiseTitle'><Empty text={t('cs.empty')} /></Page>
  const groups = def.categoryGroups ?? []
  const shown = def.categories.filter((c) => !groups.length || c.group === group)

  async function submit() {
    setError(undefined)
    if (ph.busy) {
      void Taro.showToast({ title: t('submit.photosBusy'), icon: 'none' })
      return
    }
    const withParties = def!.fields.parties !== undefined
    const body = {
      kind,
      communityId: community ?? '',
      category: category ?? '',
      title: title.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(place.trim() ? { place: { text: place.trim() } } : {}),
      ...(def!.fields.sources ? { source } : {}),
      ...(withParties ? { parties: parties.filter((p) => p.name.trim()).map((p) => ({ role: p.role, name: p.name.trim(), ...(p.phone.trim() ? { phone: p.phone.trim() } : {}) })), ...(consent ? { consent: true as const } : {}) } : {}),
      ...(ph.keys.length ? { photos: ph.keys } : {}),
    }
    const found: Record<string, string> = {}
    if (!category) found.category = t('cs.needCategory')
    if (body.title.length < 2) found.title = t('cs.needTitle')
    if (def!.fields.place === 'required' && !body.place) found.place = t('cs.needPlace')
    if (withParties && (body.parties?.length ?? 0) < 1) found.parties = t('cs.needParties')
    if (withParties && !consent) found.consent = t('cs.needConsent')
    const parsed = RaiseCaseInput.safeParse(body)
    if (!parsed.success && !Object.keys(found).length) found.form = parsed.error.issues.map((i) => i.path.join('.')).join(', ')
    setErrs(found)
    if (Object.keys(found).length || !parsed.success) return
    await run('raise', async () => {
      const c = await cases.raise(parsed.data, keyFor(parsed.data))
      void Taro.showToast({ title: t('cs.raised'), icon: 'success' })
      await Taro.redirectTo({ url: `/packages/cases/case/index?id=${c.id}` })
    })
  }

  return (
    <Page title='cs.raiseTitle'>
      <Section title={names.kind}>
        {communities.length > 1 ? (
          <Field label={t('cs.community')}>
            <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('cs.community') })}>
              {communities.map((c) => (
                <Chip key={c.id} selected={c.id === community} onClick={() => setCommunityId(c.id)} testId={`cs-raise-community-${c.id}`}>
                  {c.name}
                </Chip>
              ))}
            </View>
          </Field>
        ) : null}
        <Field label={t('cs.category')} error={errs.category}>
          {groups.length ? (
            <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('cs.category') })}>
              {groups.map((g) => (
                <Chip key={g.code} selected={g.code === group} onClick={() => setGroup(g.code)} testId={`cs-group-${g.code}`}>
                  {g[t.lang]}
                </Chip>
              ))}
            </View>
          ) : null}
          <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('cs.category') })}>
            {shown.map((c) => (
              <Chip key={c.code} selected={c.code === category} onClick={() => setCategory(c.code)} testId={`cs-category-${c.code}`}>
                {c[t.lang]}
              </Chip>
            ))}
          </View>
        </Field>
        <Field label={t('cs.title')} error={errs.title}>
          <TextInput label={t('cs.title')} value={title} onInput={setTitle} testId='cs-title' maxlength={60} />
        </Field>
        {def.fields.place ? (
          <Field label={t('cs.place')} error={errs.place}>
            <TextInput label={t('cs.place')} value={place} onInput={setPlace} testId='cs-place' maxlength={120} />
          </Field>
        ) : null}
        {def.fields.sources ? (
          <Field label={t('cs.source')}>
            <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('cs.source') })}>
              {def.fields.sources.map((s) => (
                <Chip key={s} selected={s === source} onClick={() => setSource(s)} testId={`cs-source-${s}`}>
                  {t(`cs.source.${s}`)}
                </Chip>
              ))}
            </View>
          </Field>
        ) : null}
        {def.fields.parties ? (
          <Field label={t('cs.parties')} error={errs.parties}>
            {parties.map((p, i) => (
              <View key={p.role}>
                <TextInput
                  label={t('cs.partyName', { role: t(`cs.party.${p.role}`) })}
                  value={p.name}
                  onInput={(v) => setParties(parties.map((x, j) => (j === i ? { ...x, name: v } : x)))}
                  testId={`cs-party-name-${i}`}
                  maxlength={30}
                  placeholder={t('cs.partyName', { role: t(`cs.party.${p.role}`) })}
                />
                <TextInput
                  label={t('cs.partyPhone', { role: t(`cs.party.${p.role}`) })}
                  value={p.phone}
                  onInput={(v) => setParties(parties.map((x, j) => (j === i ? { ...x, phone: v } : x)))}
                  testId={`cs-party-phone-${i}`}
                  maxlength={13}
                  placeholder={t('cs.partyPhone', { role: t(`cs.party.${p.role}`) })}
                />
              </View>
            ))}
            <Chip selected={consent} onClick={() => setConsent(!consent)} testId='cs-consent'>
              {t('cs.consent')}
            </Chip>
            {errs.consent ? <Text className='small error-text block'>{errs.consent}</Text> : null}
          </Field>
        ) : null}
        <Field label={t('cs.description')}>
          <TextArea label={t('cs.description')} value={description} onInput={setDescription} testId='cs-description' maxlength={1000} />
        </Field>
        <Field label={t('cs.photos')}>
          <PhotoField ph={ph} testId='cs' />
        </Field>
      </Section>
      {errs.form ? <Text className='small error-text block'>{errs.form}</Text> : null}
      {error ? <ErrorState error={error} /> : null}
      <Btn kind='primary' block loading={!!busy} onClick={() => void submit()} testId='cs-submit'>
        {busy ? t('common.submitting') : t('cs.submit')}
      </Btn>
    </Page>
  )
}
