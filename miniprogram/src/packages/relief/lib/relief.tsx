import './messages' // this subpackage's texts, registered before any of its pages renders
import Taro from '@tarojs/taro'
import type { Me } from '@shared/auth/schemas'
import { chinaMonth } from '@shared/platform/chinaTime'
import { ApiError, networkError } from '../../../api/client'
import type { MessageKey } from '../../../i18n/messages'
import './relief.css'
import { org } from '../../../hooks/org'
import { relief } from '../../../hooks/relief'

export const RELIEF_TYPES = ['dibao', 'temporaryRelief', 'severeDisabilitySubsidy', 'veteranCare', 'housingSubsidy', 'seniorAllowance', 'seniorCard', 'disabilityCard'] as const
export type ReliefTypeName = (typeof RELIEF_TYPES)[number]

export const typeKey = (type: string) => `rl.type.${type}` as MessageKey
export const statusKey = (status: string) => `rl.status.${status}` as MessageKey
export const statusTone = (status: string): 'neutral' | 'good' | 'warn' | 'bad' | 'brand' =>
  status === 'approved' ? 'good' : status === 'rejected' || status === 'withdrawn' ? 'bad' : status === 'infoRequested' || status === 'draft' ? 'warn' : 'brand'

export interface UnitRef {
  id: string
  name: string
}

/** The units whose review queue I work: communities (community workers), sub-districts (officers). */
export function reviewUnits(me: Me | undefined): (UnitRef & { level: 'community' | 'subdistrict' })[] {
  return (me?.grants ?? [])
    .filter((g) => g.role === 'communityWorker' || g.role === 'subdistrictOfficer')
    .map((g) => ({ id: g.unitId, name: g.unitName, level: g.role === 'communityWorker' ? ('community' as const) : ('subdistrict' as const) }))
}

/** The communities whose payments and figures I manage: mine as a community worker, all of my sub-district's as an officer. */
export async function managedCommunities(me: Me): Promise<UnitRef[]> {
  const own = me.grants.filter((g) => g.role === 'communityWorker').map((g) => ({ id: g.unitId, name: g.unitName }))
  const sds = me.grants.filter((g) => g.role === 'subdistrictOfficer').map((g) => g.unitId)
  let more: UnitRef[] = []
  if (sds.length) more = (await org.communities()).items.filter((c) => sds.includes(c.subdistrictId)).map((c) => ({ id: c.id, name: c.name }))
  const seen = new Set<string>()
  return [...own, ...more].filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)))
}

/** This month in China, YYYY-MM. */
export function thisMonth(): string {
  return chinaMonth(Date.now())
}

export const isPeriod = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s.trim())

export { useAction } from '../../../hooks/useAction'

/** A document photo picked from the album or camera. */
export async function pickDocument(): Promise<{ path: string; size: number; type?: string } | undefined> {
  try {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    const f = res.tempFiles[0]
    return f ? { path: f.path, size: f.size, type: (f as { type?: string }).type } : undefined
  } catch {
    return undefined // cancelled
  }
}

/** One document to storage by the presigned POST of `POST /relief/uploads`; answers the key the application names. */
export async function uploadDocument(file: { path: string; size: number; type?: string }): Promise<string> {
  const t = (file.type ?? '').toLowerCase()
  const contentType = t.includes('png') || /\.png$/i.test(file.path) ? 'image/png' : t.includes('webp') ? 'image/webp' : t.includes('pdf') ? 'application/pdf' : 'image/jpeg'
  const up = await relief.upload({ contentType, size: Math.max(1, file.size) })
  let res: { statusCode: number }
  try {
    res = await Taro.uploadFile({ url: up.url, filePath: file.path, name: 'file', formData: up.fields, ...({ withCredentials: false } as object) })
  } catch {
    throw networkError()
  }
  if (res.statusCode < 200 || res.statusCode >= 300) throw new ApiError(res.statusCode, 'UPLOAD_FAILED', '材料上传失败，请重试', 'The upload failed')
  return up.key
}

export const go = (url: string) => () => void Taro.navigateTo({ url })
