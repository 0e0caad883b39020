/**
 * npm start: the whole product on this machine.
 *   1. the local stack (DynamoDB Local :8000, s3rver :4569, WeChat stand-in :3100) — scripts/localStack.ts
 *   2. the seed (tsx scripts/seed.ts, with the stack's environment), when it exists
 *   3. the functions behind serverless-offline (:3010, :3002 Lambda invoke), bundled by esbuild, and in front of it the
 *      concurrency gate (:3000 HTTP API: each function held to its reserved concurrency, a queue not an error; a
 *      Lambda timeout answered 504 as API Gateway would) — scripts/concurrencyGate.ts
 *   4. a scheduler: createSessions and remindSessions once at start, the work item workers and drainOutbox every few seconds (via the Lambda
 *      invoke endpoint, so the jobs run exactly as the functions are deployed)
 *   5. the h5 dev server (taro build --type h5 --watch, :10086) with the API at http://127.0.0.1:3000
 * Ctrl-C stops all of it.
 *
 *   tsx scripts/start.ts [--persist] [--no-seed] [--no-h5] [--drain-every 5]
 *     --persist   keep DynamoDB data in .local/dynamodb between runs (default: in memory, fresh seed every start)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, createWriteStream } from 'node:fs';
import path from 'node:path';
import { declaredFunctions, startConcurrencyGate, type ConcurrencyGate } from './concurrencyGate';
import { LOCAL_REGION, offlineNodeOptions, ROOT, startLocalStack, type LocalStack } from './localStack';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};

const HTTP_PORT = 3000;
/** serverless-offline's own HTTP port, behind the gate */
const OFFLINE_PORT = 3010;
const LAMBDA_PORT = 3002;
const H5_PORT = 10086;
const STAGE = 'local';
const SERVICE = 'linli';
const DRAIN_EVERY_MS = Number(value('--drain-every', '5')) * 1000;

export const DEMO_LOGINS: Array<{ openid: string; role: string }> = [
  { openid: 'resident-wang', role: '居民 resident' },
  { openid: 'resident-li', role: '居民 resident' },
  { openid: 'resident-zhao', role: '居民 resident' },
  { openid: 'grid-chen', role: '网格员 grid worker' },
  { openid: 'worker-liu', role: '社区工作者 community worker' },
  { openid: 'officer-huang', role: '街道干部 sub-district officer' },
  { openid: 'committee-tang', role: '大工委 joint committee (reviews dispatches)' },
  { openid: 'unit-sun', role: '共建单位 partner unit' },
  { openid: 'organizer-zhou', role: '活动组织者 organizer' },
  { openid: 'admin', role: '管理员 administrator' },
  { openid: 'newcomer', role: '新用户 not yet bound to a community' },
];

const log = (line: string) => console.log(`[start] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** routine lines kept out of the terminal (they still go to .local/logs/) */
const QUIET = /\(λ: (drainOutbox|drainSignupsWork|drainFiveListsWork|drainReliefWork)\)|Successfully invoked scheduled function: \[(drainOutbox|drainSignupsWork|drainFiveListsWork|drainReliefWork)\]|"msg":"(drainOutbox|drainWork)"/;

const children: Array<{ name: string; child: ChildProcess }> = [];
let stack: LocalStack | undefined;
let gate: ConcurrencyGate | undefined;
let stopping = false;
let drainTimer: NodeJS.Timeout | undefined;

/** children run in their own process group so that stopping one stops everything it started (esbuild, workers, webpack) */
function run(name: string, command: string, argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; logFile?: string }) {
  const child = spawn(command, argv, {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const file = opts.logFile ? createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
  const prefix = (d: Buffer) =>
    d
      .toString()
      .split('\n')
      .filter((l) => l.trim() && !QUIET.test(l))
      .map((l) => `[${name}] ${l}\n`)
      .join('');
  child.stdout!.on('data', (d: Buffer) => {
    process.stdout.write(prefix(d));
    file?.write(d);
  });
  child.stderr!.on('data', (d: Buffer) => {
    process.stderr.write(prefix(d));
    file?.write(d);
  });
  child.on('exit', (code, signal) => {
    file?.end();
    if (!stopping && !(name === 'seed' && code === 0)) {
      log(`${name} exited (${signal ?? `code ${code}`})`);
      if (name === 'offline') void shutdown(1);
    }
  });
  children.push({ name, child });
  return child;
}

function killGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    const pid = child.pid!;
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-pid, s);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
        child.kill(s); // no process group (already gone, or not its leader): the child itself; kill() answers false when gone
      }
    };
    const timer = setTimeout(() => signal('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      // whatever the group leader left behind
      setTimeout(() => {
        signal('SIGKILL');
        resolve();
      }, 100);
    });
    signal('SIGTERM');
  });
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  if (drainTimer) clearInterval(drainTimer);
  log('stopping…');
  await gate?.close();
  await Promise.all(children.map(({ child }) => killGroup(child)));
  await stack?.stop();
  log('stopped');
  process.exit(code);
}

async function waitForHttp(url: string, timeoutMs: number, isUp: (status: number) => boolean = () => true): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (isUp(res.status)) return true;
    } catch (e) {
      // fetch's network failure (refused, reset) or the 2 s timeout: not up yet
      if (!(e instanceof TypeError || (e instanceof DOMException && e.name === 'TimeoutError'))) throw e;
    }
    await sleep(300);
  }
  return false;
}

/** invoke a function through serverless-offline's Lambda endpoint, as EventBridge would */
export async function invoke(fn: string, event: unknown = { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} }) {
  const res = await fetch(`http://127.0.0.1:${LAMBDA_PORT}/2015-03-31/functions/${SERVICE}-${STAGE}-${fn}/invocations`, {
    method: 'POST',
    body: JSON.stringify(event),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  const failed = res.status >= 300 || res.headers.get('x-amz-function-error');
  return { ok: !failed, status: res.status, body: text };
}

async function main() {
  const t0 = Date.now();
  const localDir = path.join(ROOT, '.local');
  mkdirSync(path.join(localDir, 'logs'), { recursive: true });
  const persist = flag('--persist');

  stack = await startLocalStack({
    dynamoPort: 8000,
    s3Port: 4569,
    wechatPort: 3100,
    dynamoDataDir: persist ? path.join(localDir, 'dynamodb') : undefined,
    s3Dir: path.join(localDir, 's3'),
    log,
  });

  // seed: its own CLI (tsx scripts/seed.ts), with the stack's environment, so it builds its dependencies as it likes
  const seedFile = path.join(ROOT, 'scripts', 'seed.ts');
  if (!flag('--no-seed') && existsSync(seedFile)) {
    const ts = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      const child = run('seed', path.join(ROOT, 'node_modules/.bin/tsx'), [seedFile], {
        env: { ...process.env, ...stack!.env, LOG_LEVEL: 'warn' },
        logFile: path.join(localDir, 'logs', 'seed.log'),
      });
      child.on('exit', (c) => resolve(c));
    });
    if (code !== 0) {
      log(`the seed failed (exit ${code}; see .local/logs/seed.log)`);
      return shutdown(1);
    }
    log(`seeded in ${Date.now() - ts} ms`);
  } else if (!existsSync(seedFile)) log('no scripts/seed.ts yet: the table starts empty');

  // serverless-offline
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...stack.env,
    NODE_OPTIONS: offlineNodeOptions(),
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_REGION: LOCAL_REGION,
  };
  const tOffline = Date.now();
  run('offline', path.join(ROOT, 'node_modules/.bin/serverless'), ['offline', 'start', '--stage', STAGE, '--region', LOCAL_REGION, '--httpPort', String(OFFLINE_PORT)], {
    env,
    logFile: path.join(localDir, 'logs', 'offline.log'),
  });
  gate = await startConcurrencyGate({ target: `http://127.0.0.1:${OFFLINE_PORT}`, port: HTTP_PORT, functions: declaredFunctions() });
  const up = await waitForHttp(`http://127.0.0.1:${HTTP_PORT}/health`, 180_000);
  if (!up) {
    log('serverless-offline did not come up within 180 s (see .local/logs/offline.log)');
    return shutdown(1);
  }
  const offlineMs = Date.now() - tOffline;
  log(`serverless-offline up in ${offlineMs} ms`);

  // scheduler
  for (const job of ['createSessions', 'remindSessions']) {
    const r = await invoke(job).catch((e: Error) => ({ ok: false, status: 0, body: e.message }));
    log(`${job}: ${r.ok ? 'ok' : `failed (${r.status})`} ${r.body.slice(0, 300)}`);
  }
  let draining = false;
  let lastDrainError = '';
  drainTimer = setInterval(async () => {
    if (draining || stopping) return;
    draining = true;
    try {
      // the work items first (a cancellation's holders, an escalation's officers), then the messages they wrote
      for (const fn of ['drainSignupsWork', 'drainFiveListsWork', 'drainReliefWork', 'drainOutbox']) {
        const r = await invoke(fn);
        if (!r.ok && r.body !== lastDrainError) log(`${fn} failed (${r.status}): ${r.body.slice(0, 300)}`);
        lastDrainError = r.ok ? '' : r.body;
      }
    } catch (e) {
      if (!stopping) log(`drainOutbox: ${(e as Error).message}`);
    } finally {
      draining = false;
    }
  }, DRAIN_EVERY_MS);

  // h5
  const h5 = !flag('--no-h5') && existsSync(path.join(ROOT, 'miniprogram', 'config'));
  if (h5) {
    run('h5', path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'h5', '--watch'], {
      cwd: path.join(ROOT, 'miniprogram'),
      env: { ...process.env, LINLI_API_URL: `http://127.0.0.1:${HTTP_PORT}`, TARO_APP_API_URL: `http://127.0.0.1:${HTTP_PORT}`, BROWSER: 'none', LINLI_OUTPUT_ROOT: 'dist/h5-dev' },
      logFile: path.join(localDir, 'logs', 'h5.log'),
    });
  } else if (!flag('--no-h5')) log('miniprogram/config not found: the h5 dev server is not started');

  const w = 30;
  console.log(`
┌ Linli 邻里 — local stack ready in ${((Date.now() - t0) / 1000).toFixed(1)} s
│ API (serverless-offline)   http://127.0.0.1:${HTTP_PORT}        e.g. /health, /openapi.json (through the gate: ${process.env.LINLI_LOCAL_CONCURRENCY ?? 4} at a time per function)
│ Lambda invoke              http://127.0.0.1:${LAMBDA_PORT}/2015-03-31/functions/${SERVICE}-${STAGE}-<fn>/invocations
│ h5 (mini-program in a browser) ${h5 ? `http://127.0.0.1:${H5_PORT}   (first build takes ~30 s)` : '(not started)'}
│ DynamoDB Local             ${stack.dynamo!.endpoint}   table ${stack.tableName}${persist ? ' (kept in .local/dynamodb)' : ' (in memory)'}
│ S3 (s3rver)                ${stack.s3!.endpoint}   bucket ${stack.bucket}
│ WeChat stand-in            ${stack.wechat!.url}   sent messages: ${stack.wechat!.url}/__standin/messages
│ logs                       .local/logs/
│
│ Log in on h5 by typing one of these openids:
${DEMO_LOGINS.map((d) => `│   ${d.openid.padEnd(w - 14)} ${d.role}`).join('\n')}
└ Ctrl-C stops everything.
`);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
});
