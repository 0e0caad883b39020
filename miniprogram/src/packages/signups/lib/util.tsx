import './messages' // this subpackage's texts, registered before any of its pages renders
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { Me } from '@shared/auth/schemas'
import { parseChinaDateTime } from '@shared/platform/chinaTime'
import { aria, isH5 } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { saveFile } from '../../../lib/saveFile'
import { qrSvg } from './qr'
import './signups.css'
import { org } from '../../../hooks/org'
import { signups } from '../../../hooks/signups'

export interface UnitRef {
  id: string
  name: string
}

/** The units I organize for (my organizer grants), and the communities whose lists I read: theirs, or all of my sub-district's. */
export async function organizerScope(me: Me): Promise<{ units: UnitRef[]; communities: UnitRef[] }> {
  const grants = me.grants.filter((g) => g.role === 'organizer' || g.role === 'communityWorker' || g.role === 'subdistrictOfficer')
  const units = grants.filter((g) => g.role === 'organizer').map((g) => ({ id: g.unitId, name: g.unitName }))
  const own = grants.filter((g) => g.unitPath.length === 2).map((g) => ({ id: g.unitId, name: g.unitName }))
  const subdistricts = grants.filter((g) => g.unitPath.length === 1).map((g) => g.unitId)
  let more: UnitRef[] = []
  if (subdistricts.length) {
    const all = await org.communities()
    more = all.items.filter((c) => subdistricts.includes(c.subdistrictId)).map((c) => ({ id: c.id, name: c.name }))
  }
  const seen = new Set<string>()
  const communities = [...own, ...more].filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)))
  return { units, communities }
}

export { useAction } from '../../../hooks/useAction'

/** WeChat's scanner; in a browser there is none and the page shows a field to type the code instead. */
export async function scanCode(): Promise<string | undefined> {
  if (isH5) return undefined
  const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
  return r.result
}

/** A China-time date and time typed as YYYY-MM-DD and HH:mm, as an ISO instant; undefined when malformed. */
export function chinaInstant(date: string, time: string): string | undefined {
  return parseChinaDateTime(`${date.trim()} ${time.trim()}`)
}

/** A code drawn as a QR image, with the code itself in words below (to read out, or to type where there is no camera). */
export function QrImage({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const t = useT()
  let src = ''
  try {
    src = qrSvg(text)
  } catch {
    src = ''
  }
  return (
    <View className='qr-box' data-testid={testId}>
      {src ? <Image className='qr-img' src={src} mode='aspectFit' {...({ nativeProps: { alt: label } } as object)} {...aria({ role: 'img', 'aria-label': label })} /> : null}
      <Text className='small muted block'>{t('su.qr.codeText')}</Text>
      <Text className='body block qr-text' {...aria({ 'data-testid': testId ? `${testId}-code` : undefined })} userSelect>
        {text}
      </Text>
    </View>
  )
}

/**
 * My certificate as a PDF, opened. The API answers the file base64 in its JSON body (as it answers other files), so
 * there is no URL for Taro.downloadFile to fetch: lib/saveFile writes and opens it in WeChat, downloads it in a browser.
 */
export async function openCertificatePdf(serial: string): Promise<void> {
  const file = await signups.certificateFile(serial)
  await saveFile({ ...file, encoding: 'base64' })
}
