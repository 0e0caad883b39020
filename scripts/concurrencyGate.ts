/**
 * The concurrency gate: a small HTTP proxy in front of serverless-offline that holds each function to its reserved
 * concurrency, as Lambda would in AWS, with a queue in front instead of an error.
 *
 * Why: serverless-offline keeps one handler instance per request in flight. 500 sign-ups at once made 500 instances of
 * the signups function (9.5 GB resident, load 80 on 2 cores), and later bursts ended in `[504] - Lambda timeout`.
 * Behind the gate at most `limit` requests of a function are in flight; the rest wait in order (FIFO) and go in as
 * others finish. The queue stands in for Lambda scaling out (which this machine cannot), so it is generous: only a
 * request that waited two minutes is answered 503 BUSY_TRY_AGAIN with Retry-After, never left hanging.
 *
 * It also answers as API Gateway would where serverless-offline does not: a handler that outlived its timeout comes
 * back from serverless-offline as HTTP 200 with `{"errorMessage":"[504] - Lambda timeout.", …}`, which a client that
 * trusts the status reads as success. The gate turns it into 504 FUNCTION_TIMEOUT, and any other Lambda error body
 * (`errorMessage` + `errorType`, no answer of ours) into 500 INTERNAL.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorMessages } from '../shared/errors';

export interface GatedFunction {
  name: string;
  /** requests of this function in flight at once */
  limit: number;
  /** 'GET /shifts/{shiftId}/signup' */
  routes: readonly string[];
}

export interface GateOptions {
  /** where serverless-offline's HTTP API listens, e.g. http://127.0.0.1:3010 */
  target: string;
  /** 0 picks a free one */
  port: number;
  host?: string;
  functions: readonly GatedFunction[];
  /** for a route of no declared function (default 4) */
  defaultLimit?: number;
  /** how long a request may wait for its turn before it is answered 503 (default 120 s) */
  maxWaitMs?: number;
}

export interface GateStats {
  /** per function: the most requests ever in flight at once, the most ever waiting, requests served */
  byFunction: Record<string, { maxInFlight: number; maxQueued: number; served: number; limit: number }>;
  /** serverless-offline's 200-with-errorMessage answers turned into 504 / 500 */
  timeoutsMapped: number;
  errorsMapped: number;
  /** requests answered 503 after waiting maxWaitMs */
  gaveUp: number;
}

export interface ConcurrencyGate {
  url: string;
  port: number;
  stats: GateStats;
  close(): Promise<void>;
}

interface Lane {
  name: string;
  limit: number;
  inFlight: number;
  queue: Array<() => void>;
}

interface Route {
  method: string;
  pattern: RegExp;
  lane: Lane;
}

function compileRoute(route: string): { method: string; pattern: RegExp } {
  const [method, path] = route.trim().split(/\s+/) as [string, string];
  const source = path
    .split('/')
    .map((part) => (/^\{.+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { method: method.toUpperCase(), pattern: new RegExp(`^${source}/?$`) };
}

const errorBody = (code: 'FUNCTION_TIMEOUT' | 'BUSY_TRY_AGAIN' | 'INTERNAL', requestId: string) => {
  const table = errorMessages as Record<string, readonly [string, string] | undefined>;
  const [message, messageEn] = table[code] ?? ['服务暂时不可用，请稍后再试', 'The service is busy: try again later'];
  return JSON.stringify({ code, message, messageEn, requestId });
};

/** serverless-offline's answer for a Lambda that failed (timed out or threw), sent with status 200 */
function lambdaError(status: number, body: Buffer): 'timeout' | 'error' | undefined {
  if (status !== 200 || body.length > 64 * 1024 || body[0] !== 0x7b /* { */) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    // JSON.parse throws only SyntaxError: a body that is not JSON is the function's own answer, not a Lambda error
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || !('errorMessage' in parsed)) return undefined;
  const message = String((parsed as { errorMessage: unknown }).errorMessage);
  if (/\[504\]|timed? ?out/i.test(message)) return 'timeout';
  return 'errorType' in parsed || 'stackTrace' in parsed ? 'error' : undefined;
}

export function startConcurrencyGate(opts: GateOptions): Promise<ConcurrencyGate> {
  const target = new URL(opts.target);
  const maxWaitMs = opts.maxWaitMs ?? 120_000;
  const stats: GateStats = { byFunction: {}, timeoutsMapped: 0, errorsMapped: 0, gaveUp: 0 };
  const lanes = new Map<string, Lane>();
  const lane = (name: string, limit: number): Lane => {
    let l = lanes.get(name);
    if (!l) {
      l = { name, limit: Math.max(1, limit), inFlight: 0, queue: [] };
      lanes.set(name, l);
      stats.byFunction[name] = { maxInFlight: 0, maxQueued: 0, served: 0, limit: l.limit };
    }
    return l;
  };
  const routes: Route[] = opts.functions.flatMap((fn) => fn.routes.map((r) => ({ ...compileRoute(r), lane: lane(fn.name, fn.limit) })));
  const fallback = lane('(other routes)', opts.defaultLimit ?? 4);

  const laneOf = (method: string, path: string): Lane => {
    const m = method.toUpperCase();
    // CORS preflights are answered by serverless-offline itself (no function runs)
    if (m === 'OPTIONS') return fallback;
    return routes.find((r) => r.method === m && r.pattern.test(path))?.lane ?? fallback;
  };

  /** resolves when the request may go in; false when it waited too long (or its client went away) */
  const enter = (l: Lane, res: ServerResponse): Promise<boolean> => {
    if (l.inFlight < l.limit && !l.queue.length) {
      l.inFlight++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const turn = () => {
        clearTimeout(timer);
        res.off('close', gone);
        l.inFlight++;
        resolve(true);
      };
      const leave = () => {
        const i = l.queue.indexOf(turn);
        if (i >= 0) l.queue.splice(i, 1);
        res.off('close', gone);
        resolve(false);
      };
      const timer = setTimeout(leave, maxWaitMs);
      const gone = () => {
        clearTimeout(timer);
        leave();
      };
      // the client went away while it waited (the request's own 'close' only says its body was read)
      res.once('close', gone);
      l.queue.push(turn);
      const s = stats.byFunction[l.name]!;
      s.maxQueued = Math.max(s.maxQueued, l.queue.length);
    });
  };
  const exit = (l: Lane) => {
    l.inFlight--;
    stats.byFunction[l.name]!.served++;
    const next = l.queue.shift();
    if (next) next();
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> =>
    new Promise((resolve) => {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          const chunks: Buffer[] = [];
          up.on('data', (c: Buffer) => chunks.push(c));
          up.on('end', () => {
            const payload = Buffer.concat(chunks);
            const failed = lambdaError(up.statusCode ?? 502, payload);
            if (failed) {
              const requestId = String(req.headers['x-request-id'] ?? up.headers['x-amzn-requestid'] ?? `gate-${Date.now().toString(36)}`);
              if (failed === 'timeout') stats.timeoutsMapped++;
              else stats.errorsMapped++;
              const text = errorBody(failed === 'timeout' ? 'FUNCTION_TIMEOUT' : 'INTERNAL', requestId);
              res.writeHead(failed === 'timeout' ? 504 : 500, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
              res.end(text);
            } else {
              const headers = { ...up.headers };
              delete headers['transfer-encoding'];
              headers['content-length'] = String(payload.length);
              res.writeHead(up.statusCode ?? 502, headers);
              res.end(payload);
            }
            resolve();
          });
          up.on('error', () => resolve());
        },
      );
      upstream.on('error', (e) => {
        if (!res.headersSent) {
          const text = errorBody('INTERNAL', `gate-${Date.now().toString(36)}`);
          res.writeHead(502, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
          res.end(text);
        }
        void e;
        resolve();
      });
      upstream.end(body);
    });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const l = laneOf(req.method ?? 'GET', new URL(req.url ?? '/', 'http://gate').pathname);
      if (!(await enter(l, res))) {
        stats.gaveUp++;
        if (!res.destroyed) {
          const text = errorBody('BUSY_TRY_AGAIN', `gate-${Date.now().toString(36)}`);
          res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1', 'content-length': Buffer.byteLength(text) });
          res.end(text);
        }
        return;
      }
      const s = stats.byFunction[l.name]!;
      s.maxInFlight = Math.max(s.maxInFlight, l.inFlight);
      try {
        await forward(req, res, Buffer.concat(chunks));
      } finally {
        exit(l);
      }
    });
  });
  // a burst of 500 keeps many sockets open at once
  server.maxConnections = 10_000;
  server.keepAliveTimeout = 5_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
        port,
        stats,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

/**
 * Each HTTP function of the capability declarations with its routes, limited to its declared reserved concurrency,
 * and never more than `localMax` on this machine (serverless-offline keeps a handler instance for each request in
 * flight; two cores run a handful of them well).
 */
export function declaredFunctions(localMax = Number(process.env.LINLI_LOCAL_CONCURRENCY ?? 4)): GatedFunction[] {
  // required here, not imported at the top: the gate itself needs nothing of the functions
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { functionDeclarations } = require('../functions/capabilities') as typeof import('../functions/capabilities');
  return functionDeclarations.flatMap((fn) =>
    fn.kind === 'http'
      ? [
          {
            name: fn.name,
            limit: Math.min(fn.reservedConcurrency ?? localMax, localMax),
            routes: [...fn.endpoints.map((e) => `${e.method} ${e.path}`), ...(fn.extraRoutes ?? [])],
          },
        ]
      : [],
  );
}
