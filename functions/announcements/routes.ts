import { announcementsApi } from '../../shared/announcements/api';
import { route } from '../platform/http';
import { editAnnouncement, postAnnouncement, withdrawAnnouncement } from './commands/post';
import { getAnnouncement, markRead, myAnnouncements, unitAnnouncements } from './commands/read';
import { putSettings, readSettings } from './commands/settings';

const a = announcementsApi;
export const routes = [
  route(a.post, (ctx, { body }) => postAnnouncement(ctx, body)),
  route(a.mine, (ctx, { query }) => myAnnouncements(ctx, query)),
  route(a.ofUnit, (ctx, { params, query }) => unitAnnouncements(ctx, params.unitId, query)),
  route(a.get, (ctx, { params }) => getAnnouncement(ctx, params.announcementId)),
  route(a.edit, (ctx, { params, body }) => editAnnouncement(ctx, params.announcementId, body)),
  route(a.withdraw, (ctx, { params }) => withdrawAnnouncement(ctx, params.announcementId)),
  route(a.read, (ctx, { params }) => markRead(ctx, params.announcementId)),
  route(a.settings, (ctx) => readSettings(ctx)),
  route(a.putSettings, (ctx, { body }) => putSettings(ctx, body)),
];
