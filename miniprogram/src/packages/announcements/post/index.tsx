import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PostAnnouncementInput } from '@shared/announcements/schemas'
import { chinaDateTime, parseChinaDateTime } from '@shared/platform/chinaTime'
import { postPlaces } from '../lib/units'
import { Page } from '../../../components/Page'
import { Btn, Chip, Empty, ErrorState, Field, Loading, Section, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { useAction } from '../../../hooks/useAction'
import { announcements, useAnnouncement } from '../../../hooks/announcements'
import { useCommunities } from '../../../hooks/org'
import { fieldErrors } from '../../../lib/fieldErrors'

/**
 * 发布公告: a community worker (their community, a grid, a building) or an officer (the sub-district, any community or
 * grid under it) posts: audience, title, text, photos, pinned, and optionally a time to publish it (China time).
 * With `?id=` it changes a scheduled one before it is published.
 */
export default function PostAnnouncementPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const editId = useRouter().params.id as string | undefined
  const communities = useCommunities(!!me)
  const existing = useAnnouncement(editId)
  const places = useMemo(() => postPlaces(me, communities.data?.items ?? []), [me, communities.data])
  const [unitId, setUnitId] = useState<string>()
  const [building, setBuilding] = useState('')
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [pinned, setPinned] = useState(false)
  const [when, setWhen] = useState('')
  const ph = usePhotos(9)
  const { busy, error, run, setError } = useAction()
  const [errs, setErrs] = useState<Record<string, string>>({})
  const keyFor = useAttemptKey()
  const place = places.find((p) => p.unitId === unitId) ?? (places.length === 1 ? places[0] : undefined)

  useEffect(() => {
    const a = existing.data
    if (!a) return
    setUnitId(a.audience.unitId)
    setBuilding(a.audience.building ?? '')
    setTitle(a.title)
    setBody(a.body)
    setPinned(a.pinned)
    setWhen(chinaDateTime(a.publishAt))
  }, [existing.data])

  async function submit() {
    setError(undefined)
    if (ph.busy) {
      void Taro.showToast({ title: t('submit.photosBusy'), icon: 'none' })
      return
    }
    const own: Record<string, string> = {}
    const publishAt = when.trim() ? parseChinaDateTime(when.trim()) : undefined
    if (when.trim() && !publishAt) own.publishAt = t('ann.badTime')
    const audience = { unitId: place?.unitId ?? '', ...(building.trim() && place?.kind === 'community' ? { building: building.trim() } : {}) }
    const parsed = PostAnnouncementInput.safeParse({ title, body, audience, photos: ph.keys, pinned, ...(publishAt ? { publishAt } : {}) })
    const found = { ...fieldErrors(t, parsed.error, { title: 'ann.needTitle', body: 'ann.needBody', audience: 'ann.needUnit' }), ...own }
    if (!place) found.audience = t('ann.needUnit')
    setErrs(found)
    if (!parsed.success || Object.keys(found).length) return
    await run('post', async () => {
      const a = editId
        ? await announcements.edit(editId, {
            title: parsed.data.title,
            body: parsed.data.body,
            audience: parsed.data.audience,
            pinned,
            ...(ph.keys.length ? { photos: ph.keys } : {}),
            ...(publishAt ? { publishAt } : {}),
            version: existing.data!.version,
          })
        : await announcements.post(parsed.data, keyFor(parsed.data))
      void Taro.showToast({ title: t('ann.posted'), icon: 'success' })
      await Taro.redirectTo({ url: `/packages/announcements/detail/index?id=${a.id}` })
    })
  }

  if (!me || communities.loading || (editId && !existing.data && !existing.error)) return <Page title='ann.postTitle'>{loadingMe || communities.loading || existing.loading ? <Loading /> : null}</Page>
  return (
    <Page title={editId ? 'ann.editTitle' : 'ann.postTitle'}>
      {communities.error || existing.error ? (
        <ErrorState error={communities.error ?? existing.error} onRetry={() => void (communities.error ? communities.reload() : existing.reload())} />
      ) : !places.length ? (
        <Empty text={t('ann.noUnit')} />
      ) : (
        <>
          <Section>
            <Field label={t('ann.unit')} error={errs.audience}>
              <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('ann.unit') })}>
                {places.map((p) => (
                  <Chip key={p.unitId} selected={place?.unitId === p.unitId} onClick={() => setUnitId(p.unitId)} testId={`ann-unit-${p.unitId}`}>
                    {`${p.name}（${t(`ann.kind.${p.kind}`)}）`}
                  </Chip>
                ))}
              </View>
            </Field>
            {place?.kind === 'community' ? (
              <Field label={t('ann.buildingOf')}>
                <TextInput label={t('ann.buildingOf')} value={building} onInput={setBuilding} testId='ann-building-input' maxlength={20} />
              </Field>
            ) : null}
            <Field label={t('ann.title')} error={errs.title}>
              <TextInput label={t('ann.title')} value={title} onInput={setTitle} testId='ann-title-input' maxlength={60} />
            </Field>
            <Field label={t('ann.body')} error={errs.body}>
              <TextArea label={t('ann.body')} value={body} onInput={setBody} testId='ann-body-input' maxlength={2000} />
            </Field>
            <Field label={t('ann.photos')}>
              <PhotoField ph={ph} testId='ann' />
            </Field>
            <Chip selected={pinned} onClick={() => setPinned(!pinned)} testId='ann-pinned'>
              {t('ann.pin')}
            </Chip>
            <Field label={t('ann.when')} error={errs.publishAt}>
              <TextInput label={t('ann.when')} value={when} onInput={setWhen} testId='ann-publish-at' maxlength={16} placeholder='2026-12-05 09:00' />
            </Field>
          </Section>
          {error ? <ErrorState error={error} /> : null}
          <Btn kind='primary' block loading={!!busy} onClick={() => void submit()} testId='ann-submit'>
            {busy ? t('common.submitting') : editId ? t('ann.saveEdit') : when.trim() ? t('ann.schedule') : t('ann.submit')}
          </Btn>
        </>
      )}
    </Page>
  )
}
