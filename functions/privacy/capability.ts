import { privacyApi } from '../../shared/privacy/api';
import { capability, endpointsOf } from '../platform/capability';

/**
 * What the ports read and write as these functions (platform/privacyPorts.ts): identity (USER#, OPENID#, AUTHV#, the
 * binding request in COMMUNITY#), matters (AUTHOR# on gsi2, MATTER#), relief applications (RAPPS# on gsi2, RAPP#, the
 * one-active locks RACTIVE#), volunteering (USER#…/VOLUNTEER, VOLPHONE#, HOURS#, HOLDER# on gsi1, TBACCT#) and elder
 * care (ELDER#, ELDBOOKS# on gsi1).
 */
const personalReads = ['AUTHOR#', 'AUTHV#', 'COMMENTBY#', 'ELDBOOKS#', 'ELDER#', 'HELPREQBY#', 'HELPREQHELPER#', 'HOLDER#', 'HOURS#', 'MATTER#', 'MEMBEROF#', 'MODBY#', 'PRIVACY#', 'RAPP#', 'RAPPS#', 'TBACCT#', 'USER#'];

export const privacyCapability = capability('privacy', {
  functions: {
    privacy: {
      handler: 'functions/privacy/handler.handler',
      description: 'privacy - the policy and its acceptance, my data as a download, my consents and their withdrawal, closing my account, the retention table',
      endpoints: endpointsOf(privacyApi),
      // a withdrawal changes the application or volunteer record in its own transaction; closing deletes identity's
      // items and revokes every sign-in in one; the download URLs are presigned GETs of exports/
      needs: {
        table: {
          read: [...personalReads, 'IDEMP#'],
          write: ['AUTHV#', 'IDEMP#', 'PRIVACY#', 'RAPP#', 'USER#', 'WORK#'],
          delete: ['COMMUNITY#', 'OPENID#', 'RACTIVE#', 'USER#'],
        },
        bucket: { read: ['exports/'] },
        secrets: ['tokenSecret'],
      },
    },
    drainPrivacyWork: {
      handler: 'functions/privacy/jobs.drainPrivacyWorkHandler',
      description: 'privacy - do the work items: gather a data download, finish closing an account (pseudonymise what is kept, delete the rest)',
      schedule: 'rate(1 minute)',
      timeout: 55,
      reservedConcurrency: 1,
      needs: {
        table: {
          read: [...personalReads, 'UNITS', 'WORKDUE#', 'WORK#'],
          // the name pseudonymised at closure: reservations (PLACE#), team rosters (TEAM#), help requests (HELPREQ#),
          // consultation comments (CONSULT#), moderation entries (MODITEM#)
          write: ['CONSULT#', 'DEADLETTERS', 'HELPREQ#', 'MATTER#', 'MODITEM#', 'PLACE#', 'PRIVACY#', 'RAPP#', 'TEAM#', 'USER#', 'WORK#'],
          delete: ['PRIVACY#', 'RACTIVE#', 'RAPP#', 'USER#', 'VOLPHONE#', 'ELDER#', 'WORK#'],
        },
        bucket: { write: ['exports/'], tag: ['exports/'] },
      },
    },
    purgeExpired: {
      handler: 'functions/privacy/jobs.purgeExpiredHandler',
      description: 'privacy - delete what the retention table says is due: data downloads after 7 days, photos of withdrawn matters after 30, 助急 locations after 90, relief audit entries after 5 years, relief files 5 years after they close; paged, idempotent',
      schedule: 'cron(0 18 * * ? *)', // 02:00 China time
      timeout: 300,
      reservedConcurrency: 1,
      // 助急 calls by community (ELDSOSC# on gsi2) lose their location; relief audit entries by community (RAUDIT# on
      // gsi1) are deleted where they live (an application's RAPP#, a registry household's RREG#); closed relief files
      // by community (RCLOSED# on gsi1) are read whole (RAPP#) and deleted, their documents tagged pending (relief-docs/)
      needs: {
        table: { read: ['BOARD#', 'ELDSOSC#', 'PURGEDUE#', 'RAPP#', 'RAUDIT#', 'RCLOSED#', 'UNITS'], write: ['ELDSOS#', 'MATTER#'], delete: ['PRIVACY#', 'RAPP#', 'RREG#'] },
        bucket: { tag: ['exports/', 'relief-docs/', 'uploads/'] },
      },
    },
  },
  errors: ['PRIVACY_POLICY_NEW_VERSION', 'PRIVACY_POLICY_VERSION_UNKNOWN', 'CONSENT_NOT_WITHDRAWABLE', 'STALE_VERSION'],
});
