import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { ReportIllegalBuildingInput } from '@shared/safety/schemas'
import { useWorkedCommunity } from '../lib/community'
import { CommunityPicker } from '../lib/CommunityPicker'
import { Page } from '../../../components/Page'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { Btn, Empty, ErrorState, Field, Loading, Section, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useAction } from '../../../hooks/useAction'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { safety } from '../../../hooks/safety'

/** 上报违建: a grid worker on patrol reports an illegal building: where, what, and at least one photo. */
export default function ReportPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const { worked, current, pick, loading } = useWorkedCommunity(me, useRouter().params.communityId)
  const [place, setPlace] = useState('')
  const [description, setDescription] = useState('')
  const [err, setErr] = useState<string>()
  const ph = usePhotos(9)
  const act = useAction()
  const keyFor = useAttemptKey()

  function send() {
    if (!ph.keys.length) return setErr(t('sf.photos'))
    const parsed = ReportIllegalBuildingInput.safeParse({ place, description, photos: ph.keys })
    if (!parsed.success) return setErr(t('sf.checkFields'))
    setErr(undefined)
    void act.run('send', async () => {
      const c = await safety.reportIllegalBuilding(current!.id, parsed.data, keyFor(parsed.data))
      void Taro.showToast({ title: t('sf.reportSent'), icon: 'success' })
      void Taro.redirectTo({ url: `/packages/safety/case/index?caseId=${c.id}` })
    })
  }

  if (loadingMe || loading) return <Page title='sf.reportTitle'><Loading /></Page>
  if (!current) return <Page title='sf.reportTitle'><Empty text={t('sf.noCommunity')} /></Page>
  return (
    <Page title='sf.reportTitle'>
      <CommunityPicker worked={worked} current={current} pick={pick} />
      <Section title={current.name}>
        <Field label={t('sf.place')}>
          <TextInput label={t('sf.place')} value={place} onInput={setPlace} testId='sf-report-place' maxlength={80} />
        </Field>
        <Field label={t('sf.description')}>
          <TextArea label={t('sf.description')} value={description} onInput={setDescription} testId='sf-report-description' maxlength={500} />
        </Field>
        <Field label={t('sf.photos')}>
          <PhotoField ph={ph} testId='sf-report' />
        </Field>
        {err ? (
          <Text className='small error-text block' {...aria({ role: 'alert' })}>
            {err}
          </Text>
        ) : null}
        <Btn kind='primary' block loading={act.busy === 'send'} disabled={ph.busy} onClick={send} testId='sf-report-submit'>
          {t('sf.report')}
        </Btn>
        {act.error ? <ErrorState error={act.error} /> : null}
      </Section>
    </Page>
  )
}
