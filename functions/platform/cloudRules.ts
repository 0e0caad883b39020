import { appendFileSync } from 'node:fs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { runningAs, type FunctionDeclaration, type SecretName, type TableNeeds } from './capability';

/**
 * The local stack's guard: what AWS would refuse, refused here first (DESIGN: "The local stack is as strict as the
 * cloud"). DynamoDB Local has no IAM and does not enforce every service limit; this middleware on the DynamoDB client
 * checks each call before it is sent:
 *  - against the calling function's declared needs (functions/<capability>/capability.ts): the action's group (read,
 *    write, delete) and the key prefix of every item or index partition it touches, as the function's IAM role (made
 *    from the same declaration) would allow in AWS, and never a Scan from a function;
 *  - against DynamoDB's limits: 100 items and 4 MB a transaction, one operation per item in a transaction, 400 KB an
 *    item, 25 a BatchWriteItem, 100 a BatchGetItem.
 * A breach throws an error named as AWS names it (AccessDeniedException, ValidationException) and is recorded: the
 * tests fail on any recorded breach (tests/support/breaches.ts), even when the code under test swallowed the error,
 * and serverless-offline's workers append theirs to LINLI_BREACH_FILE for the api tests and `npm start` to show.
 *
 * Installed only on the local stack (a client with a local endpoint): in AWS, IAM and the service do this themselves.
 */

export interface Breach {
  rule: 'permission' | 'limit' | 'timeout';
  fn?: string;
  message: string;
}

const ITEM_LIMIT = 400 * 1024;
const TRANSACTION_ITEMS = 100;
const TRANSACTION_BYTES = 4 * 1024 * 1024;
const BATCH_WRITE_ITEMS = 25;
const BATCH_GET_ITEMS = 100;

// one list per process, whatever module registry asks (jest may load this module more than once in a worker)
const breaches: Breach[] = ((globalThis as { __linliBreaches?: Breach[] }).__linliBreaches ??= []);

/** Breaches recorded in this process since the last call (the test support fails a test that leaves any). */
export function takeBreaches(): Breach[] {
  return breaches.splice(0, breaches.length);
}

export function recordBreach(breach: Breach): void {
  breaches.push(breach);
  // another process (serverless-offline's workers) tells the test that started it through a file
  const file = process.env.LINLI_BREACH_FILE;
  if (file && !(globalThis as { __linliJest?: boolean }).__linliJest) appendFileSync(file, `${JSON.stringify({ ...breach, at: new Date().toISOString() })}\n`);
  // loud in `npm start`'s output as well
  if (process.env.LINLI_GUARD_QUIET !== '1') console.error(`[linli guard] ${breach.rule}: ${breach.message}`);
}

class GuardError extends Error {
  readonly $fault = 'client';
  readonly $metadata = { httpStatusCode: 400 };
  constructor(name: 'AccessDeniedException' | 'ValidationException', message: string) {
    super(message);
    this.name = name;
  }
}

function refuse(rule: Breach['rule'], fn: FunctionDeclaration | undefined, message: string): never {
  recordBreach({ rule, fn: fn?.name, message });
  throw new GuardError(rule === 'permission' ? 'AccessDeniedException' : 'ValidationException', `linli local guard: ${message}`);
}

type Av = Record<string, unknown>;
type Group = keyof TableNeeds | 'check';

/** The prefix a key's partition value is checked by: up to and including its first '#', or the whole value. */
export function prefixOf(pk: string): string {
  const i = pk.indexOf('#');
  return i < 0 ? pk : pk.slice(0, i + 1);
}

function str(v: unknown): string | undefined {
  return v && typeof v === 'object' && 'S' in v ? String((v as { S: unknown }).S) : undefined;
}

/** The size DynamoDB counts for an item: attribute names plus values (UTF-8), close to the service's own sum. */
export function itemSize(item: Av): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(v: unknown): number {
  if (!v || typeof v !== 'object') return 0;
  const [type, inner] = Object.entries(v as Av)[0] ?? [];
  switch (type) {
    case 'S':
      return Buffer.byteLength(String(inner));
    case 'N':
      return Math.ceil(String(inner).replace(/^-/, '').replace(/^0+/, '').length / 2) + 1;
    case 'B':
      return (inner as Uint8Array).byteLength;
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return (inner as string[]).reduce((n, s) => n + Buffer.byteLength(s), 0);
    case 'NS':
      return (inner as string[]).reduce((n, s) => n + Math.ceil(s.length / 2) + 1, 0);
    case 'L':
      return 3 + (inner as unknown[]).reduce<number>((n, x) => n + 1 + valueSize(x), 0);
    case 'M':
      return 3 + Object.entries(inner as Av).reduce((n, [k, x]) => n + 1 + Buffer.byteLength(k) + valueSize(x), 0);
    default:
      return 0;
  }
}

function allowed(fn: FunctionDeclaration, group: Group, pk: string): boolean {
  const table = fn.needs.table ?? {};
  const prefix = prefixOf(pk);
  const lists = group === 'check' ? [table.read, table.write] : [table[group]];
  // ConditionCheckItem is in a role only with the write actions (cloud/iam.js)
  if (group === 'check' && !table.write?.length) return false;
  return lists.some((l) => l?.includes(prefix));
}

function checkAccess(fn: FunctionDeclaration | undefined, action: string, group: Group, pk: string | undefined): void {
  if (!fn) return;
  // a maintainer's aid: LINLI_GUARD_RECORD=<file> lists what each function touches instead of refusing it
  if (process.env.LINLI_GUARD_RECORD) {
    appendFileSync(process.env.LINLI_GUARD_RECORD, `${JSON.stringify({ fn: fn.name, group, prefix: pk === undefined ? '?' : prefixOf(pk) })}\n`);
    return;
  }
  if (pk === undefined) refuse('permission', fn, `${fn.name}: ${action} without a readable partition key`);
  if (!allowed(fn, group, pk)) {
    const where = `functions/${fn.capability}/capability.ts`;
    refuse('permission', fn, `${fn.name} may not ${action} on ${prefixOf(pk)} (key ${pk}): declare it under needs.table.${group === 'check' ? 'read or write' : group} in ${where}`);
  }
}

function checkItemSize(fn: FunctionDeclaration | undefined, item: Av | undefined, what: string): number {
  const size = item ? itemSize(item) : 0;
  if (size > ITEM_LIMIT) refuse('limit', fn, `${what}: item of ${size} bytes exceeds DynamoDB's 400 KB (pk ${str(item?.pk)})`);
  return size;
}

function queryPartition(input: Av): string | undefined {
  const values = (input.ExpressionAttributeValues ?? {}) as Av;
  const expr = String(input.KeyConditionExpression ?? '');
  // the partition condition is `<name> = :value`; find the value token of the first equality
  const m = /(#?\w+)\s*=\s*(:\w+)/.exec(expr);
  return m ? str(values[m[2]!]) : undefined;
}

/** Checks one command's input; throws (and records) what AWS would refuse. */
export function checkCall(command: string, input: Av, fn: FunctionDeclaration | undefined = runningAs()?.fn): void {
  switch (command) {
    case 'GetItemCommand':
      return checkAccess(fn, 'GetItem', 'read', str((input.Key as Av)?.pk));
    case 'PutItemCommand':
      checkItemSize(fn, input.Item as Av, 'PutItem');
      return checkAccess(fn, 'PutItem', 'write', str((input.Item as Av)?.pk));
    case 'UpdateItemCommand':
      return checkAccess(fn, 'UpdateItem', 'write', str((input.Key as Av)?.pk));
    case 'DeleteItemCommand':
      return checkAccess(fn, 'DeleteItem', 'delete', str((input.Key as Av)?.pk));
    case 'QueryCommand':
      return checkAccess(fn, 'Query', 'read', queryPartition(input));
    case 'ScanCommand':
      if (fn) refuse('permission', fn, `${fn.name} may not Scan: no function scans the table (DESIGN: no Scan on a request path)`);
      return;
    case 'BatchGetItemCommand': {
      const keys = Object.values((input.RequestItems ?? {}) as Record<string, { Keys?: Av[] }>).flatMap((r) => r.Keys ?? []);
      if (keys.length > BATCH_GET_ITEMS) refuse('limit', fn, `BatchGetItem of ${keys.length} keys exceeds DynamoDB's ${BATCH_GET_ITEMS}`);
      for (const k of keys) checkAccess(fn, 'BatchGetItem', 'read', str(k.pk));
      return;
    }
    case 'BatchWriteItemCommand': {
      const requests = Object.values((input.RequestItems ?? {}) as Record<string, Av[]>).flat();
      if (requests.length > BATCH_WRITE_ITEMS) refuse('limit', fn, `BatchWriteItem of ${requests.length} requests exceeds DynamoDB's ${BATCH_WRITE_ITEMS}`);
      for (const r of requests) {
        const put = (r.PutRequest as { Item?: Av } | undefined)?.Item;
        if (put) {
          checkItemSize(fn, put, 'BatchWriteItem');
          checkAccess(fn, 'PutItem', 'write', str(put.pk));
        } else checkAccess(fn, 'DeleteItem', 'delete', str(((r.DeleteRequest as Av | undefined)?.Key as Av | undefined)?.pk));
      }
      return;
    }
    case 'TransactGetItemsCommand': {
      const items = (input.TransactItems ?? []) as Av[];
      if (items.length > TRANSACTION_ITEMS) refuse('limit', fn, `TransactGetItems of ${items.length} items exceeds DynamoDB's ${TRANSACTION_ITEMS}`);
      for (const it of items) checkAccess(fn, 'GetItem', 'read', str(((it.Get as Av)?.Key as Av)?.pk));
      return;
    }
    case 'TransactWriteItemsCommand':
      return checkTransaction(fn, (input.TransactItems ?? []) as Av[]);
    default:
      return;
  }
}

function checkTransaction(fn: FunctionDeclaration | undefined, items: Av[]): void {
  if (items.length > TRANSACTION_ITEMS) refuse('limit', fn, `TransactWriteItems of ${items.length} items exceeds DynamoDB's ${TRANSACTION_ITEMS}`);
  let bytes = 0;
  const seen = new Set<string>();
  for (const it of items) {
    const [op, body] = Object.entries(it)[0] as [string, Av];
    const key = (op === 'Put' ? body.Item : body.Key) as Av;
    const pk = str(key?.pk);
    const id = `${pk}\u0000${str(key?.sk)}`;
    if (seen.has(id)) refuse('limit', fn, `TransactWriteItems touches ${pk} ${str(key?.sk)} twice: DynamoDB refuses more than one operation on an item in a transaction`);
    seen.add(id);
    if (op === 'Put') {
      bytes += checkItemSize(fn, body.Item as Av, 'TransactWriteItems Put');
      checkAccess(fn, 'PutItem', 'write', pk);
    } else if (op === 'Update') {
      bytes += itemSize(key) + Buffer.byteLength(JSON.stringify(body.ExpressionAttributeValues ?? {}));
      checkAccess(fn, 'UpdateItem', 'write', pk);
    } else if (op === 'Delete') {
      bytes += itemSize(key);
      checkAccess(fn, 'DeleteItem', 'delete', pk);
    } else {
      bytes += itemSize(key);
      checkAccess(fn, 'ConditionCheckItem', 'check', pk);
    }
  }
  if (bytes > TRANSACTION_BYTES) refuse('limit', fn, `TransactWriteItems of ${bytes} bytes exceeds DynamoDB's 4 MB`);
}

/** Puts the guard in front of every command the client sends. */
export function guardDynamo(client: DynamoDBClient): DynamoDBClient {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      checkCall(String(context.commandName ?? ''), args.input as Av);
      return next(args);
    },
    { step: 'initialize', name: 'linliCloudRules' },
  );
  return client;
}

/** Checks an S3 action (a presigned URL included) on an object key against the calling function's bucket needs. */
const BUCKET_GROUP = { GetObject: 'read', PutObject: 'write', PutObjectTagging: 'tag' } as const;

export function checkBucket(action: keyof typeof BUCKET_GROUP, key: string, fn: FunctionDeclaration | undefined = runningAs()?.fn): void {
  if (!fn) return;
  const group = BUCKET_GROUP[action];
  if (!fn.needs.bucket?.[group]?.some((p) => key.startsWith(p))) {
    refuse('permission', fn, `${fn.name} may not s3:${action} on ${key}: declare its prefix under needs.bucket.${group} in functions/${fn.capability}/capability.ts`);
  }
}

/** Checks a KMS action of the relief vault against the calling function's declared kms actions. */
export function checkKms(action: 'GenerateDataKey' | 'Decrypt', fn: FunctionDeclaration | undefined = runningAs()?.fn): void {
  if (!fn) return;
  if (!fn.needs.kms?.includes(action)) refuse('permission', fn, `${fn.name} may not kms:${action}: declare it under needs.kms in functions/${fn.capability}/capability.ts`);
}

/** Checks that the calling function declared a secret it reads (in the cloud it would not have been given it). */
export function checkSecret(secret: SecretName, fn: FunctionDeclaration | undefined = runningAs()?.fn): void {
  if (!fn) return;
  if (!fn.needs.secrets?.includes(secret)) refuse('permission', fn, `${fn.name} reads the secret ${secret}, which it was not given: declare it under needs.secrets in functions/${fn.capability}/capability.ts`);
}
