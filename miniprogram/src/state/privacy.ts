import Taro from '@tarojs/taro'
import { keys, load, save } from '../api/storage'

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

/**
 * WeChat's privacy-agreement flow. In weapp the base library asks (onNeedPrivacyAuthorization) when a privacy
 * API is first used; the popup's agree button has open-type agreePrivacyAuthorization. In h5 a first-run banner
 * asks once. Either way the answer is kept, so we ask once.
 */
let pending: Resolve | undefined
let visible = false
const listeners = new Set<(v: boolean) => void>()

function setVisible(v: boolean) {
  visible = v
  listeners.forEach((l) => l(v))
}

export function privacyAgreed(): boolean {
  return load<boolean>(keys.privacy) === true
}

export function subscribePrivacy(l: (v: boolean) => void): () => void {
  listeners.add(l)
  l(visible)
  return () => listeners.delete(l)
}

export function agreePrivacy(buttonId?: string): void {
  save(keys.privacy, true)
  pending?.({ event: 'agree', buttonId })
  pending = undefined
  setVisible(false)
}

export function disagreePrivacy(): void {
  pending?.({ event: 'disagree' })
  pending = undefined
  setVisible(false)
}

export function openPrivacyGuide(): void {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.openPrivacyContract({})
  } else {
    void Taro.navigateTo({ url: '/packages/me/settings/index?privacy=1' })
  }
}

/** Called once at launch. */
export function initPrivacy(): void {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pending = resolve
      resolve({ event: 'exposureAuthorization' })
      setVisible(true)
    })
    Taro.getPrivacySetting({
      success: (res: { needAuthorization: boolean }) => {
        if (res.needAuthorization) setVisible(true)
        else save(keys.privacy, true)
      },
    })
  } else if (!privacyAgreed()) {
    setVisible(true)
  }
}
