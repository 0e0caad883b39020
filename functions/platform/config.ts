/** Everything the functions read from their environment, read in one place. */
export interface Config {
  env: 'local' | 'cloud';
  tableName: string;
  tokenSecret: string;
  /** access tokens live this many seconds */
  accessTokenTtl: number;
  refreshTokenTtl: number;
  wechat: { apiBase: string; appId: string; secret: string };
  templates: Record<string, string>;
  uploads: { bucket: string; endpoint?: string; publicEndpoint?: string; region: string };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const local = (env.LINLI_ENV ?? 'local') === 'local';
  const tokenSecret = env.TOKEN_SECRET ?? (local ? 'local-token-secret-not-for-production' : '');
  if (!tokenSecret || (!local && tokenSecret.length < 32)) throw new Error('TOKEN_SECRET must be set (32+ characters) outside the local stack');
  let templates: Record<string, string> = {
    sessionReminder: 'local-session-reminder',
    matterOutcome: 'local-matter-outcome',
    signupPromoted: 'local-signup-promoted',
    signupCancelled: 'local-signup-cancelled',
    eventReminder: 'local-event-reminder',
    hoursConfirmed: 'local-hours-confirmed',
  };
  if (env.WECHAT_TEMPLATES) templates = JSON.parse(env.WECHAT_TEMPLATES) as Record<string, string>;
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
