import { useEffect, useState } from 'react'
import { newIdempotencyKey } from '../api/client'
import { load, remove, save } from '../api/storage'
import { usePhotoUploads, type Photo } from '../components/PhotoField'

/** The Idempotency-Key of the last attempt and the body it was sent with: the same body retries with the same key. */
export interface Attempt {
  key: string
  body: string
}

interface DraftShape {
  text?: string
  photos?: Photo[]
  attempt?: Attempt
}

interface Options<D> {
  /** whether a stored draft is worth saying so (default: it has text or photos) */
  hasContent?: (d: D) => boolean
}

const withText = (d: DraftShape) => !!d.text || !!d.photos?.length

/** The draft stored under `key` (none: the empty form), its photos as far as they were uploaded. */
function read<D extends DraftShape>(key: string | undefined, empty: D) {
  const restored = key ? load<D>(key) : undefined
  const draft = restored ? { ...empty, ...restored } : empty
  // photos still uploading when the app closed lost their upload; keep only the stored ones
  if (restored && draft.photos) draft.photos = draft.photos.filter((p) => p.key).map((p) => ({ ...p, state: 'done' as const }))
  return { key, restored, draft }
}

/**
 * A form that survives a dropped network or a closed app: kept in storage on every change, with its photos (uploaded as
 * picked) and the key of the last attempt, so a retry after a lost answer never creates twice. The storage key may
 * change (another applicant, type or application): the form then reads the draft stored under the new key; no key
 * (the form does not know yet what it is for) keeps nothing.
 */
export function useDraft<D extends DraftShape>(storageKey: string | undefined, empty: D, { hasContent = withText }: Options<D> = {}) {
  const [state, setState] = useState(() => read(storageKey, empty))
  // a new key reads its own draft in this very render, so the old form is never stored under the new key
  const current = state.key === storageKey ? state : read(storageKey, empty)
  if (current !== state) setState(current)
  const { draft, restored } = current
  const setDraft = (change: (d: D) => D) => setState((s) => ({ ...s, draft: change(s.draft) }))

  useEffect(() => {
    if (storageKey) save(storageKey, draft)
  }, [draft, storageKey])

  const photos = usePhotoUploads(draft.photos ?? [], (change) => setDraft((d) => ({ ...d, photos: change(d.photos ?? []) })), 9)

  return {
    draft,
    /** what was stored when the form opened (or its key changed), until it is cleared or forgotten */
    restored,
    hasDraft: !!restored && hasContent(restored),
    photos,
    /** a patch, or a function of the current draft for a change made after an await (an upload) */
    update: (patch: Partial<D> | ((d: D) => Partial<D>)) => setDraft((d) => ({ ...d, ...(typeof patch === 'function' ? patch(d) : patch) })),
    /** The key to send `body` with (the last one if the body is the same), stored with the draft (and `patch`) before the call. */
    attemptKey(body: unknown, patch?: Partial<D>): string {
      const json = JSON.stringify(body)
      const attempt = draft.attempt?.body === json ? draft.attempt : { key: newIdempotencyKey(), body: json }
      const next = { ...draft, ...patch, attempt }
      setDraft(() => next)
      if (storageKey) save(storageKey, next)
      return attempt.key
    },
    /** Done: the stored draft goes and the form starts empty. */
    clear() {
      if (storageKey) remove(storageKey)
      setState((s) => ({ ...s, restored: undefined, draft: empty }))
    },
    /** Drops the stored copy only (the empty form the clear stored again, or a form sent for good). */
    forget() {
      if (storageKey) remove(storageKey)
      setState((s) => (s.restored ? { ...s, restored: undefined } : s))
    },
  }
}
