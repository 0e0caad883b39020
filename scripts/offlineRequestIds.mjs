/**
 * serverless-offline 14 gives every HTTP API (payload 2.0) event the same requestContext.requestId,
 * "offlineContext_resourceId", so every local response carried the same x-request-id and a log line could not be
 * traced to its request. API Gateway gives each request its own. This preload (NODE_OPTIONS=--import <this file>, set
 * by the local stack for serverless-offline: scripts/localStack.ts offlineNodeOptions) rewrites that one constant in
 * serverless-offline's event builder to a fresh id per event, as the cloud does. If a serverless-offline upgrade moves
 * the constant, it stops at start instead of quietly serving the constant again.
 */
import { register } from 'node:module';

register('./offlineRequestIds.hooks.mjs', import.meta.url);
