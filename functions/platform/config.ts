import { z } from 'zod';
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

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const local = (env.LINLI_ENV ?? 'local') === 'local';
  const tokenSecret = env.TOKEN_SECRET ?? (local ? 'local-token-secret-not-for-production' : '');
  if (!tokenSecret || (!local && tokenSecret.length < 32)) throw new Error('TOKEN_SECRET must be set (32+ characters) outside the local stack');
  const templates = readTemplates(env.WECHAT_TEMPLATES, local);
  return {
    env: local ? 'local' : 'cloud',
    tableName: env.TABLE_NAME ?? 'linli-local',
    tokenSecret,
    accessTokenTtl: 2 * 3600,
    refreshTokenTtl: 30 * 24 * 3600,
    wechat: {
      apiBase: env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com',
      appId: env.WECHAT_APPID ?? 'wx-local-appid',
      secret: env.WECHAT_SECRET ?? 'local-secret',
      push: readPush(env, local),
    },
    templates,
    uploads: {
      bucket: env.UPLOAD_BUCKET ?? 'linli-uploads',
      endpoint: env.S3_ENDPOINT,
      publicEndpoint: env.S3_PUBLIC_ENDPOINT ?? env.S3_ENDPOINT,
      region: env.AWS_REGION ?? 'cn-north-1',
    },
  };
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
