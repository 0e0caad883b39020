import { useState } from 'react'

interface Options {
  /** runs after every action that succeeded, inside it (still busy; its failure is the action's error): re-read what the action changed */
  after?: () => Promise<void>
}

/**
 * One action at a time on a page: which is running, and the last error. `run` answers the action's value, or undefined
 * when it failed (the error is then in `error`, for the page to show); what the action keeps on failure (a draft, the
 * attempt's Idempotency-Key) stays with the page's own state and hooks.
 */
export function useAction({ after }: Options = {}) {
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<unknown>()
  async function run<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(name)
    setError(undefined)
    try {
      const value = await fn()
      if (after) await after()
      return value
    } catch (e) {
      setError(e)
      return undefined
    } finally {
      setBusy(undefined)
    }
  }
  return { busy, error, run, setError }
}
