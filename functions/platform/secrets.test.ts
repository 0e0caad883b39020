import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ssmGetParameters, type GetParameters } from './secrets';

/** A stand-in for SSM's JSON API (AmazonSSM.GetParameters): the parameters it holds, and every request it was sent. */
function fakeSsm(parameters: Record<string, string>) {
  const calls: Array<{ target: string; body: { Names: string[]; WithDecryption?: boolean } }> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      calls.push({ target: String(req.headers['x-amz-target']), body });
      const names: string[] = body.Names;
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify({
          Parameters: names.filter((n) => n in parameters).map((n) => ({ Name: n, Type: 'SecureString', Value: parameters[n], Version: 1 })),
          InvalidParameters: names.filter((n) => !(n in parameters)),
        }),
      );
    });
  });
  return {
    calls,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TOKEN = 'Zx8d1Q7m2Lr9vT0pKc3Yb6Nw4Hs5Jf1Ag7Ue2Oi8';
const WECHAT = '9b1f0c2e7d3a4b5c6d7e8f9a0b1c2d3e';

/** A cloud function's environment as cloud/secrets.js writes it: parameter names, no values. */
const env = {
  LINLI_ENV: 'cloud',
  AWS_LAMBDA_FUNCTION_NAME: 'linli-prod-auth',
  AWS_REGION: 'cn-north-1',
  TABLE_NAME: 'linli-prod',
  UPLOAD_BUCKET: 'linli-prod-uploads',
  WECHAT_APPID: 'wx3f5c0a1b2c3d4e5f',
  TOKEN_SECRET_PARAM: '/linli/prod/token-secret',
  WECHAT_SECRET_PARAM: '/linli/prod/wechat-secret',
};

/** A new container: the modules loaded afresh, as a cold start loads them. */
function coldStart(): typeof import('./context') {
  let context!: typeof import('./context');
  jest.isolateModules(() => {
    context = require('./context');
  });
  return context;
}

let ssm: ReturnType<typeof fakeSsm>;
let getParameters: GetParameters;
beforeEach(async () => {
  ssm = fakeSsm({ '/linli/prod/token-secret': TOKEN, '/linli/prod/wechat-secret': WECHAT });
  const endpoint = await ssm.start();
  getParameters = ssmGetParameters({ region: 'cn-north-1', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});
afterEach(() => ssm.stop());

describe('secrets in the cloud', () => {
  it('are read from SSM with one GetParameters call (decrypted) per cold start, then kept for the container', async () => {
    // Prepare
    const container = coldStart();
    // Act
    const [first, second] = await Promise.all([container.loadDeps({ env, getParameters }), container.loadDeps({ env, getParameters })]);
    const warm = await container.loadDeps({ env, getParameters });
    // Assess
    expect(ssm.calls).toEqual([{ target: 'AmazonSSM.GetParameters', body: { Names: ['/linli/prod/token-secret', '/linli/prod/wechat-secret'], WithDecryption: true } }]);
    expect(first).toBe(second);
    expect(warm).toBe(first);
    expect(first.config.tokenSecret).toBe(TOKEN);
    expect(first.config.wechat.secret).toBe(WECHAT);
  });

  it('are read again by the next cold start', async () => {
    await coldStart().loadDeps({ env, getParameters });
    await coldStart().loadDeps({ env, getParameters });
    expect(ssm.calls).toHaveLength(2);
  });

  it('stop the function with the missing parameter named, and the next invocation tries again', async () => {
    // Prepare
    const container = coldStart();
    const withMissing = { ...env, WECHAT_PUSH_TOKEN_PARAM: '/linli/prod/wechat-push-token' };
    // Act
    const failed = container.loadDeps({ env: withMissing, getParameters });
    // Assess
    await expect(failed).rejects.toThrow(/SSM has no parameter \/linli\/prod\/wechat-push-token: create it as a SecureString/);
    await expect(container.loadDeps({ env, getParameters })).resolves.toMatchObject({ config: { tokenSecret: TOKEN } });
    expect(ssm.calls).toHaveLength(2);
  });

  it('refuse a development value even when it comes from SSM', async () => {
    await ssm.stop();
    ssm = fakeSsm({ '/linli/prod/token-secret': 'local-token-secret-not-for-production', '/linli/prod/wechat-secret': WECHAT });
    const endpoint = await ssm.start();
    getParameters = ssmGetParameters({ region: 'cn-north-1', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await expect(coldStart().loadDeps({ env, getParameters })).rejects.toThrow(/TOKEN_SECRET: the development value from the repository is refused/);
  });

  it('reach the relief vault, which reads them after loadDeps', async () => {
    // Prepare
    await ssm.stop();
    ssm = fakeSsm({ '/linli/prod/relief-hash-secret': 'R'.repeat(44) });
    const endpoint = await ssm.start();
    getParameters = ssmGetParameters({ region: 'cn-north-1', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    let modules!: { context: typeof import('./context'); crypto: typeof import('./crypto') };
    jest.isolateModules(() => {
      modules = { context: require('./context'), crypto: require('./crypto') };
    });
    const reliefEnv = { ...env, TOKEN_SECRET_PARAM: undefined, WECHAT_SECRET_PARAM: undefined, RELIEF_HASH_SECRET_PARAM: '/linli/prod/relief-hash-secret', RELIEF_KMS_KEY_ID: 'key-1' };
    // Act
    await modules.context.loadDeps({ env: reliefEnv, getParameters });
    const vault = modules.crypto.vaultFromEnv();
    // Assess: the hash is keyed by the secret from SSM, not by anything in the environment
    const expected = new modules.crypto.Vault({ generate: jest.fn(), unwrap: jest.fn() }, Buffer.from('R'.repeat(44)));
    expect(vault.hash('idNumber', '110101199003074514')).toBe(expected.hash('idNumber', '110101199003074514'));
  });
});

describe('secrets in the local stack', () => {
  it('are the environment’s values, with no call to SSM', async () => {
    const deps = await coldStart().loadDeps({ env: { LINLI_ENV: 'local', TOKEN_SECRET: 'a-local-token-secret' }, getParameters });
    expect(deps.config.tokenSecret).toBe('a-local-token-secret');
    expect(ssm.calls).toHaveLength(0);
  });
});
