import { useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import { MatterCategory, SubmitMatterInput } from '@shared/sayItDay/schemas'
import { Page } from '../../../components/Page'
import { Btn, Chip, ErrorState, Field, Loading, Section, TextArea } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import type { ApiError } from '../../../api/client'
import { useAction } from '../../../hooks/useAction'
import { sayItDay } from '../../../hooks/sayItDay'
import { useDraft, type Attempt } from '../../../hooks/useDraft'
import { keys } from '../../../api/storage'
import { fmtDate, fmtDateTime } from '../../../lib/format'
import { askSubscribe } from '../../../lib/subscribe'
import { fieldErrors } from '../../../lib/fieldErrors'
import { PhotoField, type Photo } from '../../../components/PhotoField'
import { LocationField, locationOf, type Place } from '../../../components/LocationField'

type Category = (typeof MatterCategory.options)[number]

/** What survives a dropped network or a closed app: the form, the uploaded photos, and the key of the last attempt. */
interface Draft extends Place {
  sessionId?: string
  category?: Category
  text: string
  photos: Photo[]
  anonymous: boolean
  attempt?: Attempt
}

const emptyDraft: Draft = { text: '', photos: [], address: '', anonymous: false }

export default function SubmitMatterPage() {
  const t = useT()
  const { me, config } = useApp()
  const router = useRouter()
  const { draft, hasDraft, photos: ph, update, attemptKey, clear, forget } = useDraft(keys.matterDraft, emptyDraft)
  const { busy, error, run, setError } = useAction()
  const [errs, setErrs] = useState<Record<string, string>>({})

  const wantedSession = (router.params.sessionId as string | undefined) || draft.sessionId
  const communityId = me?.communityId

  const session = useQuery(
    async () => {
      if (wantedSession) return (await sayItDay.session(wantedSession)).session
      if (!communityId) return null
      return (await sayItDay.nextSession(communityId)).session
    },
    [wantedSession, communityId],
    !!me,
  )

  const body = useMemo(
    () => ({
      category: draft.category,
      text: draft.text.trim(),
      photos: ph.keys,
      location: locationOf(draft),
      anonymous: draft.anonymous,
    }),
    [draft],
  )

  async function submit(sessionId: string) {
    setError(undefined)
    if (ph.busy) {
      void Taro.showToast({ title: t('submit.photosBusy'), icon: 'none' })
      return
    }
    const parsed = SubmitMatterInput.safeParse(body)
    if (!parsed.success) {
      setErrs(fieldErrors(t, parsed.error, { text: 'submit.textTooShort', category: 'submit.category' }))
      return
    }
    setErrs({})
    // same body as the last attempt: same key, so a retry after a dropped answer never creates twice
    const idempotencyKey = attemptKey({ sessionId, ...parsed.data }, { sessionId })
    await run('submit', async () => {
      const matter = await sayItDay.submitMatter(sessionId, parsed.data, idempotencyKey)
      clear()
      void Taro.showToast({ title: t('submit.success'), icon: 'success' })
      // the subscribe prompt right after the tap it belongs to: tell me what becomes of it
      await askSubscribe(config?.templates, ['matterOutcome'])
      forget()
      await Taro.redirectTo({ url: `/packages/sayItDay/matter/index?id=${matter.id}` })
    })
  }

  const s = session.data
  return (
    <Page title='submit.title'>
      {hasDraft ? (
        <Text className='small muted block' {...aria({ role: 'status' })} data-testid='submit-draft-restored'>
          {t('submit.draftRestored')}
        </Text>
      ) : null}
      {session.error ? (
        <ErrorState error={session.error} onRetry={session.reload} />
      ) : session.loading && !s ? (
        <Loading />
      ) : !s ? (
        <ErrorState error={{ message: t('submit.noSession'), messageEn: t('submit.noSession') }} />
      ) : (
        <>
          <Section>
            <Text className='body block' data-testid='submit-session'>
              {t('submit.session', { date: fmtDate(s.date, t.lang) })}
            </Text>
            <Text className='small muted block'>{`${t('home.cutoff')}：${fmtDateTime(s.cutoffAt, t.lang)}`}</Text>
          </Section>

          <Section>
            <Field label={t('submit.category')} error={errs.category}>
              <View className='row' {...aria({ role: 'group', 'aria-label': t('submit.category') })}>
                {MatterCategory.options.map((c) => (
                  <Chip key={c} selected={draft.category === c} onClick={() => update({ category: c })} testId={`submit-category-${c}`}>
                    {t(`category.${c}`)}
                  </Chip>
                ))}
              </View>
            </Field>

            <Field label={t('submit.text')} error={errs.text}>
              <TextArea label={t('submit.text')} value={draft.text} onInput={(v) => update({ text: v })} placeholder={t('submit.textPlaceholder')} testId='submit-text' />
            </Field>

            <Field label={t('submit.photos')}>
              <PhotoField ph={ph} testId='submit' />
            </Field>

            <LocationField value={draft} onChange={update} testId='submit' h5Locate />

            <View className='switch-row'>
              <View className='body'>
                <Text className='body block'>{t('submit.anonymous')}</Text>
                <Text className='small muted block'>{t('submit.anonymousHint')}</Text>
              </View>
              <Switch
                checked={draft.anonymous}
                color='#b5121b'
                onChange={(e) => update({ anonymous: e.detail.value })}
                nativeProps={{ 'aria-label': t('submit.anonymous'), 'data-testid': 'submit-anonymous' }}
              />
            </View>
          </Section>

          {error ? <ErrorState error={(error as ApiError).code === 'NETWORK' ? { message: t('submit.offline'), messageEn: t('submit.offline') } : error} /> : null}

          <Btn kind='primary' block loading={!!busy} onClick={() => submit(s.id)} testId='submit-matter'>
            {busy ? t('common.submitting') : t('submit.submit')}
          </Btn>
        </>
      )}
    </Page>
  )
}
