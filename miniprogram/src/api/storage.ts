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
  /** who signed in last on this phone: a different person does not find their drafts */
  lastUser: 'linli.lastUser',
} as const

/** What one person typed and has not sent (a relief draft holds ID numbers and health facts), and their last role. */
const personal = ['linli.matterDraft', 'linli.collectDraft', 'linli.reliefDraft.', 'linli.workbench.last']

/** Removes the drafts of whoever used the app on this phone: at sign-out, and when someone else signs in. */
export function forgetPersonal(): void {
  let stored: string[] = []
  try {
    stored = Taro.getStorageInfoSync().keys
  } catch {
    return
  }
  for (const k of stored) if (personal.some((p) => k === p || (p.endsWith('.') && k.startsWith(p)))) remove(k)
}

/** The person now signed in: if it is not the one before, the one before's drafts go. */
export function rememberSignedIn(userId: string): void {
  if (load<string>(keys.lastUser) === userId) return
  forgetPersonal()
  save(keys.lastUser, userId)
}
