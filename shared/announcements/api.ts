import { z } from 'zod';
import { Cursor, endpoint, Id, Page } from '../http';
import {
  Announcement,
  AnnouncementSettings,
  AnnouncementSettingsInput,
  EditAnnouncementInput,
  MyAnnouncements,
  PostAnnouncementInput,
  ReadResult,
} from './schemas';

const AnnouncementParams = z.object({ announcementId: Id });
const PageQuery = z.object({ cursor: Cursor, limit: z.coerce.number().int().min(2).max(50).optional() }).strict();

/** 社区公告: registered in shared/api.ts as `announcements`; the announcements function imports only this. */
export const announcementsApi = {
  post: endpoint({ method: 'POST', path: '/announcements', summary: 'Post an announcement (now, or scheduled)', body: PostAnnouncementInput, response: Announcement, status: 201, idempotent: true, limit: 'announcement' }),
  mine: endpoint({ method: 'GET', path: '/me/announcements', summary: 'Announcements that reach me: unread first, then pinned, then newest', query: PageQuery, response: MyAnnouncements }),
  ofUnit: endpoint({
    method: 'GET',
    path: '/units/{unitId}/announcements',
    summary: "Staff: a community's (or the sub-district's own) announcements, newest first, with read counts",
    params: z.object({ unitId: Id }),
    query: PageQuery,
    response: Page(Announcement),
  }),
  get: endpoint({ method: 'GET', path: '/announcements/{announcementId}', summary: 'One announcement', params: AnnouncementParams, response: Announcement }),
  edit: endpoint({ method: 'PATCH', path: '/announcements/{announcementId}', summary: 'Change it before it is published (pinned: any time)', params: AnnouncementParams, body: EditAnnouncementInput, response: Announcement, limit: 'announcement' }),
  withdraw: endpoint({ method: 'POST', path: '/announcements/{announcementId}/withdraw', summary: 'Withdraw it', params: AnnouncementParams, response: Announcement, limit: 'announcement' }),
  read: endpoint({ method: 'POST', path: '/announcements/{announcementId}/read', summary: 'I opened it (counted once)', params: AnnouncementParams, response: ReadResult }),
  settings: endpoint({ method: 'GET', path: '/me/announcement-settings', summary: 'My building and whether I am told of new announcements', response: AnnouncementSettings }),
  putSettings: endpoint({ method: 'PUT', path: '/me/announcement-settings', summary: 'Set my building and whether I am told', body: AnnouncementSettingsInput, response: AnnouncementSettings }),
};
