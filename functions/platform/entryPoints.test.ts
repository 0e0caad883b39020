/**
 * The Lambda entry points fail closed: each awaits loadDeps(), which reads and checks the configuration before any
 * route or job runs. A new container (jest.isolateModules) with the environment a misdeployed function would have.
 */
type Env = Record<string, string | undefined>;

async function inContainer<T>(env: Env, run: (load: (path: string) => any) => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  for (const k of Object.keys(env)) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  try {
    let load!: (path: string) => any;
    jest.isolateModules(() => {
      load = (p: string) => require(p);
    });
    return await run(load);
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

const health = { rawPath: '/health', headers: {}, requestContext: { requestId: 'r-1', http: { method: 'GET' } } };

describe('a Lambda entry point', () => {
  it('refuses to serve in AWS Lambda with LINLI_ENV=local, saying why', async () => {
    await inContainer({ AWS_LAMBDA_FUNCTION_NAME: 'linli-prod-platform', IS_OFFLINE: undefined, LINLI_ENV: 'local' }, async (load) => {
      await expect(load('./handler').handler(health)).rejects.toThrow(/LINLI_ENV=local is refused inside AWS Lambda/);
    });
  });

  it('refuses to run a job without LINLI_ENV', async () => {
    await inContainer({ AWS_LAMBDA_FUNCTION_NAME: 'linli-prod-createSessions', IS_OFFLINE: undefined, LINLI_ENV: undefined }, async (load) => {
      await expect(load('../sayItDay/jobs').createSessionsHandler()).rejects.toThrow(/LINLI_ENV must be 'local' or 'cloud'/);
    });
  });

  it('refuses the repository’s token secret in the cloud', async () => {
    const cloud = { AWS_LAMBDA_FUNCTION_NAME: 'linli-prod-platform', IS_OFFLINE: undefined, LINLI_ENV: 'cloud', TABLE_NAME: 'linli-prod', UPLOAD_BUCKET: 'b', WECHAT_APPID: 'wx1', WECHAT_SECRET: undefined };
    await inContainer({ ...cloud, TOKEN_SECRET: 'local-token-secret-not-for-production' }, async (load) => {
      await expect(load('./handler').handler(health)).rejects.toThrow(/TOKEN_SECRET: the development value from the repository is refused/);
    });
  });

  it('serves under serverless-offline in local mode', async () => {
    await inContainer({ AWS_LAMBDA_FUNCTION_NAME: 'linli-local-platform', IS_OFFLINE: 'true', LINLI_ENV: 'local' }, async (load) => {
      const res = await load('./handler').handler(health);
      expect(res.statusCode).toBe(200);
    });
  });
});
