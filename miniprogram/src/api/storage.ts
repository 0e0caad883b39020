import Taro from '@tarojs/taro'

/** Typed, failure-tolerant access to Taro storage (some WebViews refuse storage in private mode). */
export function load<T>(key: string): T | undefined {
  try {
    const v = Taro.getStorageSync(key) as T | '' | undefined
    return v === '' || v === undefined || v === null ? undefined : (v as T)
  } catch {
    return undefined
  }
}

export function save<T>(key: string, value: T): void {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    /* storage full or refused: the app keeps working without it */
  }
}

export function remove(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    /* ignore */
  }
}

export const keys = {
  tokens: 'linli.tokens',
  prefs: 'linli.prefs',
  privacy: 'linli.privacyAgreed',
  matterDraft: 'linli.matterDraft',
} as const
