import { platformApi } from '../../shared/platform/api';
import { capability, endpointsOf } from './capability';

/** health, client config and the OpenAPI document: reads nothing but the config */
export const platformCapability = capability('platform', {
  functions: {
    platform: {
      handler: 'functions/platform/handler.handler',
      description: 'health, client config, OpenAPI document',
      endpoints: endpointsOf(platformApi),
      extraRoutes: ['GET /openapi.json'],
      needs: {},
    },
  },
});
