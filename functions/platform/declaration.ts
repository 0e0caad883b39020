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
      // the wrapper verifies any bearer token it is sent, on public routes too (the mini-program sends it to /config)
      needs: { secrets: ['tokenSecret'] },
    },
  },
});
