'use strict';
/**
 * esbuild plugins for the Lambda bundles (serverless.yml custom.esbuild.plugins).
 *
 * zodLocales: zod 4's `z` namespace re-exports every one of its ~50 locales (`z.locales`), about 300 KB of a 460 KB
 * bundle. The backend only ever uses the default English messages (its own errors carry the Chinese text), so the
 * locales index is replaced by one that exports en only. `z.locales.<other>` would be undefined at run time.
 */
const path = require('node:path');

const zodLocales = {
  name: 'zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.c?js$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
      const ext = path.extname(args.path);
      return { path: path.resolve(args.resolveDir, args.path), namespace: 'zod-locales', pluginData: { ext } };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => {
      const ext = args.pluginData.ext;
      return {
        contents: `export { default as en } from './en${ext}';\n`,
        resolveDir: path.dirname(args.path),
        loader: 'js',
      };
    });
  },
};

/**
 * localGuard: the local stack's guard (functions/platform/cloudRules.ts) checks calls that IAM and DynamoDB check in
 * AWS; it is only ever installed on a client with a local endpoint. In a cloud bundle (anything but `serverless
 * offline`) it is replaced by a stub of the same exports that does nothing, which keeps ~5 KB out of every function.
 */
const offline = process.argv.includes('offline');
const localGuard = {
  name: 'local-guard',
  setup(build) {
    if (offline) return;
    build.onResolve({ filter: /[\\/]cloudRules$|^\.\/cloudRules$/ }, (args) => ({ path: args.path, namespace: 'local-guard' }));
    build.onLoad({ filter: /.*/, namespace: 'local-guard' }, () => ({
      contents: [
        'export const takeBreaches = () => [];',
        'export const recordBreach = () => {};',
        'export const guardDynamo = (client) => client;',
        'export const checkCall = () => {};',
        'export const checkBucket = () => {};',
        'export const checkKms = () => {};',
        'export const checkSecret = () => {};',
        'export const prefixOf = (pk) => pk;',
        'export const itemSize = () => 0;',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * zodFromJsonSchema: zod 4's `z.fromJSONSchema` (JSON Schema -> zod, ~12 KB) is exported by the `z` namespace, so every
 * bundle carries it; nothing here builds schemas from JSON Schema. It is replaced by a function that says so.
 */
const zodFromJsonSchema = {
  name: 'zod-from-json-schema',
  setup(build) {
    build.onResolve({ filter: /^\.\/from-json-schema\.c?js$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
      return { path: args.path, namespace: 'zod-from-json-schema' };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-from-json-schema' }, () => ({
      contents: "export function fromJSONSchema() { throw new Error('z.fromJSONSchema is left out of the Lambda bundles (cloud/esbuildPlugins.js)'); }\n",
      loader: 'js',
    }));
  },
};

module.exports = [zodLocales, localGuard, zodFromJsonSchema];
