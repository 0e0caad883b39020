import { reliefApi } from '../../shared/relief/api';
import { capability, endpointsOf } from '../platform/capability';

const vault = { RELIEF_KMS_KEY_ID: '${param:reliefKmsKeyId}', LOCAL_MASTER_KEY: '${param:localMasterKey}' };

/** Relief is two functions so that each bundle stays under the 300 KB budget (zod alone is ~190 KB of each). */
export const reliefCapability = capability('relief', {
  functions: {
    // documents are uploaded by presigned POST and read back by a 60 s presigned GET from the audited view, both signed
    // with this role, under relief-docs/ with SSE-KMS under ReliefKey (its encryption context rides with each object, so
    // S3's KMS calls meet the same condition); no other function reads relief-docs/. Sensitive data is sealed with KMS
    // data keys (GenerateDataKey) and opened for an audited read (Decrypt), on ReliefKey only
    reliefCases: {
      handler: 'functions/relief/casesHandler.handler',
      description: 'relief - applications, proxy filing, review and queues, public notice, sensitive data (KMS envelope encryption, audited reads)',
      endpoints: endpointsOf(reliefApi, [
        'types', 'typeVersions', 'addTypeVersion', 'consentText', 'rules', 'putRules', 'eligibility', 'upload', 'create', 'mine', 'application', 'edit', 'consent', 'submit',
        'confirmHousehold', 'withdraw', 'review', 'reveal', 'viewDocument', 'audit', 'queue', 'gridApplications', 'notice', 'revealRegistry',
      ]),
      environment: vault,
      needs: { table: { read: ['IDEMP#', 'RACTIVE#', 'RAPP#', 'RAPPS#', 'RAUDIT#', 'RGRID#', 'RNOTICE#', 'RQUEUE#', 'RREG#', 'RRULES#', 'UNIT#', 'UNITS', 'USER#'], write: ['IDEMP#', 'OUTBOX#', 'RACTIVE#', 'RAPP#', 'RCASES#', 'RNOTICE#', 'RREG#', 'RRULES#', 'USER#', 'WORK#'], delete: ['RACTIVE#'] }, bucket: { read: ['relief-docs/'], write: ['relief-docs/'], tag: ['relief-docs/'] }, kms: ['GenerateDataKey', 'Decrypt'], secrets: ['tokenSecret', 'reliefHashSecret'] },
    },
    // payments, figures, registry and visits: visit photos are read by presigned GET; a worker-added registry head's ID
    // number is sealed (GenerateDataKey) but nothing here opens sealed data (no Decrypt)
    reliefMoney: {
      handler: 'functions/relief/moneyHandler.handler',
      description: 'relief - disbursements (batch, CSV/xlsx import, paid), figures and export, registry, must-visits, pairing',
      endpoints: endpointsOf(reliefApi, [
        'batch', 'importDisbursements', 'importState', 'disbursements', 'markPaid', 'figures', 'figuresExport', 'registry', 'addToRegistry', 'registryHousehold',
        'tagRegistry', 'recordEvent', 'mustVisits', 'overdueVisits', 'logVisit', 'pair', 'pairings', 'pairingVisit', 'myPairings',
      ]),
      environment: vault,
      // a month's batch writes payments in the request: five at once keep it from taking the table's headroom
      reservedConcurrency: 5,
      // a payments import is checked here and written by drainReliefWork: the request writes the import, its rows and one
      // work item in one transaction, and reads the work item to tell a failed import
      needs: { table: { read: ['IDEMP#', 'MVISIT#', 'MVISITS#', 'RCASES#', 'RDISB#', 'RFIG#', 'RFIGSD#', 'RHH#', 'RIMPORT#', 'RPAIRS#', 'RREG#', 'RREGGRID#', 'RRULES#', 'UNITS', 'USER#', 'WORK#'], write: ['FIG#', 'FIGSD#', 'IDEMP#', 'MVISIT#', 'OUTBOX#', 'RDISB#', 'RFIG#', 'RFIGSD#', 'RIMPORT#', 'RPAIRS#', 'RREG#', 'USER#', 'WORK#'] }, bucket: { read: ['uploads/'], tag: ['uploads/'] }, kms: ['GenerateDataKey'], secrets: ['tokenSecret', 'reliefHashSecret'] },
    },
    // work items (platform/work.ts): a payments import written in chunks (each chunk's payments, their figures' counters
    // and the import's counts in one transaction), and the people a decision told past its transaction; every minute,
    // within 40 s of its 55
    drainReliefWork: {
      handler: 'functions/relief/jobs.drainReliefWorkHandler',
      description: 'relief - do the work items: write payments imports in chunks, tell the rest of a decision',
      schedule: 'rate(1 minute)',
      timeout: 55,
      reservedConcurrency: 1,
      needs: { table: { read: ['WORKDUE#', 'RIMPORT#', 'RDISB#'], write: ['WORK#', 'RIMPORT#', 'RDISB#', 'RFIG#', 'RFIGSD#', 'OUTBOX#', 'USER#', 'DEADLETTERS'], delete: ['WORK#'] } },
    },
    // applications waiting past their level's deadline (their rule version's working days): each marked overdue once
    // (RAPP#<id> / OVERDUE#<level>#<waitingSince>, put where absent) and, at the community, the sub-district's officers
    // told in the same transaction; hourly, so a deadline at 24:00 China time is seen within the hour
    escalateOverdueReviews: {
      handler: 'functions/relief/jobs.escalateOverdueReviewsHandler',
      description: 'relief - mark applications past their review deadline overdue once and tell the next level up',
      schedule: 'rate(1 hour)',
      timeout: 300,
      reservedConcurrency: 1,
      needs: { table: { read: ['UNITS', 'UNIT#', 'RQUEUE#'], write: ['RAPP#', 'OUTBOX#', 'USER#', 'NOTIFIED#'] } },
    },
    // reads the registry and writes its flags: no sensitive data, so no KMS; relief's hash secret, to ask an entry's
    // keyed hashes of birth months whether someone reaches the senior-allowance age this month (the vault needs its key id)
    screenRegistry: {
      handler: 'functions/relief/jobs.screenRegistryHandler',
      description: 'relief - the monthly screening of the relief registry (re-checks, age thresholds, expiring benefits, visits due); once per month',
      schedule: 'cron(0 19 L * ? *)', // 03:00 China time on the 1st (19:00 UTC on the last day of the month before)
      timeout: 600,
      // one run at a time: a slow or retried run never overlaps the next
      reservedConcurrency: 1,
      environment: vault,
      needs: { table: { read: ['RREG#', 'RRULES#', 'UNITS'], write: ['RREG#'] }, secrets: ['reliefHashSecret'] },
    },
  },
  errors: ['ACTIVE_APPLICATION_EXISTS', 'MEMBER_NOT_IN_HOUSEHOLD', 'NOT_YET_SUBMITTED', 'REVIEWER_IS_APPLICANT', 'SAME_REVIEWER_BOTH_LEVELS', 'ALREADY_IN_REGISTRY', 'HOUSEHOLD_NOT_IN_REGISTRY', 'STALE_VERSION', 'RULES_PARAMETERS_INVALID', 'RULES_CHAIN_UNSUPPORTED', 'RULES_EFFECTIVE_IN_PAST', 'DOCUMENT_NOT_FOUND', 'DOCUMENT_NOT_FOR_ROLE', 'DOCUMENT_UNAVAILABLE'],
});
