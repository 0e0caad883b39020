import { api } from '../api/routes'
import { call } from '../api/client'
import { usePaged, useQuery } from './useQuery'

/** My inbox (消息): what I was told, unread first counted. */
export const notifications = {
  /** up to 100 at a time, as the API takes them */
  markRead: (ids: string[]) => call(api.notifications.markRead, { body: { ids } }),
}

/** My inbox, 20 at a time. */
export function useInbox() {
  return usePaged((cursor?: string) => call(api.notifications.inbox, { query: { cursor, limit: 20 } }), [])
}

/** How many messages I have not read (`deps`: who I am). */
export function useUnreadCount(deps: unknown[], enabled = true) {
  return useQuery(() => call(api.notifications.unread, {}), deps, enabled)
}
