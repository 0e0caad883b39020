import { elderCareApi } from '../../shared/elderCare/api';
import { capability, endpointsOf } from '../platform/capability';

/** the reservation engine's writes (a place, its waitlist, a promotion's notification) run as the calling function */
const engine = { read: ['PLACE#'], write: ['PLACE#', 'OUTBOX#', 'USER#', 'NOTIFIED#'] };

export const elderCareCapability = capability('elderCare', {
  functions: {
    // a slot is a place on the sign-ups engine (ports.reservations); eligibility reads the relief registry through its
    // port (the resident's applications RAPPS#, the registry RREG#); served photos are read back by presigned GET URLs
    elderCare: {
      handler: 'functions/elderCare/handler.handler',
      description: 'elder care 6+X - menu, providers, slots, bookings and meal orders, serving, ratings, family links, 助急',
      endpoints: endpointsOf(elderCareApi),
      needs: {
        table: {
          read: ['ELDBOOK#', 'ELDBOOKS#', 'ELDCODE#', 'ELDER#', 'ELDFAMOF#', 'ELDMENU#', 'ELDPDAY#', 'ELDPROV#', 'ELDPROVS#', 'ELDPROVU#', 'ELDSLOT#', 'ELDSLOTS#', 'ELDSOS#', 'ELDSOSC#', 'IDEMP#', 'RAPPS#', 'RREG#', 'UNIT#', 'UNITS', ...engine.read, 'USER#'],
          write: ['ELDBOOK#', 'ELDCODE#', 'ELDER#', 'ELDMENU#', 'ELDPROV#', 'ELDSLOT#', 'ELDSOS#', 'FIG#', 'FIGSD#', 'IDEMP#', ...engine.write],
        },
        bucket: { read: ['uploads/'], tag: ['uploads/'] },
        secrets: ['tokenSecret'],
      },
    },
    escalateEmergencies: {
      handler: 'functions/elderCare/jobs.escalateEmergenciesHandler',
      description: '助急 - requests nobody acknowledged within 5 minutes go to the community workers (inbox and subscribe messages)',
      schedule: 'rate(1 minute)',
      timeout: 50,
      // one runner at a time; two would only lose the race on each request's version condition
      reservedConcurrency: 1,
      needs: { table: { read: ['ELDSOSDUE', 'ELDSOS#', 'UNIT#'], write: ['ELDSOS#', 'OUTBOX#', 'USER#', 'NOTIFIED#'] } },
    },
  },
  errors: [
    'NOT_BOUND',
    'STALE_VERSION',
    'UPLOAD_NOT_YOURS',
    'PLACE_FULL',
    'PLACE_NOT_OPEN',
    'SIGNUP_CLOSED',
    'CANCEL_CUTOFF_PASSED',
    'BOOKING_CLOSED',
    'BOOKING_NOT_ACTIVE',
    'BOOKING_NOT_SERVED',
    'NOT_YET_SERVABLE',
    'ALREADY_RATED',
    'SERVICE_NOT_ON_MENU',
    'SERVICE_NOT_OFFERED',
    'DELIVERY_NOT_OFFERED',
    'PROVIDER_UNIT_INVALID',
    'PROXY_CONSENT_REQUIRED',
    'FAMILY_CODE_INVALID',
    'OWN_FAMILY_CODE',
    'BIRTH_YEAR_INVALID',
    'EMERGENCY_CLOSED',
  ],
});
