import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'

export interface Query<T> {
  data?: T
  error?: unknown
  loading: boolean
  reload(): Promise<void>
  setData(d: T): void
}

/**
 * Loads data for a page and keeps loading / error / data; pull-down refresh reloads it.
 * `enabled` false waits (e.g. until we know the community).
 */
export function useQuery<T>(load: () => Promise<T>, deps: unknown[], enabled = true): Query<T> {
  const [data, setData] = useState<T | undefined>()
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(enabled)
  const loadRef = useRef(load)
  loadRef.current = load
  const seq = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setLoading(true)
    setError(undefined)
    try {
      const d = await loadRef.current()
      if (mine === seq.current) setData(d)
    } catch (e) {
      if (mine === seq.current) setError(e)
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    if (enabled) void reload()
    else setLoading(false)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, reload, ...deps])

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  return { data, error, loading, reload, setData }
}

/** A cursor-paged list: first page on load and refresh, more with loadMore(). */
export function usePaged<I>(load: (cursor?: string) => Promise<{ items: I[]; cursor?: string }>, deps: unknown[], enabled = true) {
  const [more, setMore] = useState<{ items: I[]; cursor?: string; loading: boolean; error?: unknown }>({ items: [], loading: false })
  const q = useQuery(
    async () => {
      const page = await load(undefined)
      setMore({ items: [], cursor: page.cursor, loading: false })
      return page
    },
    deps,
    enabled,
  )
  const loadMore = useCallback(async () => {
    const cursor = more.cursor
    if (!cursor || more.loading) return
    setMore((m) => ({ ...m, loading: true, error: undefined }))
    try {
      const page = await load(cursor)
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.cursor, loading: false }))
    } catch (e) {
      setMore((m) => ({ ...m, loading: false, error: e }))
    }
  }, [more.cursor, more.loading, load])
  const items = q.data ? [...q.data.items, ...more.items] : []
  return { ...q, items, hasMore: !!more.cursor, loadingMore: more.loading, moreError: more.error, loadMore }
}

/** Every page of a paged list, for the short ones a screen sorts or filters whole (a unit's teams, a week's help requests). */
export async function allPages<I>(load: (cursor?: string) => Promise<{ items: I[]; cursor?: string }>): Promise<I[]> {
  const items: I[] = []
  let cursor: string | undefined
  do {
    const page = await load(cursor)
    items.push(...page.items)
    cursor = page.cursor
  } while (cursor)
  return items
}
