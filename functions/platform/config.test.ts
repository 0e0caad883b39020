import { TemplateKey } from '../../shared/notifications/schemas';
import { DEV_SECRETS, LOCAL_PUSH, readConfig, readTemplates } from './config';
import { vaultFromEnv } from './crypto';

describe('readTemplates (WECHAT_TEMPLATES)', () => {
  it('gives the local stack a distinct stand-in id for every template key', () => {
    const ids = readTemplates(undefined, true);
    expect(Object.keys(ids).sort()).toEqual([...TemplateKey.options].sort());
    expect(new Set(Object.values(ids)).size).toBe(TemplateKey.options.length);
    expect(ids.fiveListsProgress).toBe('local-five-lists-progress');
  });

  it('sends in the cloud only what it is given, and lets the local stack override a stand-in id', () => {
    expect(readTemplates('', false)).toEqual({});
    expect(readTemplates('{"matterOutcome":"Tmpl-9xQ"}', false)).toEqual({ matterOutcome: 'Tmpl-9xQ' });
    expect(readTemplates('{"matterOutcome":"Tmpl-9xQ"}', true).matterOutcome).toBe('Tmpl-9xQ');
    expect(readTemplates('{"matterOutcome":"Tmpl-9xQ"}', true).sessionReminder).toBe('local-session-reminder');
  });

  it('stops at start on a malformed value, saying what is wrong', () => {
    expect(() => readTemplates('{matterOutcome:1}', false)).toThrow(/must be JSON/);
    expect(() => readTemplates('{"matterOutcom":"x"}', false)).toThrow(/unknown template key matterOutcom/);
    expect(() => readTemplates('{"matterOutcome":""}', false)).toThrow(/matterOutcome/);
    expect(() => readTemplates('["x"]', false)).toThrow(/WECHAT_TEMPLATES/);
  });

  it('is what readConfig uses', () => {
    expect(readConfig({ LINLI_ENV: 'local', WECHAT_TEMPLATES: '{"eventReminder":"T-1"}' }).templates.eventReminder).toBe('T-1');
  });
});

describe('fails closed', () => {
  /** what a cloud function of the stack gets: its resources' names and its own secrets, already read from SSM */
  const cloud = {
    LINLI_ENV: 'cloud',
    AWS_LAMBDA_FUNCTION_NAME: 'linli-prod-auth',
    TABLE_NAME: 'linli-prod',
    UPLOAD_BUCKET: 'linli-prod-uploadbucket-1x2y',
    WECHAT_APPID: 'wx3f5c0a1b2c3d4e5f',
    WECHAT_SECRET: '9b1f0c2e7d3a4b5c6d7e8f9a0b1c2d3e',
    TOKEN_SECRET: 'Zx8d1Q7m2Lr9vT0pKc3Yb6Nw4Hs5Jf1Ag7Ue2Oi8',
  };

  it('refuses to start without LINLI_ENV, or with a value it does not know', () => {
    expect(() => readConfig({})).toThrow(/LINLI_ENV must be 'local' or 'cloud' \(it is not set\)/);
    expect(() => readConfig({ ...cloud, LINLI_ENV: undefined })).toThrow(/LINLI_ENV/);
    expect(() => readConfig({ LINLI_ENV: 'production' })).toThrow(/LINLI_ENV must be 'local' or 'cloud' \(it is "production"\)/);
  });

  it('refuses local mode inside AWS Lambda, but not under serverless-offline', () => {
    expect(() => readConfig({ LINLI_ENV: 'local', AWS_LAMBDA_FUNCTION_NAME: 'linli-prod-auth' })).toThrow(/LINLI_ENV=local is refused inside AWS Lambda/);
    expect(readConfig({ LINLI_ENV: 'local', AWS_LAMBDA_FUNCTION_NAME: 'linli-local-auth', IS_OFFLINE: 'true' }).env).toBe('local');
  });

  it.each([
    ['TOKEN_SECRET', DEV_SECRETS.tokenSecret],
    ['WECHAT_SECRET', DEV_SECRETS.wechatSecret],
    ['RELIEF_HASH_SECRET', DEV_SECRETS.reliefHashSecret],
    ['WECHAT_PUSH_TOKEN', LOCAL_PUSH.token],
    ['WECHAT_PUSH_AES_KEY', LOCAL_PUSH.aesKey],
    ['LOCAL_MASTER_KEY', DEV_SECRETS.localMasterKey],
  ])('refuses the repository’s development %s in the cloud', (name, value) => {
    expect(() => readConfig({ ...cloud, [name]: value })).toThrow(new RegExp(`${name}: the development value from the repository is refused`));
  });

  it('refuses any local master key in the cloud, where KMS seals sensitive data', () => {
    expect(() => readConfig({ ...cloud, LOCAL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') })).toThrow(/LOCAL_MASTER_KEY is refused in the cloud/);
  });

  it('has no defaults in the cloud for the table, the bucket, the app id or a short token secret', () => {
    for (const name of ['TABLE_NAME', 'UPLOAD_BUCKET', 'WECHAT_APPID']) expect(() => readConfig({ ...cloud, [name]: '' })).toThrow(new RegExp(`${name} must be set`));
    expect(() => readConfig({ ...cloud, TOKEN_SECRET: 'short' })).toThrow(/TOKEN_SECRET must be 32\+ characters/);
  });

  it('gives a cloud function no secret it was not given: using one fails, instead of falling back to a development value', () => {
    const job = readConfig({ ...cloud, TOKEN_SECRET: undefined, WECHAT_SECRET: undefined });
    expect(job.tableName).toBe('linli-prod');
    expect(() => job.tokenSecret).toThrow(/TOKEN_SECRET is not among this function's secrets/);
    expect(() => job.wechat.secret).toThrow(/WECHAT_SECRET is not among this function's secrets/);
  });

  it('starts in the cloud with real values, and locally with the development ones', () => {
    const c = readConfig(cloud);
    expect([c.env, c.tokenSecret, c.wechat.secret, c.wechat.push]).toEqual(['cloud', cloud.TOKEN_SECRET, cloud.WECHAT_SECRET, undefined]);
    const l = readConfig({ LINLI_ENV: 'local' });
    expect([l.env, l.tokenSecret, l.wechat.secret, l.wechat.push]).toEqual(['local', DEV_SECRETS.tokenSecret, DEV_SECRETS.wechatSecret, LOCAL_PUSH]);
  });

  it('refuses the vault’s development keys in the cloud, and a cloud vault without KMS', () => {
    expect(() => vaultFromEnv({ ...cloud, RELIEF_KMS_KEY_ID: 'k', RELIEF_HASH_SECRET: DEV_SECRETS.reliefHashSecret })).toThrow(/RELIEF_HASH_SECRET: the development value/);
    expect(() => vaultFromEnv({ ...cloud, RELIEF_HASH_SECRET: 'h'.repeat(40) })).toThrow(/RELIEF_KMS_KEY_ID must be set/);
    expect(() => vaultFromEnv({ RELIEF_HASH_SECRET: 'h'.repeat(40), RELIEF_KMS_KEY_ID: 'k' })).toThrow(/LINLI_ENV/);
  });
});
