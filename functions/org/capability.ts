import { api } from '../../shared/api';
import { capability, endpointsOf } from '../platform/capability';

export const orgCapability = capability('org', {
  functions: {
    org: {
      handler: 'functions/org/handler.handler',
      description: 'communities, bindings, the organisation tree and grants',
      endpoints: endpointsOf(api.org),
      needs: { table: { read: ['COMMUNITY#', 'INVITE#', 'RESGRID#', 'RESIDENTS#', 'UNIT#', 'UNITS', 'USER#'], write: ['AUTHV#', 'COMMUNITY#', 'INVITE#', 'UNITS', 'USER#'], delete: ['COMMUNITY#', 'INVITE#', 'USER#'] }, secrets: ['tokenSecret'] },
    },
  },
  errors: ['ALREADY_BOUND'],
});
