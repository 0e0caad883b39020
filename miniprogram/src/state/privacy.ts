import Taro from '@tarojs/taro'
import type { ResponseOf } from '@shared/http'
import type { Api } from '@shared/api'
import { call, isLoggedIn } from '../api/client'
import { api } from '../api/routes'
import { keys, load, save } from '../api/storage'

type PrivacyState = ResponseOf<Api['privacy']['state']>
/** The server's policy when a newer version than the one I accepted is in force: the sheet shows it and asks. */
export type NewPolicy = PrivacyState['policy'] & { acceptedVersion?: string }

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

/**
 * WeChat's privacy-agreement flow. In weapp the base library asks (onNeedPrivacyAuthorization) when a privacy
 * API is first used; the popup's agree button has open-type agreePrivacyAuthorization. In h5 a first-run banner
 * asks once. Either way the answer is kept, so we ask once.
 */
let pending: Resolve | undefined
let visible = false
let newPolicy: NewPolicy | undefined
const listeners = new Set<(v: boolean) => void>()
const policyListeners = new Set<(p: NewPolicy | undefined) => void>()

function setVisible(v: boolean) {
  visible = v
  listeners.forEach((l) => l(v))
}

function setNewPolicy(p: NewPolicy | undefined) {
  newPolicy = p
  policyListeners.forEach((l) => l(p))
}

export function privacyAgreed(): boolean {
  return load<boolean>(keys.privacy) === true
}

export function subscribePrivacy(l: (v: boolean) => void): () => void {
  listeners.add(l)
  l(visible)
  return () => listeners.delete(l)
}

/** The newer policy the sheet shows (undefined: the sheet is the launch agreement). */
export function subscribeNewPolicy(l: (p: NewPolicy | undefined) => void): () => void {
  policyListeners.add(l)
  l(newPolicy)
  return () => policyListeners.delete(l)
}

/**
 * Agreeing in the sheet. For a newer policy the acceptance is recorded on the server (POST /me/privacy/accept) before
 * the sheet closes; if that fails the sheet stays and the error is thrown to the caller to show.
 */
export async function agreePrivacy(buttonId?: string): Promise<void> {
  save(keys.privacy, true)
  pending?.({ event: 'agree', buttonId })
  pending = undefined
  const p = newPolicy
  if (p) {
    await call(api.privacy.accept, { body: { version: p.version } })
    setNewPolicy(undefined)
  }
  setVisible(false)
}

/**
 * Not agreeing closes the sheet for this launch and the app goes on, as WeChat's own flow does (what needs the
 * agreement stays refused until it is given); a newer policy is asked again at the next launch or sign-in.
 */
export function disagreePrivacy(): void {
  pending?.({ event: 'disagree' })
  pending = undefined
  setNewPolicy(undefined)
  setVisible(false)
}

/** The sign-in last checked (its refresh token): another person signing in on this phone is checked too. */
let checkedFor: string | undefined
let checking: Promise<void> | undefined

/**
 * After sign-in (and at launch when already signed in), once per sign-in: GET /me/privacy. A person who never accepted
 * a version on the server and agreed to the launch prompt on this phone has their acceptance of the version in force
 * recorded (the launch prompt is where they agreed). A person who accepted an older version is asked again: the sheet
 * shows the new version, what changed and its text, and records the acceptance. A failure (offline) asks nothing; the
 * next launch checks again.
 */
export function checkPolicyVersion(): Promise<void> {
  const signIn = load<{ refreshToken?: string }>(keys.tokens)?.refreshToken
  if (!isLoggedIn() || !signIn || checkedFor === signIn) return checking ?? Promise.resolve()
  checkedFor = signIn
  checking = (async () => {
    try {
      const s = await call(api.privacy.state, {})
      if (!s.needsAcceptance) return
      if (!s.acceptedVersion && privacyAgreed()) {
        await call(api.privacy.accept, { body: { version: s.policy.version } })
        return
      }
      setNewPolicy({ ...s.policy, acceptedVersion: s.acceptedVersion })
      setVisible(true)
    } catch {
      checkedFor = undefined
    } finally {
      checking = undefined
    }
  })()
  return checking
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
