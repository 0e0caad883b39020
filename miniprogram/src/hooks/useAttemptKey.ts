import { useRef } from 'react'
import { newIdempotencyKey } from '../api/client'

/**
 * The Idempotency-Key of a create: a retry of the same body (after a lost answer) sends the key of the last attempt,
 * so the server answers it once; a changed body is a new request with a new key.
 */
export function useAttemptKey(): (body: unknown) => string {
  const attempt = useRef<{ key: string; body: string }>()
  return (body) => {
    const json = JSON.stringify(body)
    if (attempt.current?.body !== json) attempt.current = { key: newIdempotencyKey(), body: json }
    return attempt.current.key
  }
}
