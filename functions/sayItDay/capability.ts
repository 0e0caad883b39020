import { sayItDayApi } from '../../shared/sayItDay/api';
import { capability, endpointsOf } from '../platform/capability';

export const sayItDayCapability = capability('sayItDay', {
  functions: {
    sayItDay: {
      handler: 'functions/sayItDay/handler.handler',
      description: 'say-it days - schedule rule, sessions, matters, seconds, minutes, outcomes, reminders',
      endpoints: endpointsOf(sayItDayApi),
      needs: { table: { read: ['AUTHOR#', 'BOARD#', 'COMMUNITY#', 'IDEMP#', 'MATTER#', 'REMIND#', 'SESSION#', 'UNITS', 'USER#'], write: ['COMMUNITY#', 'FIG#', 'FIGSD#', 'IDEMP#', 'MATTER#', 'MEDIACHECK#', 'MODITEM#', 'OUTBOX#', 'REMIND#', 'USER#'], delete: ['MATTER#', 'REMIND#'] }, bucket: { read: ['uploads/'], tag: ['uploads/'] }, secrets: ['tokenSecret', 'wechatSecret'] },
    },
    createSessions: {
      handler: 'functions/sayItDay/jobs.createSessionsHandler',
      description: "create say-it day sessions from each community's rule, ahead of time",
      schedule: 'cron(0 18 * * ? *)', // 02:00 China time, daily
      timeout: 120,
      // one run at a time: a slow or retried run never overlaps the next
      reservedConcurrency: 1,
      needs: { table: { read: ['COMMUNITY#', 'UNITS'], write: ['COMMUNITY#'] } },
    },
    remindSessions: {
      handler: 'functions/sayItDay/jobs.remindSessionsHandler',
      description: "queue reminders for tomorrow's sessions (subscribe messages and inbox)",
      schedule: 'cron(0 2 * * ? *)', // 10:00 China time, daily
      timeout: 120,
      // one run at a time: a slow or retried run never overlaps the next
      reservedConcurrency: 1,
      needs: { table: { read: ['COMMUNITY#', 'REMIND#', 'UNITS'], write: ['NOTIFIED#', 'OUTBOX#', 'USER#'] } },
    },
  },
  errors: ['ALREADY_SECONDED', 'OWN_MATTER', 'SESSION_CLOSED', 'MATTER_WITHDRAWN', 'SESSION_NOT_IN_PROGRESS', 'STALE_VERSION', 'CASE_WRONG_STATE', 'CONTENT_RISKY'],
});
