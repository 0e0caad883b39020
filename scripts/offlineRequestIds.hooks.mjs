/** Module hooks for scripts/offlineRequestIds.mjs: a request id per event in serverless-offline's payload 2.0 events. */
const TARGET = '/serverless-offline/src/events/http/lambda-events/LambdaProxyIntegrationEventV2.js';
const CONSTANT = 'requestId: "offlineContext_resourceId"';

export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (!url.endsWith(TARGET)) return loaded;
  const source = String(loaded.source);
  if (!source.includes(CONSTANT)) throw new Error(`scripts/offlineRequestIds.mjs: ${TARGET} no longer has ${CONSTANT}; check what request id serverless-offline sends now`);
  return { ...loaded, source: source.replace(CONSTANT, 'requestId: globalThis.crypto.randomUUID()'), shortCircuit: true };
}
