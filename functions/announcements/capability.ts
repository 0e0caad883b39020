import { announcementsApi } from '../../shared/announcements/api';
import { capability, endpointsOf } from '../platform/capability';

export const announcementsCapability = capability('announcements', {
  functions: {
    // residents' lists read their grid from their resident grant (USER#) and their building from ANNSUB#; photos are
    // read back by presigned GET URLs signed with this role; a post's title and body go to WeChat's msgSecCheck as
    // its author (openid on USER#, the app secret for the access token), its attachments to mediaCheckAsync (a presigned
    // GET each, the trace MEDIACHECK# written with the announcement)
    announcements: {
      handler: 'functions/announcements/handler.handler',
      description: 'announcements - post, schedule, edit, withdraw; residents read the ones that reach them; read counts',
      endpoints: endpointsOf(announcementsApi),
      needs: { table: { read: ['ANN#', 'ANNSUB#', 'ANNTO#', 'ANNUNIT#', 'IDEMP#', 'UNITS', 'USER#'], write: ['ANN#', 'ANNSUB#', 'IDEMP#', 'MEDIACHECK#'] }, bucket: { read: ['uploads/'], tag: ['uploads/'] }, secrets: ['tokenSecret', 'wechatSecret'] },
    },
    publishAnnouncements: {
      handler: 'functions/announcements/jobs.publishAnnouncementsHandler',
      description: 'publish scheduled announcements when their time comes, and tell the residents they reach (inbox and subscribe messages), a chunk per transaction',
      schedule: 'rate(1 minute)',
      timeout: 60,
      // one runner at a time; two would only lose the race on each chunk's step condition
      reservedConcurrency: 1,
      needs: { table: { read: ['ANN#', 'ANNDUE', 'ANNSUB#', 'UNITS', 'USER#'], write: ['ANN#', 'OUTBOX#', 'USER#'] } },
    },
  },
  errors: ['CONTENT_RISKY', 'AUDIENCE_INVALID', 'PUBLISH_AT_IN_PAST', 'ANNOUNCEMENT_PUBLISHED', 'ANNOUNCEMENT_WITHDRAWN', 'STALE_VERSION', 'UPLOAD_NOT_YOURS', 'NOT_BOUND'],
});
