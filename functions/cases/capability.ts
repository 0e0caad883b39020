import { casesApi } from '../../shared/cases/api';
import { capability, endpointsOf } from '../platform/capability';

const vault = { RELIEF_KMS_KEY_ID: '${param:reliefKmsKeyId}', LOCAL_MASTER_KEY: '${param:localMasterKey}' };

export const casesCapability = capability('cases', {
  functions: {
    // a mediation's parties are sealed with the vault (kms); a linked five-list matter is read to check its community
    cases: {
      handler: 'functions/cases/handler.handler',
      description: 'cases - raise, act on, list and follow up cases of every kind (mediation, city and hotline cases ...); import the hotline export (checked here, written by drainCasesWork)',
      endpoints: endpointsOf(casesApi),
      // an import of 5,000 rows: parsing, checking and 50 BatchGets of ticket keys, then one transaction (HTTP API: 30 s)
      timeout: 29,
      environment: vault,
      needs: {
        table: {
          read: ['CASE#', 'CASES#', 'CASEOPEN#', 'CASEHANDLER#', 'CASETICKET#', 'CASEIMP#', 'IDEMP#', 'MATTER#', 'UNITS', 'USER#'],
          write: ['CASE#', 'CASETICKET#', 'CASEIMP#', 'FIG#', 'FIGSD#', 'IDEMP#', 'WORK#'],
        },
        bucket: { read: ['uploads/'], tag: ['uploads/'] },
        kms: ['GenerateDataKey', 'Decrypt'],
        secrets: ['tokenSecret', 'reliefHashSecret'],
      },
    },
    drainCasesWork: {
      handler: 'functions/cases/jobs.drainWorkHandler',
      description: 'cases - do the work items: write an imported export chunk by chunk (cases, ticket keys, history, figures)',
      schedule: 'rate(1 minute)',
      timeout: 55,
      reservedConcurrency: 1,
      needs: {
        table: {
          read: ['WORKDUE#', 'CASEIMP#', 'CASETICKET#'],
          write: ['WORK#', 'CASE#', 'CASETICKET#', 'CASEIMP#', 'FIG#', 'FIGSD#', 'DEADLETTERS'],
          delete: ['WORK#'],
        },
      },
    },
  },
  errors: [
    'CASE_KIND_UNKNOWN',
    'CASE_CATEGORY_UNKNOWN',
    'CASE_FIELD_MISSING',
    'CASE_FIELD_NOT_USED',
    'CASE_CONSENT_MISSING',
    'CASE_TICKET_EXISTS',
    'CASE_STEP_NOT_ALLOWED',
    'CASE_ACTION_DONE',
    'CASE_HANDLER_INVALID',
    'CASE_MATTER_NOT_FOUND',
    'STALE_VERSION',
    'UPLOAD_NOT_YOURS',
    'IMPORT_INVALID',
    'XLSX_UNREADABLE',
  ],
});
