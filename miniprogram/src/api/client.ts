import Taro from '@tarojs/taro'
import type { BodyOf, ParamsOf, QueryOf, ResponseOf } from '@shared/http'
import type { Tokens } from '@shared/auth/schemas'
import type { ErrorBody } from '@shared/errors'
import { api, type Route } from './routes'
import { forgetPersonal, keys, load, remove, save } from './storage'

/** Where the API is: through the dev server's /api proxy in a browser, the configured https domain in WeChat. */
export const apiBase: string = process.env.TARO_ENV === 'h5' ? '/api' : process.env.TARO_APP_API_BASE || 'https://api.linli.example.com'

/** An error answer of the API (or of the network), with the message people read in both languages. */
export class ApiError extends Error {
  /** what the error body adds (e.g. an import's row-level errors) */
  details?: Record<string, unknown>
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly requestId?: string,
    readonly issues?: ErrorBody['issues'],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK', '网络不给力，请检查网络后重试', 'The network is down: check it and try again')
}

type Stored = Pick<Tokens, 'accessToken' | 'refreshToken'>

let tokens: Stored | undefined = load<Stored>(keys.tokens)
const signedOutListeners = new Set<() => void>()

export function setTokens(t: Stored | undefined): void {
  tokens = t
  if (t) save(keys.tokens, { accessToken: t.accessToken, refreshToken: t.refreshToken })
  else remove(keys.tokens)
}

/**
 * Signs out on the server too (this sign-in: its refresh token stops, and the access token with it), then forgets the
 * tokens here. Offline, the tokens are forgotten all the same: they expire on their own.
 */
export async function signOut(): Promise<void> {
  const held = tokens
  if (held) {
    const r = api.auth.logout
    await send(r.method, r.path, { refreshToken: held.refreshToken }, { Authorization: `Bearer ${held.accessToken}`, 'Idempotency-Key': newIdempotencyKey() }).catch(() => undefined)
  }
  setTokens(undefined)
  // a shared phone: the next person must not find this one's drafts
  forgetPersonal()
}

export function isLoggedIn(): boolean {
  return !!tokens
}

/** Called when the session is gone for good (refresh refused): the app goes back to the login page. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener)
  return () => signedOutListeners.delete(listener)
}

/** A key for one user action; keep it across retries of that action so the server creates once. */
export function newIdempotencyKey(): string {
  const rnd = () => Math.random().toString(36).slice(2, 10)
  return `${Date.now().toString(36)}-${rnd()}-${rnd()}`
}

/** Fills `{name}` placeholders (the same rule as shared/http.ts fillPath, which we cannot import at runtime without zod). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(value)
  })
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return ''
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

type IsEmpty<T> = [keyof T] extends [never] ? true : string extends keyof T ? true : false
type ParamsPart<E> = IsEmpty<ParamsOf<E>> extends true ? { params?: undefined } : { params: ParamsOf<E> }
type BodyPart<E> = [BodyOf<E>] extends [undefined] ? { body?: undefined } : { body: BodyOf<E> }
type QueryPart<E> = IsEmpty<QueryOf<E>> extends true ? { query?: undefined } : { query?: QueryOf<E> }

export type CallOptions<E> = ParamsPart<E> &
  BodyPart<E> &
  QueryPart<E> & {
    /** required by creates: the same key on every retry of one user action */
    idempotencyKey?: string
    /** pages may show their own error state instead of the toast */
    silent?: boolean
  }

interface RawResponse {
  statusCode: number
  data: unknown
}

async function send(method: string, url: string, body: unknown, headers: Record<string, string>): Promise<RawResponse> {
  try {
    const res = await Taro.request({
      url: apiBase + url,
      method: method as 'GET',
      data: body === undefined ? undefined : (body as Record<string, unknown>),
      header: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      dataType: 'json',
      timeout: 15000,
    })
    return { statusCode: res.statusCode, data: res.data }
  } catch {
    throw networkError()
  }
}

/** How long to wait, as people say it: 约 5 分钟 / about 5 minutes (rounded up: never sooner than the server allows). */
export function waitText(seconds: number): { zh: string; en: string } {
  if (seconds < 60) return { zh: `${seconds} 秒`, en: `${seconds} second${seconds === 1 ? '' : 's'}` }
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) return { zh: `约 ${minutes} 分钟`, en: `about ${minutes} minute${minutes === 1 ? '' : 's'}` }
  const hours = Math.ceil(minutes / 60)
  return { zh: `约 ${hours} 小时`, en: `about ${hours} hour${hours === 1 ? '' : 's'}` }
}

function toApiError(res: RawResponse): ApiError {
  const b = (typeof res.data === 'object' && res.data ? res.data : {}) as Partial<ErrorBody>
  if (res.statusCode === 429 && b.code && b.message) {
    // too many of one action: the message says how long to wait, in both languages (the page shows the reader's);
    // the app never retries a 429 by itself
    const wait = typeof b.retryAfterSeconds === 'number' && b.retryAfterSeconds > 0 ? waitText(Math.ceil(b.retryAfterSeconds)) : undefined
    const zh = wait ? `${b.message}（请${wait.zh}后再试）` : b.message
    const en = wait ? `${b.messageEn ?? b.message} (in ${wait.en})` : (b.messageEn ?? b.message)
    return Object.assign(new ApiError(429, b.code, zh, en, b.requestId), { details: { retryAfterSeconds: b.retryAfterSeconds } })
  }
  if (b.code && b.message) return Object.assign(new ApiError(res.statusCode, b.code, b.message, b.messageEn ?? b.message, b.requestId, b.issues), { details: b.details })
  if (res.statusCode >= 500 || res.statusCode === 0) return new ApiError(res.statusCode, 'INTERNAL', '服务器开小差了，请稍后再试', 'Something went wrong on our side')
  return new ApiError(res.statusCode, 'HTTP_' + res.statusCode, '请求失败，请稍后再试', 'The request failed')
}

let refreshing: Promise<boolean> | undefined

/** Trade the refresh token for new tokens, once for all the calls that found the access token expired. */
function refreshOnce(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = tokens?.refreshToken
      if (!refreshToken) return false
      const r = api.auth.refresh
      const res = await send(r.method, r.path, { refreshToken }, {})
      if (res.statusCode === 200) {
        const t = res.data as Tokens
        setTokens(t)
        return true
      }
      return false
    })()
      .catch(() => false)
      .finally(() => {
        refreshing = undefined
      })
  }
  return refreshing
}

/**
 * The one way the app talks to the API: typed by the contract's endpoint.
 * Sends the access token; on TOKEN_EXPIRED or TOKEN_REVOKED refreshes once and retries; creates carry an Idempotency-Key.
 * A 429 (RATE_LIMITED) is never retried here: it is thrown with the wait in its message, for the person to decide.
 */
export async function call<E>(route: Route<E>, options: CallOptions<E>): Promise<ResponseOf<E>> {
  const url = fillPath(route.path, (options.params ?? {}) as Record<string, string>) + queryString(options.query as Record<string, unknown> | undefined)
  // one key for this action, kept across the retry after a refresh
  const idempotencyKey = options.idempotencyKey ?? (route.idempotent ? newIdempotencyKey() : undefined)
  const headers = (): Record<string, string> => {
    const h: Record<string, string> = {}
    if (tokens) h.Authorization = `Bearer ${tokens.accessToken}`
    if (idempotencyKey) h['Idempotency-Key'] = idempotencyKey
    return h
  }
  let res = await send(route.method, url, options.body, headers())
  if (res.statusCode === 401 && tokens) {
    const code = (res.data as Partial<ErrorBody> | undefined)?.code
    // expired, or issued before the grants changed (TOKEN_REVOKED): the refresh token gets one with the grants as they are now
    if ((code === 'TOKEN_EXPIRED' || code === 'TOKEN_REVOKED') && (await refreshOnce())) {
      res = await send(route.method, url, options.body, headers())
    }
    if (res.statusCode === 401) {
      setTokens(undefined)
      signedOutListeners.forEach((l) => l())
    }
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as ResponseOf<E>
  throw toApiError(res)
}
