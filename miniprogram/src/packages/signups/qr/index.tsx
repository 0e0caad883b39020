import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Section } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { fmtTime } from '../../../lib/format'
import { QrImage } from '../lib/util'
import { useShiftQr } from '../../../hooks/signups'

/** The shift's check-in code, on the organizer's phone for volunteers to scan; it changes every minute. */
export default function QrPage() {
  const t = useT()
  const shiftId = useRouter().params.shiftId as string
  const q = useShiftQr(shiftId)

  // fetch the next code a little before this one's window ends; keep the screen on while it shows
  useEffect(() => {
    if (!q.data) return
    const timer = setTimeout(() => void q.reload(), Math.max(5, q.data.refreshSeconds - 5) * 1000)
    return () => clearTimeout(timer)
  }, [q.data?.token])
  useEffect(() => {
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
  }, [])

  return (
    <Page title='su.qr.title'>
      <Section>
        <Text className='body block'>{t('su.qr.explain')}</Text>
        <Async q={q}>
          {(d) => (
            <>
              <QrImage text={d.token} label={t('su.qr.title')} testId='qr' />
              <Text className='small muted block' {...aria({ 'aria-live': 'polite' })}>
                {t('su.qr.validUntil', { time: fmtTime(d.expiresAt), s: d.refreshSeconds })}
              </Text>
            </>
          )}
        </Async>
      </Section>
    </Page>
  )
}
