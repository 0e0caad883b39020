import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { errorMessages, type ErrorBody } from '../../shared/errors';
import type { Endpoint, ParamsOf } from '../../shared/http';
import type { Principal } from '../../shared/org/schemas';
import { runAs, TimeoutBreach, type FunctionDeclaration } from './capability';
import { newId } from './clock';
import { recordBreach } from './cloudRules';
import { loadDeps, makeCtx, type Ctx, type Deps, type UserCtx } from './context';
import { ApiError, UnauthenticatedError, ValidationError } from './errors';
import { replayIdempotent } from './idempotency';
import { consumeLimit, RateLimitedError } from './rateLimits';
import { checkNotRevoked } from './revocation';
import { verifyAccess } from './tokens';

/** The slice of an API Gateway HTTP API (payload 2.0) event we read. serverless-offline sends the same. */
export interface HttpEvent {
  rawPath: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext?: { requestId?: string; http?: { method?: string } };
}
export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface Input<E extends Endpoint> {
  params: ParamsOf<E>;
  query: E extends Endpoint<any, infer Q, any, any> ? z.infer<Q> : never;
  body: E extends Endpoint<any, any, infer B, any> ? z.infer<B> : never;
}
type Out<E extends Endpoint> = E extends Endpoint<any, any, any, infer R> ? z.input<R> : never;
type CtxFor<E extends Endpoint> = E['auth'] extends 'public' ? Ctx : UserCtx;

export interface Route {
  endpoint: Endpoint;
  run: (ctx: Ctx, input: Input<Endpoint>) => Promise<unknown>;
  pattern: RegExp;
  names: string[];
}

/** Binds an endpoint of the contract to the command that serves it. */
export function route<E extends Endpoint>(endpoint: E, run: (ctx: CtxFor<E>, input: Input<E>) => Promise<Out<E>>): Route {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${endpoint.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}|\{(\w+)\}/g, (_m, a: string, b: string) => {
      names.push(a ?? b);
      return '([^/]+)';
    })}/?$`,
  );
  return { endpoint, run: run as Route['run'], pattern, names };
}

function issuesOf(error: z.ZodError, prefix: string): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(issuesOf(r.error, prefix));
  return r.data;
}

function errorResult(e: ApiError, requestId: string): HttpResult {
  // retryAfterSeconds: a 429's wait, also in its Retry-After header (the app shows it beside the message)
  const body: ErrorBody = { code: e.code, message: e.messageZh, messageEn: e.messageEn, requestId };
  if (e instanceof ValidationError) body.issues = e.issues;
  if (e.details) body.details = e.details;
  if (e instanceof RateLimitedError) body.retryAfterSeconds = e.retryAfterSeconds;
  return json(e.status, body, requestId, e.headers);
}

function json(status: number, body: unknown, requestId: string, extra: Record<string, string> = {}): HttpResult {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId, 'cache-control': 'no-store', ...extra },
    body: status === 204 ? '' : JSON.stringify(body),
  };
}

function lowerHeaders(h: HttpEvent['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}

async function authenticate(headers: Record<string, string>, deps: Deps): Promise<Principal | undefined> {
  const auth = headers.authorization;
  if (!auth) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  if (!m) throw new UnauthenticatedError();
  const now = deps.clock.now();
  const { principal, issuedAtMs } = verifyAccess(m[1]!, deps.config.tokenSecret, now);
  await checkNotRevoked(deps.db, principal.userId, issuedAtMs, now.getTime());
  return principal;
}

function readBody(event: HttpEvent): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse throws only SyntaxError: the caller sent a body that is not JSON
    throw new ValidationError([{ path: 'body', message: 'not JSON' }], 'BAD_JSON');
  }
}

const idempotencyKeyPattern = /^[A-Za-z0-9_-]{8,64}$/;

/** Serves one event: find the route, authenticate, validate, run the command, validate what it answers, map errors. */
export async function handle(routes: Route[], event: HttpEvent, deps: Deps): Promise<HttpResult> {
  const started = performance.now();
  const requestId = event.requestContext?.requestId || newId();
  const method = (event.requestContext?.http?.method ?? 'GET').toUpperCase();
  const metrics = { calls: 0, capacity: 0, ms: 0 };
  const log = deps.log.child({ requestId });
  const scoped: Deps = { ...deps, db: deps.db.withMetrics(metrics), log };
  let status = 500;
  let routePath = 'unmatched';
  let ctx: Ctx | undefined;
  let limitMs: number | undefined;
  try {
    const path = event.rawPath || '/';
    let matched: { route: Route; params: Record<string, string> } | undefined;
    for (const r of routes) {
      if (r.endpoint.method !== method) continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1]!);
      });
      matched = { route: r, params };
      break;
    }
    if (!matched) throw new ApiError(404, 'ROUTE_NOT_FOUND');
    const { endpoint } = matched.route;
    routePath = endpoint.path;
    const headers = lowerHeaders(event.headers);
    // the epoch read (at most one a user, instance and minute) is the wrapper's, not the command's: it is left out of
    // the request's x-db-calls, which measure the command's round trips (the bench says so beside them)
    const principal = await authenticate(headers, { ...scoped, db: deps.db });
    if (endpoint.auth === 'user' && !principal) throw new UnauthenticatedError();
    ctx = makeCtx(scoped, requestId, principal);

    // a body that is not JSON at all is the first thing to say
    const rawBody = readBody(event);
    const params = parseWith(endpoint.params, matched.params, 'params');
    const query = parseWith(endpoint.query, { ...(event.queryStringParameters ?? {}) }, 'query');
    const body = parseWith(endpoint.body, rawBody, 'body');

    if (endpoint.idempotent && headers['idempotency-key'] !== undefined) {
      const key = headers['idempotency-key'];
      if (!idempotencyKeyPattern.test(key)) throw new ValidationError([{ path: 'headers.idempotency-key', message: '8–64 of A-Z a-z 0-9 _ -' }]);
      const hash = createHash('sha256').update(`${method} ${path}\n${JSON.stringify(rawBody ?? null)}`).digest('base64url');
      ctx.idempotency = { key, hash };
    }

    // the rate limit is counted before the command runs (platform/rateLimits.ts), like the epoch read outside the
    // command's x-db-calls; its own time is x-limit-ms
    let result: unknown;
    let replayed = false;
    if (endpoint.limit && principal) {
      const limitStarted = performance.now();
      try {
        await consumeLimit(deps.db, endpoint, { principal, params: params as Record<string, unknown>, body }, deps.clock.now().getTime());
      } catch (e) {
        // a retry of a create that went through before the limit was reached gets its first answer, not a 429
        const replay = e instanceof RateLimitedError && ctx.idempotency ? await replayIdempotent(ctx as UserCtx) : undefined;
        if (replay === undefined) throw e;
        result = replay;
        replayed = true;
      } finally {
        limitMs = performance.now() - limitStarted;
      }
    }
    if (!replayed) {
      try {
        result = await matched.route.run(ctx, { params, query, body } as Input<Endpoint>);
      } catch (e) {
        // A retry whose first try went through may now fail a precondition (the session closed since): answer the first result.
        if (e instanceof ApiError && ctx.idempotency && principal) {
          const replay = await replayIdempotent(ctx as UserCtx);
          if (replay !== undefined) result = replay;
          else throw e;
        } else throw e;
      }
    }
    const out = endpoint.response.safeParse(result);
    if (!out.success) {
      log.error('response does not match its schema', { route: routePath, issues: issuesOf(out.error, 'response') });
      throw new Error('response schema');
    }
    status = endpoint.status;
    if (endpoint.produces === 'text') {
      return { statusCode: status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-request-id': requestId, 'cache-control': 'no-store' }, body: String(out.data) };
    }
    return json(status, out.data, requestId, {
      'x-db-calls': String(metrics.calls),
      'x-db-capacity': metrics.capacity.toFixed(2),
      'x-db-ms': metrics.ms.toFixed(2),
      'x-handler-ms': (performance.now() - started).toFixed(2),
      ...(limitMs === undefined ? {} : { 'x-limit-ms': limitMs.toFixed(2) }),
    });
  } catch (e) {
    if (e instanceof ApiError) {
      status = e.status;
      const res = errorResult(e, requestId);
      if (limitMs !== undefined) res.headers['x-limit-ms'] = limitMs.toFixed(2);
      return res;
    }
    status = 500;
    log.error('unexpected error', { route: routePath, error: e instanceof Error ? e.name : 'unknown', detail: e instanceof Error ? e.message.slice(0, 200) : undefined });
    return errorResult(new ApiError(500, 'INTERNAL', errorMessages.INTERNAL[0], errorMessages.INTERNAL[1]), requestId);
  } finally {
    log.info('request', {
      method,
      route: routePath,
      status,
      userId: ctx?.principal?.userId,
      ms: Math.round(performance.now() - started),
      dbCalls: metrics.calls,
      dbCapacity: metrics.capacity,
    });
  }
}

/** The Lambda entry point of a capability's function: its routes, run as that function (its needs, its timeout). */
export function httpHandler(routes: Route[], fn: FunctionDeclaration, deps: () => Deps | Promise<Deps> = loadDeps) {
  return async (event: HttpEvent) => handleAs(fn, routes, event, await deps());
}

/**
 * Serves an event as function `fn`. On the local stack a request that outlives fn's timeout is a breach the tests fail
 * on, and its caller gets the 503 API Gateway answers when a Lambda times out.
 */
export async function handleAs(fn: FunctionDeclaration, routes: Route[], event: HttpEvent, deps: Deps): Promise<HttpResult> {
  const local = deps.config.env === 'local';
  try {
    return await runAs(fn, () => handle(routes, event, deps), (breach) => local && recordBreach({ rule: 'timeout', fn: fn.name, message: breach.message }));
  } catch (e) {
    if (!(e instanceof TimeoutBreach)) throw e;
    return errorResult(new ApiError(503, 'FUNCTION_TIMEOUT'), event.requestContext?.requestId || newId());
  }
}
