import type { ServiceMenuItem } from '@shared/elderCare/schemas'

/** fen as yuan: 1500 → "¥15", 1250 → "¥12.5" */
export function yuan(fen: number): string {
  return `¥${Number((fen / 100).toFixed(2))}`
}

export function serviceName(item: Pick<ServiceMenuItem, 'name' | 'nameEn'>, lang: 'zh' | 'en'): string {
  return lang === 'en' ? item.nameEn : item.name
}

export const ELDER = '/packages/elderCare'
