import { z } from 'zod';
import type { SecretName } from './capability';
import { checkSecret } from './cloudRules';
import { TemplateKey } from '../../shared/notifications/schemas';

/** Everything the functions read from their environment, read in one place. */
export interface Config {
  env: 'local' | 'cloud';
  tableName: string;
  tokenSecret: string;
  /** access tokens live this many seconds */
  accessTokenTtl: number;
  refreshTokenTtl: number;
  wechat: {
    apiBase: string;
    appId: string;
    secret: string;
    /** message push (消息推送): the console's Token, and its EncodingAESKey in safe mode; no token, no push endpoint */
    push?: { token: string; aesKey?: string };
  };
  /** WeChat subscribe-message template id per template key; a key without one is told in the inbox only */
  templates: Partial<Record<TemplateKey, string>>;
  uploads: { bucket: string; endpoint?: string; publicEndpoint?: string; region: string };
}

/**
 * The development secrets that are in the repository: the local stack runs on them, the cloud must never. A value of any
 * secret equal to one of these stops a cloud function at start.
 */
export const DEV_SECRETS = {
  tokenSecret: 'local-token-secret-not-for-production',
  wechatSecret: 'local-secret',
  reliefHashSecret: 'linli-local-relief-hash-secret-not-for-production',
  /** base64 of 32 bytes: the local stack's stand-in for the KMS key */
  localMasterKey: Buffer.alloc(32, 'linli-local-dev-master-key-only!!').toString('base64'),
} as const;

/** The environment variables that hold secrets (cloud/secrets.js lists each one's SSM parameter). */
const SECRET_VARS = ['TOKEN_SECRET', 'WECHAT_SECRET', 'WECHAT_PUSH_TOKEN', 'WECHAT_PUSH_AES_KEY', 'RELIEF_HASH_SECRET', 'LOCAL_MASTER_KEY'] as const;

/** Inside a Lambda of AWS (serverless-offline sets AWS_LAMBDA_FUNCTION_NAME too, and IS_OFFLINE). */
export function inLambda(env: NodeJS.ProcessEnv): boolean {
  return !!env.AWS_LAMBDA_FUNCTION_NAME && !env.IS_OFFLINE;
}

/**
 * Fails closed: LINLI_ENV must say 'local' or 'cloud'; a Lambda in AWS refuses 'local' and every development secret of
 * the repository, so a function deployed without its configuration stops at start with what is wrong instead of
 * signing tokens with a key anyone can read.
 */
export function checkEnvironment(env: NodeJS.ProcessEnv): 'local' | 'cloud' {
  const mode = env.LINLI_ENV;
  if (mode !== 'local' && mode !== 'cloud') throw new Error(`LINLI_ENV must be 'local' or 'cloud' (it is ${mode === undefined ? 'not set' : JSON.stringify(mode)})`);
  if (mode === 'local' && inLambda(env)) throw new Error('LINLI_ENV=local is refused inside AWS Lambda: deploy with LINLI_ENV=cloud');
  if (mode === 'cloud' || inLambda(env)) {
    const known = new Set<string>([...Object.values(DEV_SECRETS), LOCAL_PUSH.token, LOCAL_PUSH.aesKey]);
    const dev = SECRET_VARS.filter((name) => env[name] && known.has(env[name]!));
    if (dev.length) throw new Error(`${dev.join(', ')}: the development value from the repository is refused in the cloud`);
    if (env.LOCAL_MASTER_KEY) throw new Error('LOCAL_MASTER_KEY is refused in the cloud: sensitive data is sealed with KMS (RELIEF_KMS_KEY_ID)');
  }
  return mode;
}

/**
 * The configuration from an environment whose secrets are already values (platform/secrets.ts resolves the cloud's
 * from SSM first). The cloud gets no defaults for anything secret or naming a resource: a value it lacks stops it here.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const local = checkEnvironment(env) === 'local';
  if (env.TOKEN_SECRET && !local && env.TOKEN_SECRET.length < 32) throw new Error('TOKEN_SECRET must be 32+ characters outside the local stack');
  for (const name of ['TABLE_NAME', 'UPLOAD_BUCKET', 'WECHAT_APPID']) if (!local && !env[name]) throw new Error(`${name} must be set outside the local stack`);
  const config: Config = {
    env: local ? 'local' : 'cloud',
    tableName: env.TABLE_NAME || 'linli-local',
    tokenSecret: env.TOKEN_SECRET || DEV_SECRETS.tokenSecret,
    accessTokenTtl: 2 * 3600,
    refreshTokenTtl: 30 * 24 * 3600,
    wechat: {
      apiBase: env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com',
      appId: env.WECHAT_APPID || 'wx-local-appid',
      secret: env.WECHAT_SECRET || DEV_SECRETS.wechatSecret,
      push: readPush(env, local),
    },
    templates: readTemplates(env.WECHAT_TEMPLATES, local),
    uploads: {
      bucket: env.UPLOAD_BUCKET || 'linli-uploads',
      endpoint: env.S3_ENDPOINT,
      publicEndpoint: env.S3_PUBLIC_ENDPOINT ?? env.S3_ENDPOINT,
      region: env.AWS_REGION ?? 'cn-north-1',
    },
  };
  // A cloud function holds only the secrets it declares (cloud/secrets.js): one it was not given is no default but an
  // error where it is used, so a function that should not sign tokens cannot.
  if (!local && !env.TOKEN_SECRET) withheld(config, 'tokenSecret', 'TOKEN_SECRET');
  if (!local && !env.WECHAT_SECRET) withheld(config.wechat, 'secret', 'WECHAT_SECRET');
  // The local stack holds every secret, so the same rule is the guard's: a function reading one it did not declare is
  // refused there as it would be in the cloud (a test or a script, running as no function, reads them all)
  if (local) {
    declaredOnly(config, 'tokenSecret', 'tokenSecret');
    declaredOnly(config.wechat, 'secret', 'wechatSecret');
  }
  return config;
}

function declaredOnly(target: object, key: string, secret: SecretName): void {
  const value = (target as Record<string, unknown>)[key];
  Object.defineProperty(target, key, {
    enumerable: false,
    get() {
      checkSecret(secret);
      return value;
    },
  });
}

function withheld(target: object, key: string, name: string): void {
  Object.defineProperty(target, key, {
    enumerable: false,
    get() {
      throw new Error(`${name} is not among this function's secrets (declare it in the function's capability needs)`);
    },
  });
}

const TemplateIds = z.record(z.string(), z.string().min(1).max(64)).superRefine((ids, ctx) => {
  for (const key of Object.keys(ids)) if (!TemplateKey.safeParse(key).success) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `unknown template key ${key}`, path: [key] });
});

/**
 * The template ids from WECHAT_TEMPLATES (JSON: template key → WeChat template id, as the account's 订阅消息 page lists
 * them). The local stack has a stand-in id for every key, so every notification goes through the subscribe-message path
 * there; the cloud sends only the keys it is given. A malformed value stops the function at start, with what is wrong.
 */
export function readTemplates(raw: string | undefined, local: boolean): Partial<Record<TemplateKey, string>> {
  const defaults: Partial<Record<TemplateKey, string>> = local
    ? Object.fromEntries(TemplateKey.options.map((key) => [key, `local-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`]))
    : {};
  if (!raw?.trim()) return defaults;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // JSON.parse throws only SyntaxError: say what the value should look like instead
    throw new Error('WECHAT_TEMPLATES must be JSON: {"<template key>": "<WeChat template id>", …}');
  }
  const parsed = TemplateIds.safeParse(json);
  if (!parsed.success) throw new Error(`WECHAT_TEMPLATES: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return { ...defaults, ...(parsed.data as Partial<Record<TemplateKey, string>>) };
}

/** The local stack's push secrets, known to its WeChat stand-in; the cloud's come from the console through SSM. */
export const LOCAL_PUSH = { token: 'localLinliPushToken', aesKey: 'bG9jYWwtbGlubGktcHVzaC1hZXMta2V5LTMyLWJ5dGU' };

export function readPush(env: NodeJS.ProcessEnv, local: boolean): Config['wechat']['push'] {
  const token = env.WECHAT_PUSH_TOKEN || (local ? LOCAL_PUSH.token : '');
  if (!token) return undefined;
  // the console allows 3–32 letters and digits
  if (!/^[A-Za-z0-9]{3,32}$/.test(token)) throw new Error('WECHAT_PUSH_TOKEN must be 3–32 letters or digits, as the console allows');
  const aesKey = env.WECHAT_PUSH_AES_KEY || (local && !env.WECHAT_PUSH_TOKEN ? LOCAL_PUSH.aesKey : undefined);
  if (aesKey && !/^[A-Za-z0-9]{43}$/.test(aesKey)) throw new Error('WECHAT_PUSH_AES_KEY must be the 43 characters the console shows');
  return { token, aesKey };
}
