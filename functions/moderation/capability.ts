import { moderationApi } from '../../shared/moderation/api';
import { capability, endpointsOf } from '../platform/capability';

export const moderationCapability = capability('moderation', {
  functions: {
    // reads the reported item by its owner's documented key (say-it day matters MATTER#, consultations and their
    // comments CONSULT#) and writes only its hold (modState, modReason, photo verdicts); its own: the queue entry,
    // reports and audit (MODITEM#), the queue indexes (MODQ#, MODQSD#); the author's inbox (USER#)
    moderation: {
      handler: 'functions/moderation/handler.handler',
      description: "moderation - residents' reports; the workers' queue of reported and review-pending items; hide and restore",
      endpoints: endpointsOf(moderationApi),
      needs: {
        table: { read: ['CONSULT#', 'MATTER#', 'MODITEM#', 'MODQ#', 'MODQSD#', 'UNITS'], write: ['CONSULT#', 'MATTER#', 'MODITEM#', 'USER#'] },
        secrets: ['tokenSecret'],
      },
    },
  },
  errors: ['ALREADY_REPORTED', 'REPORT_OWN_CONTENT', 'NOT_FOUND'],
});
