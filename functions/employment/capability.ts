import { employmentApi } from '../../shared/employment/api';
import { capability, endpointsOf } from '../platform/capability';

export const employmentCapability = capability('employment', {
  functions: {
    // a community's records are one partition (EMP#); each change adds to the work summary's counters (FIG#, FIGSD#)
    employment: {
      handler: 'functions/employment/handler.handler',
      description: 'employment assistance - job seekers (with consent), vacancies, referrals, placements, training; the employment figures',
      endpoints: endpointsOf(employmentApi),
      needs: { table: { read: ['EMP#', 'IDEMP#', 'UNITS'], write: ['EMP#', 'FIG#', 'FIGSD#', 'IDEMP#'] }, secrets: ['tokenSecret'] },
    },
  },
  errors: ['CONSENT_REQUIRED', 'SEEKER_NOT_SEEKING', 'VACANCY_CLOSED', 'VACANCY_FILLED', 'REFERRAL_DECIDED', 'TRAINING_IN_FUTURE'],
});
