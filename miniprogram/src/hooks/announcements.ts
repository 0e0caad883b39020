import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body } from './domain'
import { usePaged, useQuery } from './useQuery'

/** 社区公告 as the app reads and changes them: one function per request, typed by the contract. */
export const announcements = {
  get: (announcementId: string) => call(api.announcements.get, { params: { announcementId } }),
  post: (body: Body<'announcements', 'post'>, idempotencyKey: string) => call(api.announcements.post, { body, idempotencyKey }),
  edit: (announcementId: string, body: Body<'announcements', 'edit'>) => call(api.announcements.edit, { params: { announcementId }, body }),
  withdraw: (announcementId: string) => call(api.announcements.withdraw, { params: { announcementId } }),
  /** opened by one it reaches: counted once per person; silent, as nobody asked for it */
  read: (announcementId: string) => call(api.announcements.read, { params: { announcementId }, silent: true }),
  putSettings: (body: Body<'announcements', 'putSettings'>) => call(api.announcements.putSettings, { body }),
}

/** One announcement (none until `id` is known). */
export function useAnnouncement(id: string | undefined) {
  return useQuery(() => announcements.get(id!), [id], !!id)
}

/** The announcements that reach me, a page at a time. */
export function useMyAnnouncements(enabled = true) {
  return usePaged((cursor?: string) => call(api.announcements.mine, { query: { cursor } }), [], enabled)
}

/** The home tab's first page of mine: the unread count and the newest few. */
export function useHomeAnnouncements() {
  return useQuery(() => call(api.announcements.mine, { query: { limit: 20 } }), [])
}

/** A unit's announcements with their read counts, for its staff. */
export function useUnitAnnouncements(unitId: string | undefined) {
  return usePaged((cursor?: string) => call(api.announcements.ofUnit, { params: { unitId: unitId! }, query: { cursor } }), [unitId], !!unitId)
}

/** My building and whether I am told of new announcements. */
export function useAnnouncementSettings(enabled = true) {
  return useQuery(() => call(api.announcements.settings, {}), [], enabled)
}
