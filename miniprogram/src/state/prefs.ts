import { keys, load, save } from '../api/storage'

export type Lang = 'zh' | 'en'
export interface Prefs {
  elder: boolean
  lang: Lang
}

export const defaultPrefs: Prefs = { elder: false, lang: 'zh' }

export function loadPrefs(): Prefs {
  return { ...defaultPrefs, ...(load<Partial<Prefs>>(keys.prefs) ?? {}) }
}

export function savePrefs(p: Prefs): void {
  save(keys.prefs, p)
}
