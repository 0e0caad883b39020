import { fiveListsApi } from '../../shared/fiveLists/api';
import { capability, endpointsOf } from '../platform/capability';

export const fiveListsCapability = capability('fiveLists', {
  functions: {
    // photos (matters, resolutions, evidence, attachments) are read back by presigned GET URLs signed with this role
    fiveLists: {
      handler: 'functions/fiveLists/handler.handler',
      description: 'the five lists (collect, dispatch, review, claim, resolve, rate), unit scores, councils, consultations',
      endpoints: endpointsOf(fiveListsApi),
      needs: { table: { read: ['COMMUNITY#', 'CONSULT#', 'CONSULTS#', 'FLBOARD#', 'FLSCORE#', 'FLSTATE#', 'FLUNIT#', 'IDEMP#', 'MATTER#', 'UNIT#', 'UNITS', 'USER#'], write: ['COMMUNITY#', 'CONSULT#', 'FIG#', 'FIGSD#', 'FLSCORE#', 'IDEMP#', 'MATTER#', 'MODITEM#', 'OUTBOX#', 'USER#', 'WORK#'], delete: ['MATTER#'] }, bucket: { read: ['uploads/'], tag: ['uploads/'] }, secrets: ['tokenSecret', 'wechatSecret'] },
    },
    escalateOverdue: {
      handler: 'functions/fiveLists/jobs.escalateOverdueHandler',
      description: 'five lists - tell the next level up about overdue matters (once per matter and step), close matters past the rating window',
      schedule: 'cron(5 * * * ? *)', // hourly
      timeout: 300,
      // one run at a time: a slow or retried run never overlaps the next
      reservedConcurrency: 1,
      needs: { table: { read: ['FLSTATE#', 'MATTER#', 'UNIT#', 'UNITS'], write: ['MATTER#', 'WORK#'] } },
    },
    // work items (platform/work.ts): escalations' notifications, a merge's carried backers and watchers, a transition's
    // notifications past the 20 its own transaction holds; every minute, within 40 s of its 55
    drainFiveListsWork: {
      handler: 'functions/fiveLists/jobs.drainWorkHandler',
      description: 'five lists - do the work items: tell many people, carry a merged matter\'s backers and watchers',
      schedule: 'rate(1 minute)',
      timeout: 55,
      reservedConcurrency: 1,
      needs: { table: { read: ['WORKDUE#', 'MATTER#'], write: ['WORK#', 'MATTER#', 'OUTBOX#', 'USER#', 'DEADLETTERS'], delete: ['WORK#'] } },
    },
  },
  errors: ['ALREADY_CLAIMED', 'ALREADY_RATED', 'CASE_WRONG_STATE', 'STALE_VERSION', 'CONSULTATION_NOT_OPEN', 'CONTENT_RISKY'],
});
