import { z } from 'zod';

/** One HTTP endpoint of the API: the contract both the Lambda and the mini-program's client are typed from. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  path: string;
  summary: string;
  /** who may call it at all; the object-level check is the command's */
  auth: 'public' | 'user';
  params: P;
  query: Q;
  body: B;
  response: R;
  /** status of a successful answer */
  status: number;
  /** creates something: takes an Idempotency-Key header */
  idempotent?: boolean;
  /** the answer is plain text, not JSON (WeChat's message push expects `success` or the echo) */
  produces?: 'text';
  /** the rate limit a person's repeats of this write count against (functions/platform/rateLimits.ts has the table) */
  limit?: RateLimitName;
}

/**
 * The rate limits a write can name. Their numbers and who they count (a user, a community) are one table in
 * functions/platform/rateLimits.ts; the HTTP wrapper counts them before the command runs and answers 429 RATE_LIMITED.
 */
export type RateLimitName =
  | 'matter'
  | 'comment'
  | 'binding'
  | 'upload'
  | 'helpRequest'
  | 'familyCode'
  | 'familyLink'
  | 'inviteCodeRotation'
  | 'report'
  | 'dataExport'
  | 'certificate'
  // staff writes (issue 11): what a worker repeats in a working day, limited so that a script or a stolen account
  // cannot repeat it without end
  | StaffRateLimitName;

export type StaffRateLimitName =
  | 'announcement'
  | 'sessionStep'
  | 'fiveListStep'
  | 'reliefStep'
  | 'sensitiveRead'
  | 'ledgerEntry'
  | 'elderCareSetup'
  | 'elderCareService'
  | 'eventPost'
  | 'roster'
  | 'doorCheckIn'
  | 'import'
  | 'timeGrant'
  | 'moderationDecision'
  | 'administration';

const Empty = z.object({}).strict();
export const NoBody = z.undefined();

export function endpoint<
  R extends z.ZodType,
  P extends z.ZodType = typeof Empty,
  Q extends z.ZodType = typeof Empty,
  B extends z.ZodType = typeof NoBody,
>(def: {
  method: Method;
  path: string;
  summary: string;
  auth?: 'public' | 'user';
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: number;
  idempotent?: boolean;
  produces?: 'text';
  limit?: RateLimitName;
}): Endpoint<P, Q, B, R> {
  return {
    method: def.method,
    path: def.path,
    summary: def.summary,
    auth: def.auth ?? 'user',
    params: (def.params ?? Empty) as P,
    query: (def.query ?? Empty) as Q,
    body: (def.body ?? NoBody) as B,
    response: def.response,
    status: def.status ?? 200,
    idempotent: def.idempotent,
    produces: def.produces,
    ...(def.limit ? { limit: def.limit } : {}),
  };
}

export type ParamsOf<E> = E extends Endpoint<infer P, any, any, any> ? z.infer<P> : never;
export type QueryOf<E> = E extends Endpoint<any, infer Q, any, any> ? z.input<Q> : never;
export type BodyOf<E> = E extends Endpoint<any, any, infer B, any> ? z.input<B> : never;
export type ResponseOf<E> = E extends Endpoint<any, any, any, infer R> ? z.infer<R> : never;

/** Fills `{name}` placeholders of a path; each value is URI-encoded. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

// Shared building blocks of bodies
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id');
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();
export const Cursor = z.string().max(512).optional();
export const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), cursor: z.string().optional() });
export const Ok = z.object({ ok: z.literal(true) });
