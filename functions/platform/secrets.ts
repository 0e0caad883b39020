/**
 * The cloud's secrets, read once per container from SSM Parameter Store (SecureString) and kept in memory: a function's
 * environment holds `<VAR>_PARAM` = the parameter's name (cloud/secrets.js writes it), never the value, so the console,
 * `lambda:GetFunctionConfiguration` and the CloudFormation template never show one. One GetParameters call at cold start
 * for all of a function's secrets (up to 10 a call, as SSM allows; no function has more). Locally the values themselves
 * are in the environment and nothing is fetched.
 */

/** SSM GetParameters, WithDecryption: parameter name → value; a name SSM does not know is an error. */
export type GetParameters = (names: string[]) => Promise<Record<string, string>>;

const SUFFIX = '_PARAM';
const MAX_NAMES = 10;

/** The SDK's client, loaded only in the cloud (it is in the Lambda runtime, left out of the bundle). */
export function ssmGetParameters(opts: { region?: string; endpoint?: string; credentials?: { accessKeyId: string; secretAccessKey: string } } = {}): GetParameters {
  let client: Promise<{ send: (names: string[]) => Promise<{ Parameters?: { Name?: string; Value?: string }[]; InvalidParameters?: string[] }> }> | undefined;
  return async (names) => {
    client ??= import('@aws-sdk/client-ssm').then(({ SSMClient, GetParametersCommand }) => {
      const ssm = new SSMClient({ region: opts.region ?? process.env.AWS_REGION, endpoint: opts.endpoint, credentials: opts.credentials });
      return { send: (Names: string[]) => ssm.send(new GetParametersCommand({ Names, WithDecryption: true })) };
    });
    const c = await client;
    const values: Record<string, string> = {};
    for (let i = 0; i < names.length; i += MAX_NAMES) {
      const out = await c.send(names.slice(i, i + MAX_NAMES));
      if (out.InvalidParameters?.length) throw new Error(`SSM has no parameter ${out.InvalidParameters.join(', ')}: create it as a SecureString (serverless.yml says how)`);
      for (const p of out.Parameters ?? []) if (p.Name && p.Value !== undefined) values[p.Name] = p.Value;
    }
    return values;
  };
}

/**
 * The environment with each `<VAR>_PARAM` replaced by `<VAR>` = the parameter's value. An environment without such
 * entries is returned as it is (the local stack), without a call.
 */
export async function resolveSecrets(env: NodeJS.ProcessEnv, getParameters: GetParameters = ssmGetParameters({ region: env.AWS_REGION })): Promise<NodeJS.ProcessEnv> {
  const wanted = Object.entries(env).filter(([name, value]) => name.endsWith(SUFFIX) && value) as [string, string][];
  if (!wanted.length) return env;
  const values = await getParameters([...new Set(wanted.map(([, parameter]) => parameter))]);
  const out: NodeJS.ProcessEnv = { ...env };
  for (const [name, parameter] of wanted) {
    const value = values[parameter];
    if (!value) throw new Error(`SSM parameter ${parameter} (for ${name.slice(0, -SUFFIX.length)}) is missing or empty`);
    out[name.slice(0, -SUFFIX.length)] = value;
    delete out[name];
  }
  return out;
}

let resolved: NodeJS.ProcessEnv | undefined;

/** The environment with the secrets resolved, once loadDeps has read them; before, process.env (tests, scripts). */
export function runtimeEnv(): NodeJS.ProcessEnv {
  return resolved ?? process.env;
}

export function setRuntimeEnv(env: NodeJS.ProcessEnv): void {
  resolved = env;
}
