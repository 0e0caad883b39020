import { moderationApi } from '../../shared/moderation/api';
import { capability, endpointsOf } from '../platform/capability';

export const moderationCapability = capability('moderation', {
  functions: {
    // reads the reported item by its owner's documented key (say-it day matters MATTER#, consultations and their
    // comments CONSULT#) and writes only its hold (modState, modReason, photo verdicts); its own: the queue entry,
    // reports and audit (MODITEM#), the queue indexes (MODQ#, MODQSD#) and the hidden lists' (MODHID#, MODHIDSD#); the author's inbox (USER#)
    moderation: {
      handler: 'functions/moderation/handler.handler',
      description: "moderation - residents' reports; the workers' queue of reported and review-pending items; hide and restore",
      endpoints: endpointsOf(moderationApi),
      needs: {
        table: { read: ['CONSULT#', 'MATTER#', 'MODHID#', 'MODHIDSD#', 'MODITEM#', 'MODQ#', 'MODQSD#', 'UNITS'], write: ['CONSULT#', 'MATTER#', 'MODITEM#', 'USER#'] },
        secrets: ['tokenSecret'],
      },
    },
    // photos whose verdict never came (jobs.ts): the waiting traces oldest first (MEDIAWAIT on gsi1) and each trace
    // (MEDIACHECK#), the item's photo attribute (MATTER#, CONSULT#, ANN#, EVENT#), the author's openid (USER#) to ask WeChat again
    // with a presigned GET of the photo; on giving up the queue entry (MODITEM#) and the author's inbox (USER#)
    recheckMediaChecks: {
      handler: 'functions/moderation/jobs.recheckMediaChecksHandler',
      description: 'moderation - ask WeChat again about photos whose verdict never came; after 3 asks hold them for a worker and tell the author',
      schedule: 'rate(1 hour)',
      timeout: 120,
      reservedConcurrency: 1,
      needs: {
        table: { read: ['ANN#', 'CONSULT#', 'EVENT#', 'MATTER#', 'MEDIACHECK#', 'MEDIAWAIT', 'MODITEM#', 'USER#'], write: ['MEDIACHECK#', 'MODITEM#', 'USER#'] },
        bucket: { read: ['uploads/'] },
        secrets: ['wechatSecret'],
      },
    },
  },
  errors: ['ALREADY_REPORTED', 'REPORT_OWN_CONTENT', 'NOT_FOUND'],
});
