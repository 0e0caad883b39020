/**
 * ARIA attributes for Taro components. Taro's prop types leave them out, but they reach the element in h5
 * (where the browser tests read them) and are ignored by weapp, which has its own aria-* support.
 */
export function aria(attrs: Record<string, string | number | boolean | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out[k] = typeof v === 'boolean' ? String(v) : v
  return out
}

export const isH5 = process.env.TARO_ENV === 'h5'
