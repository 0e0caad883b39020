import { api } from '../api/routes'
import { call } from '../api/client'

/** Signing in and my own profile, as the pages ask for them (the tokens and `me` themselves live in api/client and state/app). */
export const auth = {
  /** a WeChat login code (or, on the local stack, `dev:<openid>`) for tokens and who I am */
  wechatLogin: (code: string) => call(api.auth.wechatLogin, { body: { code } }),
  updateProfile: (displayName: string) => call(api.auth.updateProfile, { body: { displayName } }),
}
