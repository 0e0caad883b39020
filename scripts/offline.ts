/**
 * The functions as API Gateway runs them, for tests and the bench: serverless-offline (serverless.yml's routes,
 * esbuild bundles, HTTP API payload 2.0) on free ports, behind the concurrency gate (scripts/concurrencyGate.ts), so a
 * burst is held to each function's reserved concurrency and a Lambda timeout answers 504.
 * `npm start` runs the same two parts itself (scripts/start.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { declaredFunctions, startConcurrencyGate, type ConcurrencyGate } from './concurrencyGate';
import { freePort, offlineNodeOptions, ROOT } from './localStack';

export interface Offline {
  /** the gate's address: call the API here */
  base: string;
  /** serverless-offline's own address, behind the gate */
  direct: string;
  gate: ConcurrencyGate;
  output(): string;
  /**
   * Sends as many requests as the gate lets run at once to a route, twice, so that each handler instance serverless-offline
   * keeps is loaded before a measurement: on a loaded 2-core machine a cold one can take most of its 10-second timeout
   * (in Lambda the init phase has its own limit; a warm function is the common case there).
   */
  warm(fn: string, path: string, headers?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

export async function startOffline(opts: { env: NodeJS.ProcessEnv; localConcurrency?: number; startTimeoutMs?: number }): Promise<Offline> {
  const [httpPort, lambdaPort, websocketPort, albPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  let output = '';
  const child: ChildProcess = spawn(
    path.join(ROOT, 'node_modules/.bin/serverless'),
    ['offline', 'start', '--stage', 'local', '--httpPort', String(httpPort), '--lambdaPort', String(lambdaPort), '--websocketPort', String(websocketPort), '--albPort', String(albPort)],
    { cwd: ROOT, env: { ...opts.env, NODE_OPTIONS: offlineNodeOptions(opts.env.NODE_OPTIONS), SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const direct = `http://127.0.0.1:${httpPort}`;
  const gate = await startConcurrencyGate({ target: direct, port: 0, functions: declaredFunctions(opts.localConcurrency) });
  const stop = async () => {
    await gate.close();
    if (child.pid && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e; // gone already
          }
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e; // gone already: nothing to wait for
          clearTimeout(timer);
          resolve();
        }
      });
    }
  };
  const until = Date.now() + (opts.startTimeoutMs ?? 150_000);
  for (;;) {
    try {
      const res = await fetch(`${gate.url}/health`);
      if (res.ok) break;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e; // fetch's network failure (refused, reset): not up yet
    }
    if (Date.now() > until || child.exitCode !== null) {
      await stop();
      throw new Error(`serverless-offline did not start:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const warm = async (fn: string, route: string, headers: Record<string, string> = {}) => {
    const n = gate.stats.byFunction[fn]?.limit ?? 1;
    for (let round = 0; round < 2; round++) {
      await Promise.all(Array.from({ length: n }, () => fetch(`${gate.url}${route}`, { headers, signal: AbortSignal.timeout(60_000) }).then((r) => r.arrayBuffer(), () => undefined)));
    }
  };
  return { base: gate.url, direct, gate, output: () => output, warm, stop };
}
