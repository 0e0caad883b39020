import { addDays, CHINA_OFFSET_MS, chinaDay as dayOf } from '@shared/platform/chinaTime'

/** Dates are shown in China time (UTC+8, no daylight saving), whatever the phone's zone. */

function parts(iso: string) {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  const p = (n: number) => String(n).padStart(2, '0')
  return { y: d.getUTCFullYear(), m: p(d.getUTCMonth() + 1), d: p(d.getUTCDate()), h: p(d.getUTCHours()), min: p(d.getUTCMinutes()), wd: d.getUTCDay() }
}

const weekdaysZh = ['日', '一', '二', '三', '四', '五', '六']
const weekdaysEn = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

export function fmtDate(isoDate: string, lang: 'zh' | 'en'): string {
  const x = parts(isoDate.length === 10 ? `${isoDate}T00:00:00+08:00` : isoDate)
  return lang === 'en' ? `${weekdaysEn[x.wd]} ${x.y}-${x.m}-${x.d}` : `${x.y}年${Number(x.m)}月${Number(x.d)}日 星期${weekdaysZh[x.wd]}`
}

export function fmtTime(iso: string): string {
  const x = parts(iso)
  return `${x.h}:${x.min}`
}

export function fmtDateTime(iso: string, lang: 'zh' | 'en'): string {
  const x = parts(iso)
  return lang === 'en' ? `${x.y}-${x.m}-${x.d} ${x.h}:${x.min}` : `${Number(x.m)}月${Number(x.d)}日 ${x.h}:${x.min}`
}

/** today in China, YYYY-MM-DD, shifted by some days */
export function chinaDay(offsetDays = 0): string {
  return addDays(dayOf(Date.now()), offsetDays)
}
