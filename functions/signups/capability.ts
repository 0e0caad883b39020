import { signupsApi } from '../../shared/signups/api';
import { capability, endpointsOf } from '../platform/capability';

export const signupsCapability = capability('signups', {
  functions: {
    // poster images are read back by presigned GET URLs signed with this role (and handed to WeChat's mediaCheckAsync,
    // its trace MEDIACHECK# written with the event); a volunteer's ID number is sealed
    // (GenerateDataKey) for the certificate of hours, which prints only its masked form: nothing here opens it (no Decrypt)
    signups: {
      handler: 'functions/signups/handler.handler',
      description: 'sign-ups - volunteers, teams, activities and shifts, events, check-in, hours, certificates, time bank',
      endpoints: endpointsOf(signupsApi),
      environment: { RELIEF_KMS_KEY_ID: '${param:reliefKmsKeyId}', LOCAL_MASTER_KEY: '${param:localMasterKey}' },
      // a popular shift's taps all meet on one counter item, which DynamoDB serialises (concurrent transactions on it are cancelled, not queued): more instances only add conflicts and retries; past 20, callers wait in API Gateway's throttle instead
      reservedConcurrency: 20,
      needs: { table: { read: ['ACTIVITIES#', 'ACTIVITY#', 'CERT#', 'EVENT#', 'EVENTS#', 'HELPREQ#', 'HELPREQS#', 'HOLDER#', 'HOURS#', 'IDEMP#', 'PLACE#', 'TBACCT#', 'TBGRANT#', 'TBSET#', 'TEAM#', 'TEAMS#', 'UNITS', 'USER#', 'VOLPHONE#'], write: ['ACTIVITY#', 'CERT#', 'EVENT#', 'FIG#', 'FIGSD#', 'HELPREQ#', 'HOURS#', 'IDEMP#', 'MEDIACHECK#', 'NOTIFIED#', 'OUTBOX#', 'PLACE#', 'TBACCT#', 'TBGRANT#', 'TBSET#', 'TEAM#', 'USER#', 'VOLPHONE#', 'WORK#'] }, bucket: { read: ['uploads/'], tag: ['uploads/'] }, kms: ['GenerateDataKey'], secrets: ['tokenSecret', 'reliefHashSecret', 'wechatSecret'] },
    },
    // work items (platform/work.ts): a cancelled activity's or event's holders cancelled and told in chunks; every
    // minute, within 40 s of its 55
    drainSignupsWork: {
      handler: 'functions/signups/jobs.drainWorkHandler',
      description: 'sign-ups - do the work items: cancel and tell the holders of a cancelled activity or event',
      schedule: 'rate(1 minute)',
      timeout: 55,
      reservedConcurrency: 1,
      needs: { table: { read: ['WORKDUE#', 'PLACE#'], write: ['WORK#', 'PLACE#', 'OUTBOX#', 'USER#', 'DEADLETTERS'], delete: ['WORK#'] } },
    },
    remindEvents: {
      handler: 'functions/signups/jobs.remindEventsHandler',
      description: "sign-ups - remind everyone registered for tomorrow's events (subscribe messages and inbox)",
      schedule: 'cron(30 2 * * ? *)', // 10:30 China time, daily
      timeout: 120,
      // one run at a time: a slow or retried run never overlaps the next
      reservedConcurrency: 1,
      needs: { table: { read: ['EVENTDAY#', 'EVENT#', 'PLACE#'], write: ['NOTIFIED#', 'OUTBOX#', 'USER#'] } },
    },
  },
  errors: ['CONTENT_RISKY', 'TIMEBANK_INSUFFICIENT', 'TIMEBANK_ALLOTMENT_SPENT', 'HELP_REQUEST_NOT_TAKEN', 'STALE_VERSION', 'PLACE_FULL'],
});
