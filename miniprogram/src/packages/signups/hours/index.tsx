import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Certificate } from '@shared/signups/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useQuery } from '../../../hooks/useQuery'
import { chinaDay, fmtDate, fmtDateTime } from '../../../lib/format'
import { hoursOf } from '../../../lib/signups'
import { openCertificatePdf, useAction } from '../lib/util'
import { signups } from '../../../hooks/signups'

/** My service-hours ledger, and a certificate of the hours of a period (the data and its verifiable serial). */
export default function HoursPage() {
  const t = useT()
  const q = useQuery(() => signups.myHours(), [])
  const [from, setFrom] = useState(`${chinaDay().slice(0, 4)}-01-01`)
  const [to, setTo] = useState(chinaDay())
  const [cert, setCert] = useState<Certificate>()
  const [checked, setChecked] = useState<boolean>()
  const [opened, setOpened] = useState(false)
  const act = useAction()

  const issue = () =>
    act.run('issue', async () => {
      setChecked(undefined)
      setOpened(false)
      setCert(await signups.issueCertificate({ from: from.trim(), to: to.trim() }))
    })
  const openPdf = () =>
    act.run('pdf', async () => {
      if (!cert) return
      await openCertificatePdf(cert.serial)
      setOpened(true)
    })
  const verify = () =>
    act.run('verify', async () => {
      if (!cert) return
      const r = await signups.verifyCertificate(cert.serial)
      setChecked(r.valid)
    })

  return (
    <Page title='su.hours.title'>
      <Async q={q}>
        {(d) => (
          <>
            <Section>
              <Text className='h2 block' data-testid='hours-total'>
                {t('su.hours.total', { h: hoursOf(d.totalMinutes) })}
              </Text>
              <Text className='small muted block'>{t('su.hours.explain')}</Text>
            </Section>
            <Section title={t('su.hours.ledger')}>
              {d.entries.length === 0 ? <Text className='body muted block'>{t('su.hours.none')}</Text> : null}
              <View data-testid='hours-entries'>
                {d.entries.map((e) => (
                  <View key={`${e.shiftId}`} className='card'>
                    <View className='row'>
                      <Tag tone='good'>{t('su.hours.confirmed')}</Tag>
                      {e.elderToElder ? <Tag tone='brand'>{t('su.activity.elderToElder')}</Tag> : null}
                    </View>
                    <Text className='card-title'>{e.activityTitle}</Text>
                    <Text className='small block'>{`${fmtDate(e.servedOn, t.lang)} · ${t('su.hours.hours', { h: hoursOf(e.minutes) })}`}</Text>
                    {e.adjustReason ? <Text className='small muted block'>{t('su.hours.adjusted', { reason: e.adjustReason, h: hoursOf(e.claimedMinutes) })}</Text> : null}
                  </View>
                ))}
              </View>
            </Section>
          </>
        )}
      </Async>

      <Section title={t('su.cert.title')}>
        <Text className='small muted block'>{t('su.cert.explain')}</Text>
        <Field label={t('su.cert.from')}>
          <TextInput label={t('su.cert.from')} value={from} onInput={setFrom} testId='cert-from' maxlength={10} />
        </Field>
        <Field label={t('su.cert.to')}>
          <TextInput label={t('su.cert.to')} value={to} onInput={setTo} testId='cert-to' maxlength={10} />
        </Field>
        {act.error ? <ErrorState error={act.error} /> : null}
        <Btn kind='primary' block loading={act.busy === 'issue'} onClick={issue} testId='cert-issue'>
          {t('su.cert.issue')}
        </Btn>
        {cert ? (
          <View className='card' data-testid='certificate'>
            <Text className='h2 block'>{t('su.cert.heading')}</Text>
            {(
              [
                ['su.cert.serial', cert.serial],
                ['su.cert.name', cert.name],
                ['su.cert.maskedId', cert.maskedId ?? t('su.cert.noId')],
                ['su.cert.organisation', cert.organisation],
                ['su.cert.period', `${fmtDate(cert.from, t.lang)} – ${fmtDate(cert.to, t.lang)}`],
                ['su.cert.hours', t('su.hours.hours', { h: String(cert.hours) })],
                ['su.cert.issuedAt', fmtDateTime(cert.issuedAt, t.lang)],
              ] as const
            ).map(([k, v]) => (
              <View className='kv' key={k}>
                <Text className='k'>{t(k)}</Text>
                <Text className='v' {...aria({ 'data-testid': k === 'su.cert.serial' ? 'cert-serial' : undefined })}>
                  {v}
                </Text>
              </View>
            ))}
            <Text className='label'>{t('su.cert.activities')}</Text>
            {cert.activities.map((a, i) => (
              <Text key={i} className='small block'>{`${fmtDate(a.servedOn, t.lang)} ${a.title} · ${t('su.hours.hours', { h: hoursOf(a.minutes) })}`}</Text>
            ))}
            <Text className='small muted block'>{t('su.cert.rule')}</Text>
            <Btn kind='primary' block loading={act.busy === 'pdf'} onClick={openPdf} testId='cert-pdf'>
              {t('su.cert.pdf')}
            </Btn>
            <Text className='small muted block'>{t('su.cert.pdfHint')}</Text>
            {opened ? (
              <Text className='small block' {...aria({ role: 'status' })} data-testid='cert-opened'>
                {t('su.cert.opened')}
              </Text>
            ) : null}
            <Btn block loading={act.busy === 'verify'} onClick={verify} testId='cert-verify'>
              {t('su.cert.verify')}
            </Btn>
            {checked !== undefined ? (
              <Text className='body block' {...aria({ role: 'status' })} data-testid='cert-verified'>
                {checked ? `✓ ${t('su.cert.valid')}` : `✗ ${t('su.cert.invalid')}`}
              </Text>
            ) : null}
          </View>
        ) : null}
        <Btn block onClick={() => Taro.navigateTo({ url: '/packages/signups/verify/index' })} testId='cert-check-other'>
          {t('su.cert.checkOther')}
        </Btn>
      </Section>
    </Page>
  )
}
