/**
 * serverless.yml against the code's contract: every endpoint of shared/api.ts has its route on its capability's
 * function (and nothing else is routed), the table matches functions/platform/table.ts, every function has its own
 * least-privilege role, and every ARN is partition-aware (AWS China).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { api } from '../../shared/api';
import { tableDefinition, ttlAttribute } from '../../functions/platform/table';
import { PENDING_TAG } from '../../functions/platform/storage';
import { allRoutes, routeTable } from '../../functions/app';
import { capabilities, functionDeclarations } from '../../functions/capabilities';
import { errorMessages } from '../../shared/errors';
import * as cloudRules from '../../functions/platform/cloudRules';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { actionsOf } = require('../../cloud/iam.js') as { actionsOf: (needs: unknown) => { dynamodb: string[]; s3: string[]; kms: string[] } };

const ROOT = path.resolve(__dirname, '../..');

type Config = {
  provider: Record<string, any>;
  functions: Record<string, { handler: string; role?: string; environment?: Record<string, unknown>; events?: Array<Record<string, any>> }>;
  resources: { Resources: Record<string, any> };
  custom: Record<string, any>;
};

let config: Config;

beforeAll(() => {
  const out = execFileSync(path.join(ROOT, 'node_modules/.bin/serverless'), ['print', '--stage', 'ci', '--region', 'cn-north-1', '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  config = JSON.parse(out.slice(out.indexOf('{')));
}, 90_000);

const norm = (r: string) => r.replace(/^(\w+) /, (m) => m.toUpperCase());

/** a capability served by more than one function (each under the bundle budget) */
const functionsOf: Record<string, string[]> = { relief: ['reliefCases', 'reliefMoney'] };

function routesOf(fn: string): string[] {
  if (functionsOf[fn]) return functionsOf[fn].flatMap(routesOf);
  return (config.functions[fn]?.events ?? [])
    .filter((e) => e.httpApi)
    .map((e) => norm(typeof e.httpApi === 'string' ? e.httpApi : `${e.httpApi.method} ${e.httpApi.path}`));
}

describe('routes', () => {
  it('routes every endpoint of shared/api.ts to its capability, and nothing more', () => {
    const expected: Record<string, string[]> = {};
    for (const [capability, endpoints] of Object.entries(api)) {
      expected[capability] = Object.values(endpoints as Record<string, { method: string; path: string }>).map((e) => `${e.method} ${e.path}`);
    }
    expected.platform!.push('GET /openapi.json');
    for (const [capability, routes] of Object.entries(expected)) {
      const actual = routesOf(capability);
      expect({ capability, routes: [...actual].sort() }).toEqual({ capability, routes: [...routes].sort() });
    }
    const routed = Object.keys(config.functions).filter((f) => routesOf(f).length);
    expect(routed.sort()).toEqual(Object.keys(expected).flatMap((c) => functionsOf[c] ?? [c]).sort());
  });

  it('has no catch-all route (each route is explicit)', () => {
    for (const fn of Object.keys(config.functions)) for (const r of routesOf(fn)) expect(r).not.toMatch(/\{proxy\+\}|^\*|ANY /);
  });

  it('lets browsers send the headers the API reads', () => {
    const cors = config.provider.httpApi.cors;
    expect(cors.allowedHeaders.map((h: string) => h.toLowerCase())).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
  });

  it("lets no other site's page call a deployed stage: its CORS origins (API and upload bucket) are not '*'", () => {
    expect(config.provider.httpApi.cors.allowedOrigins).not.toContain('*');
    expect(config.provider.httpApi.cors.allowedOrigins.length).toBeGreaterThan(0);
    const rules = config.resources.Resources.UploadBucket.Properties.CorsConfiguration.CorsRules as { AllowedOrigins: string[] }[];
    for (const rule of rules) expect(rule.AllowedOrigins).not.toContain('*');
  });
});

describe('functions', () => {
  it('run on nodejs22.x arm64, each with its own role resource', () => {
    expect(config.provider.runtime).toBe('nodejs22.x');
    expect(config.provider.architecture).toBe('arm64');
    const roles = new Set<string>();
    for (const [name, fn] of Object.entries(config.functions)) {
      expect({ name, role: typeof fn.role }).toEqual({ name, role: 'string' });
      expect(config.resources.Resources[fn.role!]?.Type).toBe('AWS::IAM::Role');
      roles.add(fn.role!);
    }
    expect(roles.size).toBe(Object.keys(config.functions).length);
  });

  it('schedule the jobs', () => {
    const rate = (fn: string) => [].concat(config.functions[fn]?.events?.find((e) => e.schedule)?.schedule?.rate ?? []);
    expect(rate('createSessions')).toEqual([expect.stringMatching(/^cron\(/)]);
    expect(rate('remindSessions')).toEqual(['cron(0 2 * * ? *)']); // 10:00 China time
    expect(rate('drainOutbox')).toEqual(['rate(1 minute)']);
    expect(rate('screenRegistry')).toEqual([expect.stringMatching(/^cron\(0 19 L \* \? \*\)$/)]); // monthly, 03:00 China time on the 1st
  });

  it('bundle with esbuild, leaving the AWS SDK to the runtime', () => {
    expect(config.custom.esbuild).toMatchObject({ bundle: true, minify: true, target: 'node22', platform: 'node' });
    expect(config.custom.esbuild.exclude).toContain('@aws-sdk/*');
  });
});

describe('table', () => {
  it('matches functions/platform/table.ts, on demand, with PITR and TTL', () => {
    const t = config.resources.Resources.LinliTable.Properties;
    const def = tableDefinition('x');
    expect(t.BillingMode).toBe('PAY_PER_REQUEST');
    expect(t.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(t.TimeToLiveSpecification).toEqual({ AttributeName: ttlAttribute, Enabled: true });
    expect(t.KeySchema).toEqual(def.KeySchema);
    const byName = <T extends { AttributeName?: string; IndexName?: string }>(xs: T[]) =>
      [...xs].sort((a, b) => String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)));
    expect(byName(t.AttributeDefinitions)).toEqual(byName(def.AttributeDefinitions));
    expect(byName(t.GlobalSecondaryIndexes)).toEqual(byName(def.GlobalSecondaryIndexes));
    expect(t.TableName).toBe('linli-ci');
    expect(config.provider.environment.TABLE_NAME).toBe('linli-ci');
  });
});

describe('IAM', () => {
  const statements = () =>
    Object.entries(config.resources.Resources)
      .filter(([, r]) => r.Type === 'AWS::IAM::Role')
      .flatMap(([name, r]) => r.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement.map((s: any) => ({ role: name, ...s }))));

  it('grants no wildcard actions, no Scan, and DynamoDB only on the table and its indexes', () => {
    for (const s of statements()) {
      const actions: string[] = [].concat(s.Action);
      for (const a of actions) {
        expect(a).not.toMatch(/\*/);
        expect(a).not.toBe('dynamodb:Scan');
      }
      if (actions.some((a) => a.startsWith('dynamodb:'))) {
        expect(JSON.stringify(s.Resource)).toContain('LinliTable');
      }
    }
  });

  it('gives S3 object access only to uploads, sayItDay, fiveLists, signups (poster images), relief (documents), announcements (attachments), micro-projects (receipts), elder care (photos of services served), safety (photos of hazards, rectifications, agreements, illegal buildings) cases (photos of city cases and of their handling), privacy (data downloads, and letting go of what the retention table says is due) and moderation (a photo WeChat is asked about again)', () => {
    const withS3 = new Set(statements().filter((s) => [].concat(s.Action).some((a: string) => a.startsWith('s3:'))).map((s) => s.role));
    expect([...withS3].sort()).toEqual(['AnnouncementsRole', 'CasesRole', 'DrainPrivacyWorkRole', 'ElderCareRole', 'FiveListsRole', 'MicroProjectsRole', 'PrivacyRole', 'PurgeExpiredRole', 'RecheckMediaChecksRole', 'ReliefCasesRole', 'ReliefMoneyRole', 'SafetyRole', 'SayItDayRole', 'SignupsRole', 'UploadsRole']);
  });

  it('lets only relief (and signups, to seal a volunteer\'s ID number, and cases, to seal and reveal a mediation\'s parties) use the relief KMS key, for data keys, with its encryption context', () => {
    const withKms = statements().filter((s) => [].concat(s.Action).some((a: string) => a.startsWith('kms:')));
    expect(withKms.map((s) => s.role).sort()).toEqual(['CasesRole', 'ReliefCasesRole', 'ReliefMoneyRole', 'SignupsRole']);
    const action = (role: string) => [].concat(withKms.find((s) => s.role === role).Action).sort();
    // only the cases function opens sealed data (the audited reveal); the money function seals a registry head's ID number
    expect(action('ReliefCasesRole')).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(action('ReliefMoneyRole')).toEqual(['kms:GenerateDataKey']);
    expect(action('SignupsRole')).toEqual(['kms:GenerateDataKey']);
    // the case engine seals a mediation's parties when it is raised and opens them in the audited reveal
    expect(action('CasesRole')).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    for (const s of withKms) {
      expect(s.Resource).toEqual({ 'Fn::GetAtt': ['ReliefKey', 'Arn'] });
      expect(s.Condition.StringEquals['kms:EncryptionContext:purpose']).toBe('relief');
    }
    expect(config.resources.Resources.ReliefKey).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } });
    expect(config.functions.reliefCases!.role).toBe('ReliefCasesRole');
    expect(config.functions.reliefMoney!.role).toBe('ReliefMoneyRole');
    // the vault in the signups function finds the key (without it, registering an ID number in the cloud would fail)
    expect(Object.keys(config.functions.signups!.environment ?? {})).toEqual(expect.arrayContaining(['RELIEF_KMS_KEY_ID', 'RELIEF_HASH_SECRET_PARAM']));
  });

  it('writes every ARN with the partition, so the stack deploys to AWS China', () => {
    const text = JSON.stringify(config.resources);
    expect(text).not.toMatch(/arn:aws:/);
    expect(text).not.toMatch(/arn:aws-cn:/);
  });
});

describe('capability declarations (functions/<capability>/capability.ts)', () => {
  const contract = Object.values(api).flatMap((endpoints) => Object.values(endpoints as Record<string, { method: string; path: string }>));

  it('declare every endpoint of the contract on exactly one function, and each is served by exactly one route', () => {
    for (const e of contract) {
      const declaredBy = functionDeclarations.filter((f) => f.kind === 'http' && (f.endpoints as unknown[]).includes(e)).map((f) => f.name);
      const served = allRoutes.filter((r) => r.endpoint === e).length;
      expect({ endpoint: `${e.method} ${e.path}`, declaredBy: declaredBy.length, served }).toEqual({ endpoint: `${e.method} ${e.path}`, declaredBy: 1, served: 1 });
    }
    // and no route serves an endpoint that no function declares (it would never be deployed)
    const declared = new Set(routeTable.flatMap((t) => t.routes));
    expect(allRoutes.filter((r) => !declared.has(r)).map((r) => `${r.endpoint.method} ${r.endpoint.path}`)).toEqual([]);
  });

  it('name only error codes that shared/errors.ts has texts for, and each function once across capabilities', () => {
    for (const c of capabilities) for (const code of c.errors) expect({ capability: c.name, code, known: code in errorMessages }).toEqual({ capability: c.name, code, known: true });
    const names = functionDeclarations.map((f) => f.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("are serverless.yml's functions: the same names, handlers, events and schedules", () => {
    expect(Object.keys(config.functions).sort()).toEqual(functionDeclarations.map((f) => f.name).sort());
    for (const f of functionDeclarations) {
      const fn = config.functions[f.name]!;
      expect({ name: f.name, handler: fn.handler }).toEqual({ name: f.name, handler: f.handler });
      if (f.kind === 'http') {
        const declared = [...f.endpoints.map((e) => `${e.method} ${e.path}`), ...(f.extraRoutes ?? [])].sort();
        expect({ name: f.name, routes: routesOf(f.name).sort() }).toEqual({ name: f.name, routes: declared });
      } else {
        expect([].concat(fn.events?.find((e) => e.schedule)?.schedule?.rate ?? [])).toEqual([f.schedule]);
      }
    }
  });

  it('give each role exactly the DynamoDB, S3 and KMS actions its declaration needs', () => {
    for (const f of functionDeclarations) {
      const role = config.resources.Resources[config.functions[f.name]!.role!];
      const actions: string[] = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement.flatMap((s: any) => [].concat(s.Action)));
      const want = actionsOf(f.needs);
      const of = (service: string) => actions.filter((a) => a.startsWith(`${service}:`)).sort();
      expect({ fn: f.name, dynamodb: of('dynamodb'), s3: of('s3'), kms: of('kms') }).toEqual({
        fn: f.name,
        dynamodb: want.dynamodb.map((a) => `dynamodb:${a}`).sort(),
        s3: want.s3.map((a) => `s3:${a}`).sort(),
        kms: want.kms.map((a) => `kms:${a}`).sort(),
      });
    }
  });

  it('declare a timeout for each job and keep HTTP functions within API Gateway’s 30 s', () => {
    for (const f of functionDeclarations) {
      const timeout = (config.functions[f.name] as { timeout?: number }).timeout ?? config.provider.timeout;
      if (f.kind === 'http') expect({ fn: f.name, ok: timeout <= 29 }).toEqual({ fn: f.name, ok: true });
      else expect({ fn: f.name, timeout }).toEqual({ fn: f.name, timeout: f.timeout ?? config.provider.timeout });
    }
  });
});

describe('the cloud bundles', () => {
  it('replace the local guard by a stub with the same exports (the guard only runs on the local stack)', () => {
    // Prepare: the esbuild plugin as serverless-esbuild runs it outside `serverless offline`
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const plugins = require('../../cloud/esbuildPlugins.js') as { name: string; setup(b: unknown): void }[];
    let load: (() => { contents: string }) | undefined;
    let resolve: ((a: { path: string }) => unknown) | undefined;
    plugins.find((p) => p.name === 'local-guard')!.setup({ onResolve: (_: unknown, f: typeof resolve) => (resolve = f), onLoad: (_: unknown, f: typeof load) => (load = f) });
    // Act
    const stubbed = load!().contents.match(/export const (\w+)/g)!.map((s) => s.replace('export const ', ''));
    const real = cloudRules;
    // Assess
    expect(resolve).toBeDefined();
    expect(stubbed.sort()).toEqual(Object.keys(real).filter((k) => typeof (real as Record<string, unknown>)[k] === 'function').sort());
  });
});

describe('secrets (cloud/secrets.js)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const secrets = require('../../cloud/secrets.js') as { SECRETS: Record<string, { env: string; localDefault: string }>; parameterName(name: string, stage: string): string };
  const secretVars = Object.values(secrets.SECRETS).map((s) => s.env);

  it('appear in no environment of the cloud template, only their SSM parameters’ names', () => {
    const environments = [config.provider.environment, ...Object.values(config.functions).map((f) => f.environment ?? {})];
    for (const env of environments) for (const name of secretVars) expect({ name, value: env[name] }).toEqual({ name, value: undefined });
    const text = JSON.stringify(config);
    for (const value of ['local-token-secret-not-for-production', 'local-secret', 'linli-local-relief-hash-secret-not-for-production', 'localLinliPushToken', 'resolve:ssm-secure']) {
      expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
    }
  });

  it('are given to each function as the parameters of the secrets it declares, and its role may read those and no others', () => {
    for (const f of functionDeclarations) {
      const declared = [...(f.needs.secrets ?? [])].sort();
      const env = config.functions[f.name]!.environment ?? {};
      const params = Object.keys(env).filter((k) => k.endsWith('_PARAM'));
      expect({ fn: f.name, params: params.sort() }).toEqual({ fn: f.name, params: declared.map((n) => `${secrets.SECRETS[n]!.env}_PARAM`).sort() });
      for (const n of declared) expect(env[`${secrets.SECRETS[n]!.env}_PARAM`]).toBe(`/linli/ci/${n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      const role = config.resources.Resources[config.functions[f.name]!.role!];
      const ssm = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement).filter((s: any) => [].concat(s.Action).some((a: string) => a.startsWith('ssm:')));
      const readable = ssm.flatMap((s: any) => [].concat(s.Resource)).map((r: any) => r['Fn::Sub']);
      expect({ fn: f.name, actions: [...new Set(ssm.flatMap((s: any) => [].concat(s.Action)))], readable: readable.sort() }).toEqual({
        fn: f.name,
        actions: declared.length ? ['ssm:GetParameters'] : [],
        readable: declared.map((n) => `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${secrets.parameterName(n, 'ci')}`).sort(),
      });
    }
  });

  it('include the token secret of every HTTP function: the wrapper verifies any bearer token, on public routes too', () => {
    const without = functionDeclarations.filter((f) => f.kind === 'http' && !(f.needs.secrets ?? []).includes('tokenSecret')).map((f) => f.name);
    expect(without).toEqual([]);
  });

  it('are every secret the functions read (the list and functions/platform/config.ts agree)', () => {
    expect(secretVars.sort()).toEqual(['RELIEF_HASH_SECRET', 'TOKEN_SECRET', 'WECHAT_PUSH_AES_KEY', 'WECHAT_PUSH_TOKEN', 'WECHAT_SECRET']);
    expect(config.provider.environment.LINLI_ENV).toBe('cloud');
  });
});

describe('the HTTP API stage', () => {
  const stage = () => (config.resources as any).extensions.HttpApiStage;
  /** serverless's logical id of a route's AWS::ApiGatewayV2::Route */
  const routeId = (key: string) => {
    const [method, p] = key.split(' ');
    const part = (seg: string) => {
      const name = seg.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
      return `${name[0]!.toUpperCase()}${name.slice(1)}${seg.startsWith('{') ? 'Var' : ''}`;
    };
    return `HttpApiRoute${method![0]}${method!.slice(1).toLowerCase()}${p!.split('/').filter(Boolean).map(part).join('')}`;
  };

  it('is throttled by default, and tighter on signing in, uploads and sign-ups', () => {
    const { DefaultRouteSettings, RouteSettings } = stage().Properties;
    expect(DefaultRouteSettings).toEqual({ ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) });
    for (const key of ['POST /auth/wechat', 'POST /uploads', 'POST /relief/uploads', 'POST /shifts/{shiftId}/signup']) {
      expect({ key, rate: RouteSettings[key]?.ThrottlingRateLimit < DefaultRouteSettings.ThrottlingRateLimit }).toEqual({ key, rate: true });
    }
  });

  it('throttles only routes that exist, and is made after them (CloudFormation refuses settings of a route not yet made)', () => {
    const routes = new Set(Object.values(config.functions).flatMap((f) => (f.events ?? []).filter((e) => e.httpApi).map((e) => norm(String(e.httpApi)))));
    const keys = Object.keys(stage().Properties.RouteSettings);
    expect(keys.filter((k) => !routes.has(k))).toEqual([]);
    expect([...stage().DependsOn].sort()).toEqual(keys.map(routeId).sort());
  });
});

describe('alarms', () => {
  const resources = () => Object.entries(config.resources.Resources);
  const alarms = () => resources().filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);
  const lambdaId = (fn: string) => `${fn[0]!.toUpperCase()}${fn.slice(1)}LambdaFunction`;
  const on = (namespace: string, metric: string) => alarms().filter((a) => a.Namespace === namespace && a.MetricName === metric);

  it('tell the alarm topic about the HTTP API’s 5xx and the dead letters the workers count', () => {
    expect(config.resources.Resources.AlarmTopic.Type).toBe('AWS::SNS::Topic');
    expect(on('AWS/ApiGateway', '5xx')).toEqual([expect.objectContaining({ Dimensions: expect.arrayContaining([{ Name: 'ApiId', Value: { Ref: 'HttpApi' } }]) })]);
    expect(on('linli', 'DeadLetters')).toEqual([expect.objectContaining({ Dimensions: [{ Name: 'Stage', Value: 'ci' }], Threshold: 1 })]);
    // the functions emit the metric with this Stage (functions/platform/metrics.ts)
    expect(config.provider.environment.LINLI_STAGE).toBe('ci');
    for (const a of alarms()) expect(a.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
  });

  it('watch every function’s errors (a job’s failed run) and throttles', () => {
    for (const fn of Object.keys(config.functions)) {
      for (const metric of ['Errors', 'Throttles']) {
        const found = on('AWS/Lambda', metric).filter((a) => JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: lambdaId(fn) } }]));
        expect({ fn, metric, alarms: found.length }).toEqual({ fn, metric, alarms: 1 });
      }
    }
  });

  it('mail no one unless an address is given (no subscription to an empty endpoint)', () => {
    expect(resources().filter(([, r]) => r.Type === 'AWS::SNS::Subscription')).toEqual([]);
  });
});

describe('logs and uploads', () => {
  it('keep every function’s logs 30 days (no function overrides it)', () => {
    expect(config.provider.logRetentionInDays).toBe(30);
    for (const [fn, f] of Object.entries(config.functions)) expect({ fn, override: (f as { logRetentionInDays?: number }).logRetentionInDays }).toEqual({ fn, override: undefined });
  });

  it('expire after 3 days the uploads still carrying the pending tag the presigned POST sets', () => {
    const rules = config.resources.Resources.UploadBucket.Properties.LifecycleConfiguration.Rules;
    expect(rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', TagFilters: [{ Key: PENDING_TAG.key, Value: PENDING_TAG.value }], ExpirationInDays: 3 }));
  });
});
