import { workSummaryApi } from '../../shared/workSummary/api';
import { capability, endpointsOf } from '../platform/capability';

export const workSummaryCapability = capability('workSummary', {
  functions: {
    // reads counters only (FIG#/FIGSD#, and relief's RFIG#/RFIGSD# through the adapter), never records; the unit
    // for its name and level
    workSummary: {
      handler: 'functions/workSummary/handler.handler',
      description: 'work summary - every ledger\'s figures for a unit and period beside the previous period, generated sentences, xlsx and docx',
      endpoints: endpointsOf(workSummaryApi),
      needs: { table: { read: ['FIG#', 'FIGSD#', 'RFIG#', 'RFIGSD#', 'UNITS'] }, secrets: ['tokenSecret'] },
    },
  },
  errors: ['PERIOD_INVALID'],
});
