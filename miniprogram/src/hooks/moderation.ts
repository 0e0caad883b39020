import type { ContentKind, ReportReason } from '@shared/moderation/schemas'
import { api } from '../api/routes'
import { call } from '../api/client'
import { usePaged } from './useQuery'

/** 举报与审核: a neighbour reports a matter or a comment; the staff hide it (with a reason its author is told) or pass it. */
export const moderation = {
  report: (kind: ContentKind, ref: string, reason: ReportReason) => call(api.moderation.report, { params: { kind, ref }, body: { reason } }),
  hide: (kind: ContentKind, ref: string, reason: string) => call(api.moderation.hide, { params: { kind, ref }, body: { reason } }),
  restore: (kind: ContentKind, ref: string, note?: string) => call(api.moderation.restore, { params: { kind, ref }, body: note ? { note } : {} }),
}

/** What waits for the workers of a unit (a community, or an officer's sub-district), newest first. */
export function useModerationQueue(unitId: string | undefined) {
  return usePaged((cursor?: string) => call(api.moderation.queue, { query: { unitId: unitId!, cursor } }), [unitId], !!unitId)
}

/** 已隐藏: what the workers of a unit hid, newest hide first, with who hid it, when and why. */
export function useHiddenItems(unitId: string | undefined) {
  return usePaged((cursor?: string) => call(api.moderation.hidden, { query: { unitId: unitId!, cursor } }), [unitId], !!unitId)
}
