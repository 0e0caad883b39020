import { BatchGetItemCommand, BatchWriteItemCommand, PutItemCommand, ScanCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { harness, type Harness } from '../../tests/support/harness';
import { capability, runAs, type FunctionDeclaration } from './capability';
import { checkBucket, checkKms, itemSize, takeBreaches } from './cloudRules';
import { handleAs, route } from './http';
import { platformApi } from '../../shared/platform/api';

/** A function that may read USER# and write MATTER#, nothing else: what the local guard checks calls against. */
const narrow = capability('test', {
  functions: {
    narrow: { handler: 'x.handler', description: 'test', endpoints: [], timeout: 1, needs: { table: { read: ['USER#'], write: ['MATTER#'] }, bucket: { read: ['uploads/'] }, kms: ['GenerateDataKey'] } },
  },
}).functions.narrow as FunctionDeclaration;

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
// the tests below breach on purpose: each takes what it breached and asserts it (tests/support/breaches.ts fails any left)

const asNarrow = <T>(work: () => Promise<T>) => runAs(narrow, work);

describe('the local guard refuses what the function’s role would refuse in AWS', () => {
  it('lets a function read and write the key prefixes it declared', async () => {
    // Act
    await asNarrow(async () => {
      await h.deps.db.put({ pk: 'MATTER#m1', sk: 'MATTER', text: 'a' });
      await h.deps.db.get({ pk: 'USER#u1', sk: '#PROFILE' });
    });
    // Assess
    expect(takeBreaches()).toEqual([]);
  });

  it('refuses a write outside the declared prefixes with AccessDeniedException, and records it', async () => {
    // Act
    const error = await asNarrow(() => h.deps.db.put({ pk: 'REFRESH#x', sk: 'REFRESH' })).catch((e: Error) => e);
    // Assess
    expect(error).toMatchObject({ name: 'AccessDeniedException' });
    expect(takeBreaches()).toEqual([expect.objectContaining({ rule: 'permission', fn: 'narrow', message: expect.stringContaining('REFRESH#') })]);
  });

  it('refuses a delete when only read and write were declared (the refresh token’s case)', async () => {
    const error = await asNarrow(() => h.deps.db.transact([{ delete: { pk: 'MATTER#m1', sk: 'MATTER' } }])).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'AccessDeniedException' });
    expect(takeBreaches()[0]?.message).toContain('DeleteItem');
  });

  it('refuses a query of an undeclared index partition', async () => {
    const error = await asNarrow(() => h.deps.db.query({ index: 'gsi1', pk: 'FLSTATE#sd-t#collected' })).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'AccessDeniedException' });
    expect(takeBreaches()[0]?.message).toContain('Query on FLSTATE#');
  });

  it('refuses any Scan from a function', async () => {
    const error = await asNarrow(() => h.deps.db.client.send(new ScanCommand({ TableName: h.tableName }))).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'AccessDeniedException' });
    expect(takeBreaches()[0]?.message).toContain('Scan');
  });

  it('checks presigned S3 URLs and KMS actions as the role would', async () => {
    await asNarrow(async () => {
      expect(() => checkBucket('GetObject', 'uploads/u1/a.jpg')).not.toThrow();
      expect(() => checkBucket('GetObject', 'relief/u1/id.jpg')).toThrow(/relief\/u1/);
      expect(() => checkBucket('PutObject', 'uploads/u1/a.jpg')).toThrow(/PutObject/);
      expect(() => checkKms('GenerateDataKey')).not.toThrow();
      expect(() => checkKms('Decrypt')).toThrow(/kms:Decrypt/);
    });
    expect(takeBreaches().map((b) => b.rule)).toEqual(['permission', 'permission', 'permission']);
  });
});

describe('secrets are the declared ones only', () => {
  it('refuses a function that reads a secret it did not declare, as the cloud would not have given it', async () => {
    // Act: narrow declares no secrets; the tests themselves (no function) read them all
    const error = await asNarrow(async () => h.deps.config.tokenSecret).catch((e: Error) => e);
    const outside = h.deps.config.tokenSecret;
    // Assess
    expect(error).toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('tokenSecret') });
    expect(outside.length).toBeGreaterThan(0);
    expect(takeBreaches()).toHaveLength(1);
  });
});

describe('the local guard enforces DynamoDB’s limits, inside a function or not', () => {
  const put = (i: number) => ({ Put: { TableName: h.tableName, Item: marshall({ pk: `MATTER#${i}`, sk: 'MATTER' }) } });

  it('takes a transaction of 100 items and refuses 101', async () => {
    // Prepare
    const hundred = Array.from({ length: 100 }, (_, i) => put(i));
    // Act
    await h.deps.db.client.send(new TransactWriteItemsCommand({ TransactItems: hundred }));
    const error = await h.deps.db.client.send(new TransactWriteItemsCommand({ TransactItems: [...hundred, put(100)] })).catch((e: Error) => e);
    // Assess
    expect(error).toMatchObject({ name: 'ValidationException', message: expect.stringContaining('101 items') });
    expect(takeBreaches()).toEqual([expect.objectContaining({ rule: 'limit' })]);
  });

  it('refuses two operations on one item in a transaction', async () => {
    const error = await h.deps.db.client.send(new TransactWriteItemsCommand({ TransactItems: [put(1), put(1)] })).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'ValidationException', message: expect.stringContaining('twice') });
    expect(takeBreaches()).toHaveLength(1);
  });

  it('refuses an item over 400 KB and takes one just under', async () => {
    // Prepare: the size DynamoDB counts is names plus values
    const under = { pk: 'MATTER#big', sk: 'MATTER', text: 'x'.repeat(400 * 1024 - 40) };
    const over = { ...under, text: 'x'.repeat(400 * 1024) };
    expect(itemSize(marshall(under))).toBeLessThanOrEqual(400 * 1024);
    // Act
    await h.deps.db.put(under);
    const error = await h.deps.db.put(over).catch((e: Error) => e);
    // Assess
    expect(error).toMatchObject({ name: 'ValidationException', message: expect.stringContaining('400 KB') });
    expect(takeBreaches()).toHaveLength(1);
  });

  it('refuses a BatchWriteItem of 26 and a BatchGetItem of 101', async () => {
    const writes = Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: marshall({ pk: `MATTER#b${i}`, sk: 'MATTER' }) } }));
    const gets = Array.from({ length: 101 }, (_, i) => marshall({ pk: `MATTER#b${i}`, sk: 'MATTER' }));
    await expect(h.deps.db.client.send(new BatchWriteItemCommand({ RequestItems: { [h.tableName]: writes } }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(h.deps.db.client.send(new BatchGetItemCommand({ RequestItems: { [h.tableName]: { Keys: gets } } }))).rejects.toMatchObject({ name: 'ValidationException' });
    expect(takeBreaches()).toHaveLength(2);
  });

  it('lets the test itself (no function) write anywhere, within the limits', async () => {
    await h.deps.db.client.send(new PutItemCommand({ TableName: h.tableName, Item: marshall({ pk: 'REFRESH#t', sk: 'REFRESH' }) }));
    expect(takeBreaches()).toEqual([]);
  });
});

describe('a handler runs under its function’s timeout', () => {
  it('answers 503 FUNCTION_TIMEOUT and records a breach when a request outlives the function', async () => {
    // Prepare: a route that takes longer than the function's 1 second
    const slow = route(platformApi.health, async () => {
      await new Promise((r) => setTimeout(r, 1500));
      return { ok: true as const, time: new Date().toISOString() };
    });
    // Act
    const res = await handleAs(narrow, [slow], { rawPath: '/health', requestContext: { requestId: 'r1', http: { method: 'GET' } } }, h.deps);
    // Assess
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body).code).toBe('FUNCTION_TIMEOUT');
    expect(takeBreaches()).toEqual([expect.objectContaining({ rule: 'timeout', fn: 'narrow' })]);
  });
});
