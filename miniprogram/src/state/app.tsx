import { createContext, useCallback, useContext, useEffect, useMemo, useState, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import type { Me } from '@shared/auth/schemas'
import type { ResponseOf } from '@shared/http'
import type { Api } from '@shared/api'
import { api } from '../api/routes'
import { call, isLoggedIn, onSignedOut, signOut } from '../api/client'
import { loadPrefs, savePrefs, type Prefs } from './prefs'
import { rememberSignedIn } from '../api/storage'
import { translate } from '../i18n/translate'

type ClientConfig = ResponseOf<Api['platform']['config']>

export interface AppState {
  me?: Me
  /** true until the first GET /me answered (or there is no token) */
  loadingMe: boolean
  prefs: Prefs
  config?: ClientConfig
  setPrefs(p: Partial<Prefs>): void
  refreshMe(): Promise<Me | undefined>
  signedIn(me: Me): void
  logout(): void
}

const AppContext = createContext<AppState | undefined>(undefined)

/** Pages read the app's state (who I am, preferences) through useApp(); the state lives here, not in globals. */
export function AppProvider({ children }: PropsWithChildren) {
  const [me, setMe] = useState<Me | undefined>()
  const [loadingMe, setLoadingMe] = useState(isLoggedIn())
  const [prefs, setPrefsState] = useState<Prefs>(loadPrefs)
  const [config, setConfig] = useState<ClientConfig | undefined>()

  const refreshMe = useCallback(async () => {
    if (!isLoggedIn()) {
      setLoadingMe(false)
      return undefined
    }
    try {
      const m = await call(api.auth.me, {})
      rememberSignedIn(m.id)
      setMe(m)
      return m
    } catch {
      return undefined
    } finally {
      setLoadingMe(false)
    }
  }, [])

  useEffect(() => {
    void refreshMe()
    call(api.platform.config, {}).then(setConfig, () => undefined)
    return onSignedOut(() => {
      setMe(undefined)
      void Taro.reLaunch({ url: '/pages/login/index' })
    })
  }, [refreshMe])

  useEffect(() => {
    // the tab bar's texts come from app.config (Chinese); follow the chosen language. In app.config's order: the index
    // is the tab's (tests/e2e/tabBar.test.ts reads the labels back)
    ;(['tab.home', 'tab.matters', 'tab.services', 'tab.volunteer', 'tab.me'] as const).forEach((key, index) => {
      void Promise.resolve()
        .then(() => Taro.setTabBarItem({ index, text: translate(key, prefs.lang, prefs.elder) }))
        .catch(() => undefined)
    })
    if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
      document.documentElement.lang = prefs.lang === 'en' ? 'en' : 'zh-CN'
      document.documentElement.classList.toggle('elder', prefs.elder)
    }
  }, [prefs])

  const value = useMemo<AppState>(
    () => ({
      me,
      loadingMe,
      prefs,
      config,
      setPrefs: (p) =>
        setPrefsState((old) => {
          const next = { ...old, ...p }
          savePrefs(next)
          return next
        }),
      refreshMe,
      signedIn: (m) => {
        rememberSignedIn(m.id)
        setMe(m)
        setLoadingMe(false)
      },
      logout: () => {
        void signOut().then(() => {
          setMe(undefined)
          void Taro.reLaunch({ url: '/pages/login/index' })
        })
      },
    }),
    [me, loadingMe, prefs, config, refreshMe],
  )
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>
}

export function useApp(): AppState {
  const s = useContext(AppContext)
  if (!s) throw new Error('useApp outside AppProvider')
  return s
}
