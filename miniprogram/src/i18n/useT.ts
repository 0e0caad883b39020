import { useCallback } from 'react'
import { useApp } from '../state/app'
import type { MessageKey } from './messages'
import { translate } from './translate'

export { translate }
import type { ApiError } from '../api/client'

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string

export function useT(): T & { lang: 'zh' | 'en'; elder: boolean; errorText(e: unknown): string } {
  const { prefs } = useApp()
  const t = useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(key, prefs.lang, prefs.elder, vars), [prefs.lang, prefs.elder])
  const errorText = (e: unknown) => {
    const err = e as Partial<ApiError> | undefined
    if (err && typeof err.message === 'string' && err.message) return prefs.lang === 'en' ? err.messageEn || err.message : err.message
    return translate('common.error', prefs.lang, prefs.elder)
  }
  return Object.assign(t, { lang: prefs.lang, elder: prefs.elder, errorText })
}
