import {
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type ConsumedCapacity,
  type TransactWriteItem,
  type BatchGetItemCommandOutput,
  type GetItemCommandOutput,
  type PutItemCommandOutput,
  type QueryCommandOutput,
  type TransactGetItemsCommandOutput,
  type TransactWriteItemsCommandOutput,
  type UpdateItemCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { ErrorCode } from '../../shared/errors';
import { ApiError, BusyError, errorOf } from './errors';
import { guardDynamo } from './cloudRules';
import type { IndexName } from './table';

export type Item = Record<string, unknown>;

const TRANSACTION_ATTEMPTS = 4;
export interface Key {
  pk: string;
  sk: string;
}

/** A conditional write found the item not as expected. */
export class ConditionFailed extends Error {
  constructor(readonly item?: Item) {
    super('condition failed');
  }
}
/**
 * A transaction was cancelled and no write that failed names its error (see `fails`): the caller reacts to it, asking
 * by tag which writes failed. (`reasons` are DynamoDB's codes, for the log.)
 */
export class TransactionCancelled extends Error {
  constructor(
    readonly reasons: string[],
    private readonly tags: readonly (string | undefined)[] = [],
  ) {
    super(`transaction cancelled: ${reasons.join(',')}`);
  }
  /** Whether the condition of a write tagged `tag` (of any of them, where several carry it) failed. */
  failed(tag: string): boolean {
    return this.tags.some((t, i) => t === tag && this.reasons[i] === 'ConditionalCheckFailed');
  }
}

/**
 * What the failed condition of a write means to the caller: an error code (404 for the not-found codes, else 409; see
 * errorOf) or the error itself, where it carries details.
 */
export type Failure = ErrorCode | ApiError;

const failure = (f: Failure): ApiError => (typeof f === 'string' ? errorOf(f) : f);

/** DynamoDB's cancellation reasons that mean others got there at the same moment, not that a condition failed. */
const contentionReasons = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);
/** Exceptions (after the SDK's own retries) that mean the same for a single request. */
const busyExceptions = new Set([
  'TransactionConflictException',
  'TransactionInProgressException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);
const jitter = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 25 * 2 ** attempt));

/** Round trips and capacity of one request: the bench reads them, the HTTP wrapper reports them in headers. */
export interface DbMetrics {
  calls: number;
  capacity: number;
  /** time spent waiting for DynamoDB */
  ms: number;
}

/**
 * An expression: `#name` tokens become attribute names, `:value` tokens take their values from `values`.
 * Reserved words (status, state, text, ...) need no special care.
 */
export interface Expr {
  expr: string;
  values?: Record<string, unknown>;
}

export interface UpdateSpec {
  set?: Record<string, unknown>;
  /** numeric increments */
  add?: Record<string, number>;
  remove?: string[];
  /** condition, in the `#name` / `:value` form */
  if?: Expr;
  /** set only where absent */
  setIfAbsent?: Record<string, unknown>;
}

/**
 * What a conditional write says about its condition. `fails`: the error the caller answers when this condition fails
 * (`{ put: second, if: absent, fails: 'ALREADY_SECONDED' }`); in a transaction the first such write that failed, in
 * list order, is what Db.transact throws. `tag`: for a caller that must react rather than answer (retry, read again and
 * explain), the name it asks TransactionCancelled.failed(tag) about; several writes may share one.
 */
export interface Meaning {
  fails?: Failure;
  tag?: string;
}

export type TxWrite =
  | ({ put: Item; if?: Expr } & Meaning)
  | ({ update: Key; spec: UpdateSpec } & Meaning)
  | ({ delete: Key; if?: Expr } & Meaning)
  | ({ check: Key; if: Expr } & Meaning);

export interface QuerySpec {
  index?: IndexName;
  pk: string;
  /** sk begins with */
  prefix?: string;
  /** sk between, inclusive */
  between?: [string, string];
  /** sk >= */
  from?: string;
  limit?: number;
  /** newest first when false */
  ascending?: boolean;
  cursor?: string;
  filter?: Expr;
  consistent?: boolean;
}

interface Compiled {
  names: Record<string, string>;
  values: Record<string, AttributeValue>;
}

function compile(expr: string, values: Record<string, unknown> | undefined, into: Compiled): string {
  const text = expr.replace(/#(\w+)/g, (_, name: string) => {
    into.names[`#${name}`] = name;
    return `#${name}`;
  });
  if (values) Object.assign(into.values, marshall(values, { removeUndefinedValues: true, convertClassInstanceToMap: true }));
  return text;
}

function emptyToUndefined<T extends object>(o: T): T | undefined {
  return Object.keys(o).length ? o : undefined;
}

function buildUpdate(spec: UpdateSpec) {
  const c: Compiled = { names: {}, values: {} };
  const sets: string[] = [];
  let i = 0;
  for (const [k, v] of Object.entries(spec.set ?? {})) {
    if (v === undefined) continue;
    const ph = `:s${i++}`;
    sets.push(`${compile(`#${k}`, undefined, c)} = ${ph}`);
    c.values[ph] = marshall({ v }, { removeUndefinedValues: true, convertClassInstanceToMap: true }).v!;
  }
  for (const [k, v] of Object.entries(spec.setIfAbsent ?? {})) {
    const ph = `:n${i++}`;
    const name = compile(`#${k}`, undefined, c);
    sets.push(`${name} = if_not_exists(${name}, ${ph})`);
    c.values[ph] = marshall({ v }, { removeUndefinedValues: true }).v!;
  }
  const adds: string[] = [];
  for (const [k, v] of Object.entries(spec.add ?? {})) {
    const ph = `:a${i++}`;
    adds.push(`${compile(`#${k}`, undefined, c)} ${ph}`);
    c.values[ph] = { N: String(v) };
  }
  const removes = (spec.remove ?? []).map((k) => compile(`#${k}`, undefined, c));
  const parts = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    adds.length ? `ADD ${adds.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ].filter(Boolean);
  const condition = spec.if ? compile(spec.if.expr, spec.if.values, c) : undefined;
  return {
    UpdateExpression: parts.join(' '),
    ConditionExpression: condition,
    ExpressionAttributeNames: emptyToUndefined(c.names),
    ExpressionAttributeValues: emptyToUndefined(c.values),
  };
}

function buildCondition(cond: Expr | undefined) {
  if (!cond) return {};
  const c: Compiled = { names: {}, values: {} };
  const ConditionExpression = compile(cond.expr, cond.values, c);
  return { ConditionExpression, ExpressionAttributeNames: emptyToUndefined(c.names), ExpressionAttributeValues: emptyToUndefined(c.values) };
}

const toItem = (v: Item) => marshall(v, { removeUndefinedValues: true, convertClassInstanceToMap: true });

function encodeCursor(key: Record<string, AttributeValue> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(unmarshall(key))).toString('base64url') : undefined;
}
function decodeCursor(cursor: string | undefined, spec: QuerySpec): Record<string, AttributeValue> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    // a cursor only ever continues the same query: it must name the same partition
    const pkName = spec.index ? `${spec.index}pk` : 'pk';
    if (typeof key !== 'object' || key === null || key[pkName] !== spec.pk) return undefined;
    for (const v of Object.values(key)) if (typeof v !== 'string') return undefined;
    return marshall(key);
  } catch {
    // the cursor is client input (base64url, JSON, strings only): whatever does not parse starts the query afresh
    return undefined;
  }
}

export class Db {
  constructor(
    readonly client: DynamoDBClient,
    readonly tableName: string,
    readonly metrics: DbMetrics = { calls: 0, capacity: 0, ms: 0 },
  ) {}

  /** The same connection, counting into fresh metrics: one per request. */
  withMetrics(metrics: DbMetrics): Db {
    return new Db(this.client, this.tableName, metrics);
  }

  private async send<T>(command: { input: unknown }): Promise<T> {
    const started = performance.now();
    try {
      return (await this.client.send(command as never)) as T;
    } catch (e) {
      // still busy after the SDK's own retries: tell the caller to come back in a moment (503), not a 500
      if (e instanceof Error && busyExceptions.has(e.name)) throw new BusyError();
      throw e;
    } finally {
      this.metrics.ms += performance.now() - started;
    }
  }

  private count(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined) {
    this.metrics.calls += 1;
    const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    for (const c of list) this.metrics.capacity += c.CapacityUnits ?? 0;
  }

  async get<T extends Item = Item>(key: Key, consistent = false): Promise<T | undefined> {
    const out = await this.send<GetItemCommandOutput>(
      new GetItemCommand({ TableName: this.tableName, Key: marshall(key), ConsistentRead: consistent, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.count(out.ConsumedCapacity);
    return out.Item ? (unmarshall(out.Item) as T) : undefined;
  }

  async batchGet<T extends Item = Item>(keys: Key[]): Promise<T[]> {
    const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
    const found: T[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      let request: Record<string, AttributeValue>[] | undefined = unique.slice(i, i + 100).map((k) => marshall(k));
      while (request && request.length) {
        const out: BatchGetItemCommandOutput = await this.send<BatchGetItemCommandOutput>(
          new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: request } }, ReturnConsumedCapacity: 'TOTAL' }),
        );
        this.count(out.ConsumedCapacity);
        for (const it of out.Responses?.[this.tableName] ?? []) found.push(unmarshall(it) as T);
        request = out.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return found;
  }

  /**
   * Up to 100 items read at one instant (TransactGetItems), in the order asked, undefined where absent: for answers
   * that must not mix a before and an after of one transaction (a watcher item and the count it moves). A write in
   * flight on one of them cancels the read; it is read again after a short jittered wait.
   */
  async transactGet<T extends Item = Item>(keys: Key[]): Promise<(T | undefined)[]> {
    const command = new TransactGetItemsCommand({ TransactItems: keys.map((k) => ({ Get: { TableName: this.tableName, Key: marshall(k) } })), ReturnConsumedCapacity: 'TOTAL' });
    for (let attempt = 1; ; attempt++) {
      try {
        const out = await this.send<TransactGetItemsCommandOutput>(command);
        this.count(out.ConsumedCapacity);
        return (out.Responses ?? []).map((r) => (r.Item ? (unmarshall(r.Item) as T) : undefined));
      } catch (e) {
        if (!(e instanceof TransactionCanceledException)) throw e;
        this.metrics.calls += 1;
        if (attempt >= TRANSACTION_ATTEMPTS + 1) throw new BusyError();
        await jitter(attempt);
      }
    }
  }

  /** `fails`: the error a failed condition answers; without it, ConditionFailed. */
  async put(item: Item, cond?: Expr, opts: { fails?: Failure } = {}): Promise<void> {
    try {
      const out = await this.send<PutItemCommandOutput>(
        new PutItemCommand({ TableName: this.tableName, Item: toItem(item), ReturnConsumedCapacity: 'TOTAL', ...buildCondition(cond) }),
      );
      this.count(out.ConsumedCapacity);
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) {
        this.metrics.calls += 1;
        if (opts.fails) throw failure(opts.fails);
        throw new ConditionFailed();
      }
      throw e;
    }
  }

  /** Updates and answers the item as it is after the update. `fails`: the error a failed condition answers; without it, ConditionFailed (with the item as it was). */
  async update<T extends Item = Item>(key: Key, spec: UpdateSpec, opts: { fails?: Failure } = {}): Promise<T> {
    try {
      const out = await this.send<UpdateItemCommandOutput>(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall(key),
          ...buildUpdate(spec),
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.count(out.ConsumedCapacity);
      return unmarshall(out.Attributes ?? {}) as T;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) {
        this.metrics.calls += 1;
        if (opts.fails) throw failure(opts.fails);
        throw new ConditionFailed(e.Item ? unmarshall(e.Item) : undefined);
      }
      throw e;
    }
  }

  async query<T extends Item = Item>(spec: QuerySpec): Promise<{ items: T[]; cursor?: string }> {
    const { c, keyExpr, filter } = compileQuery(spec);
    const out = await this.send<QueryCommandOutput>(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: spec.index,
        KeyConditionExpression: keyExpr,
        FilterExpression: filter,
        ExpressionAttributeNames: c.names,
        ExpressionAttributeValues: c.values,
        Limit: spec.limit,
        ScanIndexForward: spec.ascending ?? true,
        ExclusiveStartKey: decodeCursor(spec.cursor, spec),
        ConsistentRead: spec.index ? undefined : spec.consistent,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.count(out.ConsumedCapacity);
    return { items: (out.Items ?? []).map((i) => unmarshall(i) as T), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  /**
   * How many items a query matches (after its filter), with Select COUNT page after page until none is left: an honest
   * count that carries no items back (a page stops at 1 MB read, so a large partition costs more than one call).
   */
  async queryCount(spec: Omit<QuerySpec, 'limit' | 'cursor' | 'ascending'>): Promise<number> {
    const { c, keyExpr, filter } = compileQuery(spec);
    let total = 0;
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out: QueryCommandOutput = await this.send<QueryCommandOutput>(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: spec.index,
          KeyConditionExpression: keyExpr,
          FilterExpression: filter,
          ExpressionAttributeNames: c.names,
          ExpressionAttributeValues: c.values,
          Select: 'COUNT',
          ExclusiveStartKey: start,
          ConsistentRead: spec.index ? undefined : spec.consistent,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.count(out.ConsumedCapacity);
      total += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return total;
  }

  /**
   * All the writes happen, or none: the way every invariant that spans items is kept. When conditions failed, the first
   * failed write (in list order) that names its error (`fails`) throws that error; if none does, TransactionCancelled,
   * which says by tag which failed. Contention is retried; if it outlasts the retries, BusyError (503).
   */
  async transact(writes: TxWrite[]): Promise<void> {
    const TransactItems: TransactWriteItem[] = writes.map((w) => {
      if ('put' in w) return { Put: { TableName: this.tableName, Item: toItem(w.put), ...buildCondition(w.if) } };
      if ('update' in w) return { Update: { TableName: this.tableName, Key: marshall(w.update), ...buildUpdate(w.spec) } };
      if ('delete' in w) return { Delete: { TableName: this.tableName, Key: marshall(w.delete), ...buildCondition(w.if) } };
      return { ConditionCheck: { TableName: this.tableName, Key: marshall(w.check), ...(buildCondition(w.if) as { ConditionExpression: string }) } };
    });
    // Two transactions on one item at once: DynamoDB cancels one with TransactionConflict (no condition failed); a hot
    // item may be throttled. That is contention, not a refusal: try again after a short jittered wait.
    for (let attempt = 1; ; attempt++) {
      try {
        const out = await this.send<TransactWriteItemsCommandOutput>(new TransactWriteItemsCommand({ TransactItems, ReturnConsumedCapacity: 'TOTAL' }));
        this.count(out.ConsumedCapacity);
        return;
      } catch (e) {
        if (!(e instanceof TransactionCanceledException)) throw e;
        this.metrics.calls += 1;
        const reasons = (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
        const failed = reasons.map((r) => r === 'ConditionalCheckFailed');
        const contention = reasons.some((r) => contentionReasons.has(r)) && reasons.every((r) => r === 'None' || contentionReasons.has(r));
        if (contention) {
          if (attempt >= TRANSACTION_ATTEMPTS) throw new BusyError();
          await jitter(attempt);
          continue;
        }
        const named = writes.find((w, i) => failed[i] && w.fails);
        if (named) throw failure(named.fails!);
        throw new TransactionCancelled(reasons, writes.map((w) => w.tag));
      }
    }
  }
}

/** The table's client; on the local stack (an endpoint) with the guard that refuses what AWS would (platform/cloudRules.ts). */
export function dynamoClient(endpoint = process.env.DYNAMODB_ENDPOINT, region = process.env.AWS_REGION ?? 'cn-north-1'): DynamoDBClient {
  const client = new DynamoDBClient({
    region,
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 3,
  });
  return endpoint ? guardDynamo(client) : client;
}

/** Strips the key and index attributes off a stored item. */
export function withoutKeys<T extends Item>(item: T): Omit<T, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk' | 'gsi3pk' | 'gsi3sk' | 'expiresAt' | 'entity'> {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, expiresAt, entity, ...rest } = item as Item;
  void pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, expiresAt, entity;
  return rest as never;
}

/** A query's key condition and filter, with their names and values. */
function compileQuery(spec: Omit<QuerySpec, 'limit' | 'cursor' | 'ascending'>): { c: Compiled; keyExpr: string; filter?: string } {
  const c: Compiled = { names: {}, values: {} };
  const pkName = spec.index ? `${spec.index}pk` : 'pk';
  const skName = spec.index ? `${spec.index}sk` : 'sk';
  let keyExpr = `${compile(`#${pkName}`, undefined, c)} = :pk`;
  c.values[':pk'] = { S: spec.pk };
  if (spec.prefix !== undefined) {
    keyExpr += ` AND begins_with(${compile(`#${skName}`, undefined, c)}, :skp)`;
    c.values[':skp'] = { S: spec.prefix };
  } else if (spec.between) {
    keyExpr += ` AND ${compile(`#${skName}`, undefined, c)} BETWEEN :sk1 AND :sk2`;
    c.values[':sk1'] = { S: spec.between[0] };
    c.values[':sk2'] = { S: spec.between[1] };
  } else if (spec.from !== undefined) {
    keyExpr += ` AND ${compile(`#${skName}`, undefined, c)} >= :skf`;
    c.values[':skf'] = { S: spec.from };
  }
  return { c, keyExpr, filter: spec.filter ? compile(spec.filter.expr, spec.filter.values, c) : undefined };
}
