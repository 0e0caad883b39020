'use strict';
/**
 * The capability declarations (functions/<capability>/capability.ts), loaded from TypeScript for serverless.yml's
 * `${file(...)}` sources (cloud/functions.js, cloud/iam.js). tsx compiles them on the fly; they import only contracts.
 */
const tsx = require('tsx/cjs/api');

let loaded;
function declarations() {
  loaded ??= tsx.require('../functions/capabilities.ts', __filename);
  return loaded;
}

module.exports = { declarations };
