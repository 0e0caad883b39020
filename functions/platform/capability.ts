import { AsyncLocalStorage } from 'node:async_hooks';
import type { Endpoint } from '../../shared/http';

/**
 * What a capability is, declared once (DESIGN: "A capability declares itself"): its functions and the endpoints each
 * serves, its scheduled jobs, the key prefixes it reads, writes and deletes, its S3 and KMS actions, its secrets and its
 * error codes. serverless.yml's functions, events and roles (cloud/functions.js, cloud/iam.js), the app's route table
 * (functions/app.ts) and the local guard (platform/cloudRules.ts) are all read from these declarations; a stack test
 * fails when the routes, the contract and the declarations disagree.
 *
 * Declarations are data: they import the capability's contract and nothing that does I/O, so cloud/*.js can load them.
 */

/** DynamoDB access by key prefix: the partition key of the item (or of the index queried) begins with one of them. */
export interface TableNeeds {
  /** GetItem, BatchGetItem, Query, TransactGetItems */
  read?: readonly string[];
  /** PutItem, UpdateItem, ConditionCheckItem (also in a transaction) */
  write?: readonly string[];
  /** DeleteItem (also in a transaction) */
  delete?: readonly string[];
}

/** S3 access by object key prefix; presigned URLs count as the action they grant (a GET URL is GetObject). */
export interface BucketNeeds {
  read?: readonly string[];
  write?: readonly string[];
  /** PutObjectTagging: a record that now references an upload removes its pending tag (Storage.keep), and a presigned
   * POST that sets the tag needs it too */
  tag?: readonly string[];
}

export type KmsAction = 'GenerateDataKey' | 'Decrypt';

/** Secrets a function reads at start: cloud/secrets.js knows each one's SSM parameter and environment variable. */
export type SecretName = 'tokenSecret' | 'wechatSecret' | 'wechatPushToken' | 'wechatPushAesKey' | 'reliefHashSecret';

export interface Needs {
  table?: TableNeeds;
  bucket?: BucketNeeds;
  kms?: readonly KmsAction[];
  secrets?: readonly SecretName[];
}

interface FunctionCommon {
  /** `functions/<capability>/<file>.<export>`, as serverless.yml takes it */
  handler: string;
  description: string;
  /** seconds; the local stack runs the handler under it too */
  timeout?: number;
  memorySize?: number;
  /** caps the function's concurrency in AWS (and in the local stack's proxy) */
  reservedConcurrency?: number;
  /** plain (not secret) environment of this function only */
  environment?: Readonly<Record<string, string>>;
  needs: Needs;
}

export interface HttpFunction extends FunctionCommon {
  kind: 'http';
  endpoints: readonly Endpoint[];
  /** extra raw routes not in the contract (the OpenAPI document) */
  extraRoutes?: readonly string[];
}

export interface JobFunction extends FunctionCommon {
  kind: 'job';
  /** an EventBridge schedule expression (UTC): cron(...) or rate(...) */
  schedule: string;
}

export type FunctionDeclaration = (HttpFunction | JobFunction) & { name: string; capability: string };

export interface CapabilityDeclaration {
  name: string;
  functions: Record<string, FunctionDeclaration>;
  /** the error codes its commands answer (shared/errors.ts has their texts) */
  errors: readonly string[];
}

type FunctionInput = Omit<HttpFunction, 'kind'> | Omit<JobFunction, 'kind'>;

export const DEFAULT_TIMEOUT_SECONDS = 10;

/** Declares a capability: names each function and tags it http (it serves endpoints) or job (it runs on a schedule). */
export function capability(name: string, def: { functions: Record<string, FunctionInput>; errors?: readonly string[] }): CapabilityDeclaration {
  const functions: Record<string, FunctionDeclaration> = {};
  for (const [fn, f] of Object.entries(def.functions)) {
    const kind = 'schedule' in f ? 'job' : 'http';
    // every HTTP function authenticates its callers, which reads their epoch (platform/revocation.ts), and counts the
    // rate limits its endpoints name (platform/rateLimits.ts: an UpdateItem on the counter)
    const needs = kind === 'http' ? withWrite(withRead(f.needs, AUTH_EPOCH_PREFIX), RATE_LIMIT_PREFIX) : f.needs;
    functions[fn] = { ...f, needs, kind, name: fn, capability: name } as FunctionDeclaration;
  }
  return { name, functions, errors: def.errors ?? [] };
}

/** The key prefix of users' token epochs and refresh families, read by the HTTP wrapper of every function. */
export const AUTH_EPOCH_PREFIX = 'AUTHV#';

/** The key prefix of rate-limit counters, written by the HTTP wrapper of every function. */
export const RATE_LIMIT_PREFIX = 'RATE#';

function withWrite(needs: Needs, prefix: string): Needs {
  const write = needs.table?.write ?? [];
  return write.includes(prefix) ? needs : { ...needs, table: { ...needs.table, write: [...write, prefix] } };
}

function withRead(needs: Needs, prefix: string): Needs {
  const read = needs.table?.read ?? [];
  return read.includes(prefix) ? needs : { ...needs, table: { ...needs.table, read: [...read, prefix] } };
}

/** The endpoints of a contract, all of them or those named. */
export function endpointsOf<T extends Record<string, Endpoint>>(contract: T, names?: readonly (keyof T)[]): Endpoint[] {
  return names ? names.map((n) => contract[n]!) : Object.values(contract);
}

// --- the function a piece of work runs as: what the local guard checks each call against ---

export interface RunningAs {
  fn: FunctionDeclaration;
  /** epoch ms by which the function must be done (its timeout) */
  deadline: number;
}

const current = new AsyncLocalStorage<RunningAs>();

export function runningAs(): RunningAs | undefined {
  return current.getStore();
}

/** A breach of a cloud rule that the local stack caught: the call is refused as AWS would refuse it. */
export class TimeoutBreach extends Error {
  constructor(fn: string, seconds: number) {
    super(`Task timed out after ${seconds} seconds (function ${fn})`);
    this.name = 'LambdaTimeout';
  }
}

/**
 * Runs `work` as function `fn`: the guard checks its calls against fn's declared needs, and when it outlives fn's
 * timeout the caller gets a TimeoutBreach (reported to the guard's breach log), as a Lambda would be cut off. Nested
 * calls (a job calling another job's code in a test) keep the outer identity.
 */
export async function runAs<T>(fn: FunctionDeclaration, work: () => Promise<T>, onTimeout?: (breach: TimeoutBreach) => void): Promise<T> {
  if (current.getStore()) return work();
  const seconds = fn.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  const store: RunningAs = { fn, deadline: Date.now() + seconds * 1000 };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const breach = new TimeoutBreach(fn.name, seconds);
      onTimeout?.(breach);
      reject(breach);
    }, seconds * 1000);
    timer.unref?.();
  });
  try {
    return await Promise.race([current.run(store, work), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
