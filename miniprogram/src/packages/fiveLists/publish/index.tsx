import { useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CreateConsultationInput } from '@shared/fiveLists/schemas'
import { chinaDateTime, parseChinaDateTime } from '@shared/platform/chinaTime'
import { Page } from '../../../components/Page'
import { Btn, Chip, Empty, ErrorState, Field, Loading, Section, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useAction } from '../../../hooks/useAction'
import { fiveLists } from '../../../hooks/fiveLists'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { fieldErrors } from '../../../lib/fieldErrors'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { consultationUnits } from '../lib/roles'

const MIN_OPTIONS = 2
const MAX_OPTIONS = 10

/** China wall time `YYYY-MM-DD HH:mm` of an instant, and back (undefined for 2026-02-30, which is not a day). */
const wall = chinaDateTime
const instant = parseChinaDateTime

/**
 * 发布决策咨询: a community worker (their community) or a sub-district officer (their sub-district) publishes a major
 * decision for residents to vote on: title, description, pictures, 2–10 options and the voting window. The result
 * with its counts is shown on the consultation once the window closes.
 */
export default function PublishConsultationPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const units = useMemo(() => consultationUnits(me), [me])
  const wanted = useRouter().params.unitId as string | undefined
  const [unitId, setUnitId] = useState<string | undefined>(wanted)
  const unit = units.find((u) => u.id === unitId) ?? (units.length === 1 ? units[0] : units.find((u) => u.id === wanted))
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [options, setOptions] = useState<string[]>(['', ''])
  const [opensAt, setOpensAt] = useState(() => wall(Math.ceil(Date.now() / 3600_000) * 3600_000))
  const [closesAt, setClosesAt] = useState(() => wall(Math.ceil(Date.now() / 3600_000) * 3600_000 + 7 * 86400_000))
  const ph = usePhotos(9)
  const { busy, error, run, setError } = useAction()
  const [errs, setErrs] = useState<Record<string, string>>({})
  const keyFor = useAttemptKey()

  const setOption = (i: number, v: string) => setOptions((os) => os.map((o, j) => (j === i ? v : o)))
  const days = (n: number) => {
    const from = instant(opensAt)
    if (from) setClosesAt(wall(Date.parse(from) + n * 86400_000))
  }

  async function publish() {
    setError(undefined)
    if (ph.busy) {
      void Taro.showToast({ title: t('submit.photosBusy'), icon: 'none' })
      return
    }
    // what the schema cannot tell (a time that is no day, a window already over, the same option twice) comes first
    const own: Record<string, string> = {}
    const from = instant(opensAt)
    const to = instant(closesAt)
    if (!from) own.opensAt = t('fl.pub.badTime')
    if (!to) own.closesAt = t('fl.pub.badTime')
    else if ((from && to <= from) || Date.parse(to) <= Date.now()) own.closesAt = t('fl.pub.badWindow')
    const labels = options.map((o) => o.trim()).filter(Boolean)
    if (new Set(labels).size !== labels.length) own.options = t('fl.pub.needOptions')
    const parsed = CreateConsultationInput.safeParse({ unitId: unit?.id ?? '', title, description, attachments: ph.keys, options: labels, opensAt: from ?? '', closesAt: to ?? '' })
    const found = {
      ...fieldErrors(t, parsed.error, { title: 'fl.pub.needTitle', description: 'fl.pub.needDescription', options: 'fl.pub.needOptions', unitId: 'fl.pub.noUnit', opensAt: 'fl.pub.badTime', closesAt: 'fl.pub.badTime' }),
      ...own,
    }
    setErrs(found)
    if (!parsed.success || Object.keys(found).length) return
    const idempotencyKey = keyFor(parsed.data)
    await run('publish', async () => {
      const c = await fiveLists.createConsultation(parsed.data, idempotencyKey)
      void Taro.showToast({ title: t('fl.pub.done'), icon: 'success' })
      await Taro.redirectTo({ url: `/packages/fiveLists/consultation/index?id=${c.id}` })
    })
  }

  return (
    <Page title='fl.publishTitle'>
      {!me ? (
        loadingMe ? <Loading /> : <ErrorState error={undefined} />
      ) : !units.length ? (
        <Empty text={t('fl.pub.noUnit')} />
      ) : (
        <>
          <Section>
            <Field label={t('fl.pub.unit')} error={errs.unitId}>
              <View className='row' {...aria({ role: 'group', 'aria-label': t('fl.pub.unit') })}>
                {units.map((u) => (
                  <Chip key={u.id} selected={unit?.id === u.id} onClick={() => setUnitId(u.id)} testId={`fl-pub-unit-${u.id}`}>
                    {u.name}
                  </Chip>
                ))}
              </View>
            </Field>
            <Field label={t('fl.pub.title')} error={errs.title}>
              <TextInput label={t('fl.pub.title')} value={title} onInput={setTitle} testId='fl-pub-title' maxlength={100} />
            </Field>
            <Field label={t('fl.pub.description')} error={errs.description}>
              <TextArea label={t('fl.pub.description')} value={description} onInput={setDescription} testId='fl-pub-description' maxlength={5000} />
            </Field>
            <Field label={t('fl.pub.attachments')}>
              <PhotoField ph={ph} testId='fl-pub' />
            </Field>
          </Section>

          <Section title={t('fl.options')}>
            {options.map((o, i) => (
              <Field key={i} label={t('fl.pub.optionN', { n: i + 1 })}>
                <View className='row'>
                  <View style={{ flex: 1 }}>
                    <TextInput label={t('fl.pub.optionN', { n: i + 1 })} value={o} onInput={(v) => setOption(i, v)} testId={`fl-pub-option-${i}`} maxlength={100} />
                  </View>
                  {options.length > MIN_OPTIONS ? (
                    <Btn small label={t('fl.pub.removeOption', { n: i + 1 })} onClick={() => setOptions((os) => os.filter((_, j) => j !== i))} testId={`fl-pub-remove-option-${i}`}>
                      ✕
                    </Btn>
                  ) : null}
                </View>
              </Field>
            ))}
            {errs.options ? (
              <Text className='small error-text block' {...aria({ role: 'alert' })}>
                {errs.options}
              </Text>
            ) : null}
            {options.length < MAX_OPTIONS ? (
              <Btn small onClick={() => setOptions((os) => [...os, ''])} testId='fl-pub-add-option'>
                {`+ ${t('fl.pub.addOption')}`}
              </Btn>
            ) : null}
          </Section>

          <Section>
            <Field label={t('fl.pub.opensAt')} error={errs.opensAt}>
              <TextInput label={t('fl.pub.opensAt')} value={opensAt} onInput={setOpensAt} testId='fl-pub-opens' maxlength={16} />
            </Field>
            <View className='row' {...aria({ role: 'group', 'aria-label': t('fl.pub.closesAt') })}>
              {[3, 7, 14].map((n) => (
                <Chip key={n} selected={!!instant(opensAt) && instant(closesAt) === new Date(Date.parse(instant(opensAt)!) + n * 86400_000).toISOString()} onClick={() => days(n)} testId={`fl-pub-days-${n}`}>
                  {t('fl.pub.days', { n })}
                </Chip>
              ))}
            </View>
            <Field label={t('fl.pub.closesAt')} error={errs.closesAt}>
              <TextInput label={t('fl.pub.closesAt')} value={closesAt} onInput={setClosesAt} testId='fl-pub-closes' maxlength={16} />
            </Field>
          </Section>

          {error ? <ErrorState error={error} /> : null}
          <Btn kind='primary' block loading={!!busy} onClick={publish} testId='fl-pub-submit'>
            {busy ? t('common.submitting') : t('fl.pub.submit')}
          </Btn>
        </>
      )}
    </Page>
  )
}
