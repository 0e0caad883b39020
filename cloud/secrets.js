'use strict';
/**
 * The one list of secrets: each one's environment variable (what functions/platform/config.ts and crypto.ts read) and its
 * SSM SecureString parameter, `/linli/<stage>/<kebab-name>`. A function declares the secrets it needs
 * (functions/<capability>/capability.ts, `needs.secrets`); cloud/functions.js gives it `secretEnvironment` of them and
 * cloud/iam.js adds `secretStatements` of them to its role, so a function can read its own parameters and no others.
 *
 * In the cloud a function's environment names the parameter (`TOKEN_SECRET_PARAM=/linli/prod/token-secret`), never the
 * value: functions/platform/secrets.ts reads the values with one GetParameters (WithDecryption) at cold start. The
 * CloudFormation template, the console and lambda:GetFunctionConfiguration never show a secret.
 * The local stage (serverless-offline) gets the values themselves, from the environment or the local default.
 *
 * Not secret, so plain environment (provider.environment): the table name, the bucket, the WeChat app id (it is in the
 * mini-program's own package), the API base, the subscribe-message template ids (the mini-program shows them to
 * request grants), the KMS key id (a key id grants nothing without kms: actions on it), the log level.
 */

/** name → environment variable, local default ('' = platform/config.ts's own local value) */
const SECRETS = {
  tokenSecret: { env: 'TOKEN_SECRET', localDefault: 'local-token-secret-not-for-production' },
  wechatSecret: { env: 'WECHAT_SECRET', localDefault: 'local-secret' },
  wechatPushToken: { env: 'WECHAT_PUSH_TOKEN', localDefault: '' },
  wechatPushAesKey: { env: 'WECHAT_PUSH_AES_KEY', localDefault: '' },
  reliefHashSecret: { env: 'RELIEF_HASH_SECRET', localDefault: '' },
};

/** tokenSecret → token-secret */
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function secretOf(name) {
  const s = SECRETS[name];
  if (!s) throw new Error(`unknown secret ${name}: cloud/secrets.js lists ${Object.keys(SECRETS).join(', ')}`);
  return s;
}

/** The SSM parameter name of a secret in a stage. */
function parameterName(name, stage) {
  secretOf(name);
  return `/linli/${stage}/${kebab(name)}`;
}

/**
 * The environment entries a function gets for its secrets: in the cloud `<ENV>_PARAM` = the parameter's name; on the
 * local stage the value itself, from the environment or the local default.
 */
async function secretEnvironment(names, { stage, local }) {
  const env = {};
  for (const name of names) {
    const s = secretOf(name);
    if (local) env[s.env] = process.env[s.env] ?? s.localDefault;
    else env[`${s.env}_PARAM`] = parameterName(name, stage);
  }
  return env;
}

/**
 * IAM statements that let a role read exactly these secrets: ssm:GetParameters on their parameters' ARNs, partition-aware
 * (AWS China is aws-cn). Without a stage, the stage serverless is packaging (`${sls:stage}`, resolved by serverless).
 * SecureStrings under the account's default key (aws/ssm) need no kms:Decrypt statement; a customer key would.
 */
function secretStatements(names, { stage = '${sls:stage}' } = {}) {
  if (!names.length) return [];
  return [
    {
      Sid: 'Secrets',
      Effect: 'Allow',
      Action: ['ssm:GetParameters'],
      Resource: [...new Set(names)].map((name) => ({
        'Fn::Sub': `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${parameterName(name, stage)}`,
      })),
    },
  ];
}

module.exports = { SECRETS, parameterName, secretEnvironment, secretStatements };
