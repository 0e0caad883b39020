import {
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION, portIsFree, startLocalStack, type LocalStack } from '../../scripts/localStack';
import { tableIndexes, ttlAttribute } from '../../functions/platform/table';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const TABLE = `linli-stacktest-${process.pid}`;
let stack: LocalStack;
const quiet = () => {};

beforeAll(async () => {
  stack = await startLocalStack({ dynamoPort: 0, s3Port: 0, wechatPort: 0, tableName: TABLE, log: quiet });
}, 90_000);

afterAll(async () => {
  await stack?.stop(); // a no-op when the last test stopped it
});

describe('DynamoDB Local with the one table', () => {
  it('creates the table from functions/platform/table.ts: keys, three GSIs, TTL on expiresAt', async () => {
    const db = stack.dynamoClient();
    try {
      const { Table } = await db.send(new DescribeTableCommand({ TableName: TABLE }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(Table?.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect((Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName).sort()).toEqual([...tableIndexes].sort());
      const ttl = await db.send(new DescribeTimeToLiveCommand({ TableName: TABLE }));
      expect(ttl.TimeToLiveDescription?.AttributeName).toBe(ttlAttribute);
      expect(['ENABLED', 'ENABLING']).toContain(ttl.TimeToLiveDescription?.TimeToLiveStatus);
    } finally {
      db.destroy();
    }
  });

  it('ensureTable is idempotent: a second and third call keep the table and its data', async () => {
    const db = stack.dynamoClient();
    try {
      await db.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: 'T#1' }, sk: { S: 'A' }, gsi1pk: { S: 'G' }, gsi1sk: { S: '1' } } }));
      expect(await ensureTable(db, TABLE)).toBe(false);
      expect(await Promise.all([ensureTable(db, TABLE), ensureTable(db, TABLE)])).toEqual([false, false]);
      const got = await db.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'T#1' }, sk: { S: 'A' } } }));
      expect(got.Item?.gsi1pk?.S).toBe('G');
      const q = await db.send(
        new QueryCommand({ TableName: TABLE, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :g', ExpressionAttributeValues: { ':g': { S: 'G' } } }),
      );
      expect(q.Count).toBe(1);
    } finally {
      db.destroy();
    }
  });

  it('ensureTable creates a missing table and reports it', async () => {
    const db = stack.dynamoClient();
    const name = `${TABLE}-second`;
    try {
      expect(await ensureTable(db, name)).toBe(true);
      expect(await ensureTable(db, name)).toBe(false);
      await db.send(new DeleteTableCommand({ TableName: name }));
    } finally {
      db.destroy();
    }
  });

  it('is one database whatever the credentials and region (-sharedDb)', async () => {
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const other = new DynamoDBClient({ endpoint: stack.dynamo!.endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'other', secretAccessKey: 'other' } });
    try {
      const got = await other.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'T#1' }, sk: { S: 'A' } } }));
      expect(got.Item).toBeDefined();
    } finally {
      other.destroy();
    }
  });
});

describe('s3rver', () => {
  it('takes a presigned POST upload and serves the object back', async () => {
    const s3 = new S3Client({
      endpoint: stack.s3!.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    try {
      const key = `uploads/test/${Date.now()}.jpg`;
      const { url, fields } = await createPresignedPost(s3, {
        Bucket: stack.bucket,
        Key: key,
        Conditions: [['content-length-range', 1, 1024 * 1024], ['eq', '$Content-Type', 'image/jpeg']],
        Fields: { 'Content-Type': 'image/jpeg' },
        Expires: 300,
      });
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([Buffer.from('not really a jpeg')], { type: 'image/jpeg' }), 'photo.jpg');
      const res = await fetch(url, { method: 'POST', body: form });
      expect(res.status).toBeLessThan(300);

      const obj = await s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: key }));
      expect(await obj.Body!.transformToString()).toBe('not really a jpeg');
    } finally {
      s3.destroy();
    }
  });

  it('allows the h5 origin to POST by CORS, and no other origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.s3!.endpoint}/${stack.bucket}`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const ok = await preflight('http://127.0.0.1:10086');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).not.toBeNull();
    expect(ok.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const other = await preflight('http://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

it('exposes the backend environment pointing at its parts', () => {
  expect(stack.env).toMatchObject({
    TABLE_NAME: TABLE,
    DYNAMODB_ENDPOINT: stack.dynamo!.endpoint,
    S3_ENDPOINT: stack.s3!.endpoint,
    UPLOAD_BUCKET: 'linli-uploads',
    WECHAT_API_BASE: stack.wechat!.url,
    LINLI_ENV: 'local',
  });
});

it('refuses a port that is taken, with a clear message, and leaves nothing running', async () => {
  await expect(startLocalStack({ dynamo: false, s3: false, wechatPort: stack.wechat!.port, log: quiet })).rejects.toThrow(/already in use/);
});

it('stops cleanly: DynamoDB Local exits and every port is free again', async () => {
  const ports = [stack.dynamo!.port, stack.s3!.port, stack.wechat!.port];
  const java = stack.dynamo!.process;
  expect(await Promise.all(ports.map((p) => portIsFree(p)))).toEqual([false, false, false]);
  await stack.stop();
  expect(java.exitCode !== null || java.signalCode !== null).toBe(true);
  expect(await Promise.all(ports.map((p) => portIsFree(p)))).toEqual([true, true, true]);
}, 30_000);
