import { safetyApi } from '../../shared/safety/api';
import { capability, endpointsOf } from '../platform/capability';

export const safetyCapability = capability('safety', {
  functions: {
    // one small function for the registers and their cases: sites (SITE#, with their inspections), cases (SCASE#, with
    // their history), shops (SHOP#, with their agreements); the figures' counters in each change's transaction
    safety: {
      handler: 'functions/safety/handler.handler',
      description: 'safety - sites and inspections, hazards and re-inspection, shops and street-front agreements, illegal-building reports',
      endpoints: endpointsOf(safetyApi),
      needs: {
        table: {
          read: ['SITE#', 'SITES#', 'INSPS#', 'SITEHAZ#', 'SCASE#', 'SCASES#', 'SHOP#', 'SHOPS#', 'AGREES#', 'IDEMP#', 'UNITS'],
          write: ['SITE#', 'SCASE#', 'SHOP#', 'IDEMP#', 'FIG#', 'FIGSD#'],
        },
        bucket: { read: ['uploads/'], tag: ['uploads/'] },
        secrets: ['tokenSecret'],
      },
    },
  },
  errors: [
    'CHECKLIST_MISMATCH',
    'HAZARD_NOTE_REQUIRED',
    'SAFETY_ACTION_UNKNOWN',
    'SAFETY_ACTION_NOT_NOW',
    'RECTIFICATION_PHOTO_REQUIRED',
    'NOTE_REQUIRED',
    'SAFETY_OUTCOME_REQUIRED',
    'SAFETY_DEADLINE_INVALID',
    'AGREEMENT_ALREADY_SIGNED',
    'AGREEMENT_DATE_INVALID',
    'STALE_VERSION',
    'UPLOAD_NOT_YOURS',
  ],
});
