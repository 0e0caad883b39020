import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import type { CertificateCheck } from '@shared/signups/schemas'
import { Page } from '../../../components/Page'
import { Btn, ErrorState, Field, Section, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { fmtDate, fmtDateTime } from '../../../lib/format'
import { hoursOf } from '../../../lib/signups'
import { useAction } from '../lib/util'
import { signups } from '../../../hooks/signups'

type Check = z.infer<typeof CertificateCheck>

/**
 * Anyone checks a certificate of service by its number (a school, an employer, the volunteer's unit): valid or not,
 * and what it says, with the name masked. `?serial=` fills the number in and checks at once.
 */
export default function VerifyPage() {
  const t = useT()
  const initial = ((useRouter().params.serial as string | undefined) ?? '').toUpperCase()
  const [serial, setSerial] = useState(initial)
  const [result, setResult] = useState<Check>()
  const act = useAction()

  const check = (s = serial) =>
    act.run('check', async () => {
      const clean = s.trim().toUpperCase()
      if (!/^[A-Z0-9]{1,64}$/.test(clean)) return setResult({ serial: clean, valid: false })
      setResult(await signups.verifyCertificate(clean))
    })
  useEffect(() => {
    if (initial) void check(initial)
  }, [initial])

  return (
    <Page title='su.verify.title'>
      <Section>
        <Text className='body block'>{t('su.verify.explain')}</Text>
        <Field label={t('su.verify.serial')}>
          <TextInput label={t('su.verify.serial')} value={serial} onInput={setSerial} testId='verify-serial' maxlength={64} />
        </Field>
        {act.error ? <ErrorState error={act.error} /> : null}
        <Btn kind='primary' block disabled={!serial.trim()} loading={act.busy === 'check'} onClick={() => check()} testId='verify-check'>
          {t('su.verify.check')}
        </Btn>
      </Section>
      {result ? (
        <Section>
          <View {...aria({ role: 'status' })} data-testid='verify-result'>
            <Text className={`h2 block ${result.valid ? '' : 'error-text'}`}>{result.valid ? t('su.verify.validHeading') : t('su.verify.invalidHeading')}</Text>
            {result.valid ? (
              (
                [
                  ['su.cert.serial', result.serial],
                  ['su.cert.name', result.name ?? ''],
                  ['su.cert.maskedId', result.maskedId ?? t('su.cert.noId')],
                  ['su.cert.organisation', result.organisation ?? ''],
                  ['su.cert.period', result.from && result.to ? `${fmtDate(result.from, t.lang)} – ${fmtDate(result.to, t.lang)}` : ''],
                  ['su.cert.hours', t('su.hours.hours', { h: String(hoursOf(result.totalMinutes ?? 0)) })],
                  ['su.cert.issuedAt', result.issuedAt ? fmtDateTime(result.issuedAt, t.lang) : ''],
                ] as const
              ).map(([k, v]) => (
                <View className='kv' key={k}>
                  <Text className='k'>{t(k)}</Text>
                  <Text className='v'>{v}</Text>
                </View>
              ))
            ) : (
              <Text className='body block'>{t('su.verify.invalidExplain')}</Text>
            )}
          </View>
        </Section>
      ) : null}
    </Page>
  )
}
