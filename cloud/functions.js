'use strict';
/**
 * serverless.yml's `functions:`, made from the capability declarations (functions/<capability>/capability.ts): each
 * function's handler, description, timeout, concurrency, its own environment and secrets, its role (cloud/iam.js) and
 * its events: an `httpApi` event per declared endpoint, a `schedule` per job. Nothing here is written by hand, so the
 * routes, the roles and the app's route table cannot drift apart (tests/stack/serverlessConfig.test.ts checks).
 */
const { declarations } = require('./declarations');
const { roleName } = require('./iam');
const { secretEnvironment } = require('./secrets');

async function functions({ resolveVariable } = {}) {
  const stage = resolveVariable ? await resolveVariable('sls:stage') : 'dev';
  const local = stage === 'local';
  const out = {};
  for (const fn of declarations().functionDeclarations) {
    const environment = { ...(fn.environment ?? {}), ...(await secretEnvironment(fn.needs.secrets ?? [], { stage, local })) };
    const events =
      fn.kind === 'http'
        ? [...fn.endpoints.map((e) => `${e.method} ${e.path}`), ...(fn.extraRoutes ?? [])].map((r) => ({ httpApi: r }))
        : // locally scripts/start.ts runs the drains every few seconds itself: serverless-offline would run them again
          [{ schedule: { rate: fn.schedule, enabled: !(local && fn.name.startsWith('drain')) } }];
    out[fn.name] = {
      handler: fn.handler,
      description: fn.description,
      role: roleName(fn.name),
      ...(fn.timeout ? { timeout: fn.timeout } : {}),
      ...(fn.memorySize ? { memorySize: fn.memorySize } : {}),
      ...(fn.reservedConcurrency ? { reservedConcurrency: fn.reservedConcurrency } : {}),
      ...(Object.keys(environment).length ? { environment } : {}),
      events,
    };
  }
  return out;
}

module.exports = { functions };
