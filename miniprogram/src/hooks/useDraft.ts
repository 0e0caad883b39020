import { useEffect, useRef, useState } from 'react'
import { newIdempotencyKey } from '../api/client'
import { load, remove, save } from '../api/storage'
import { usePhotoUploads, type Photo } from '../components/PhotoField'

/** The Idempotency-Key of the last attempt and the body it was sent with: the same body retries with the same key. */
export interface Attempt {
  key: string
  body: string
}

interface DraftShape {
  text: string
  photos: Photo[]
  attempt?: Attempt
}

/**
 * A form that survives a dropped network or a closed app: kept in storage on every change, with its photos (uploaded as
 * picked) and the key of the last attempt, so a retry after a lost answer never creates twice.
 */
export function useDraft<D extends DraftShape>(storageKey: string, empty: D) {
  const restored = useRef(load<D>(storageKey))
  const [draft, setDraft] = useState<D>(() => {
    const d = restored.current
    // photos still uploading when the app closed lost their upload; keep only the stored ones
    return d ? { ...empty, ...d, photos: (d.photos ?? []).filter((p) => p.key).map((p) => ({ ...p, state: 'done' as const })) } : empty
  })
  const hasDraft = !!restored.current && (!!restored.current.text || !!restored.current.photos?.length)

  useEffect(() => {
    save(storageKey, draft)
  }, [draft])

  const photos = usePhotoUploads(draft.photos, (change) => setDraft((d) => ({ ...d, photos: change(d.photos) })), 9)

  return {
    draft,
    hasDraft,
    photos,
    update: (patch: Partial<D>) => setDraft((d) => ({ ...d, ...patch })),
    /** The key to send `body` with (the last one if the body is the same), stored with the draft (and `patch`) before the call. */
    attemptKey(body: unknown, patch?: Partial<D>): string {
      const json = JSON.stringify(body)
      const attempt = draft.attempt?.body === json ? draft.attempt : { key: newIdempotencyKey(), body: json }
      const next = { ...draft, ...patch, attempt }
      setDraft(next)
      save(storageKey, next)
      return attempt.key
    },
    /** Done: the stored draft goes and the form starts empty. */
    clear() {
      remove(storageKey)
      restored.current = undefined
      setDraft(empty)
    },
    /** Drops the stored copy only (the empty form the clear stored again). */
    forget: () => remove(storageKey),
  }
}
