import { useState } from 'react'

/** One action at a time on a page: which is running, and the last error. */
export function useAction() {
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<unknown>()
  async function run(name: string, fn: () => Promise<void>) {
    setBusy(name)
    setError(undefined)
    try {
      await fn()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(undefined)
    }
  }
  return { busy, error, run, setError }
}
