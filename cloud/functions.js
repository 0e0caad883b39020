'use strict';
/**
 * serverless.yml's `functions:`, made from the capability declarations (functions/<capability>/capability.ts): each
 * function's handler, description, timeout, concurrency, its own environment and secrets, its role (cloud/iam.js) and
 * its events: an `httpApi` event per declared endpoint, a `schedule` per job. Nothing here is written by hand, so the
 * routes, the roles and the app's route table cannot drift apart (tests/stack/serverlessConfig.test.ts checks).
 */
const fs = require('node:fs');
const path = require('node:path');
const { declarations } = require('./declarations');
const { roleName } = require('./iam');

/** Where a secret goes when cloud/secrets.js is not there: the value from serverless.yml's params, as before. */
const PARAM_OF_SECRET = {
  tokenSecret: ['TOKEN_SECRET', 'tokenSecret'],
  wechatSecret: ['WECHAT_SECRET', 'wechatSecret'],
  wechatPushToken: ['WECHAT_PUSH_TOKEN', 'wechatPushToken'],
  wechatPushAesKey: ['WECHAT_PUSH_AES_KEY', 'wechatPushAesKey'],
  reliefHashSecret: ['RELIEF_HASH_SECRET', 'reliefHashSecret'],
};

async function secretEnvironment(names, ctx) {
  const secretsFile = path.join(__dirname, 'secrets.js');
  if (fs.existsSync(secretsFile)) return require(secretsFile).secretEnvironment(names, ctx);
  const env = {};
  for (const n of names) env[PARAM_OF_SECRET[n][0]] = `\${param:${PARAM_OF_SECRET[n][1]}}`;
  return env;
}

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
