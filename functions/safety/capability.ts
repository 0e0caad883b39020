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
    // the yearly base of the signing rate: each community's register of shops added to January's shopsDue, once a
    // community and year (a SHOPSDUE# marker put where absent in the same transaction)
    countShopsDue: {
      handler: 'functions/safety/jobs.countShopsDueHandler',
      description: 'safety - once a year, add each community\'s register of shops to January\'s shops due to sign (签订率 base); once a community and year',
      schedule: 'cron(0 16 31 12 ? *)', // 00:00 China time on 1 January (16:00 UTC on 31 December)
      timeout: 300,
      // one run at a time: a slow or retried run never overlaps the next
      reservedConcurrency: 1,
      needs: { table: { read: ['UNITS', 'SHOPS#'], write: ['SHOPSDUE#', 'FIG#', 'FIGSD#'] } },
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
