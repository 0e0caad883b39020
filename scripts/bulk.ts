import { BatchWriteItemCommand, type BatchWriteItemCommandOutput, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Item } from '../functions/platform/db';

/**
 * Bulk loading for the seed and the benches (never the app, whose writes are conditional and in transactions): a pool
 * of workers, and plain puts 25 to a BatchWriteItem, what DynamoDB leaves unprocessed sent again with backoff.
 */

/** `fn` over every item, at most `limit` at a time. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Puts every item, 25 to a BatchWriteItem, 8 batches at a time; unprocessed items are sent again after 100 ms, 200 ms,
 * … and after 8 tries the load fails naming `who`. `onBatch` hears each batch written.
 */
export async function bulkPut(db: { client: DynamoDBClient; tableName: string }, items: readonly Item[], who: string, onBatch?: (written: number) => void): Promise<void> {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await pool(batches, 8, async (batch) => {
    let request: WriteRequest[] | undefined = batch.map((it) => ({ PutRequest: { Item: marshall(it, { removeUndefinedValues: true }) } }));
    for (let attempt = 0; request?.length; attempt++) {
      if (attempt > 8) throw new Error(`${who}: DynamoDB kept items unprocessed`);
      if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const res: BatchWriteItemCommandOutput = await db.client.send(new BatchWriteItemCommand({ RequestItems: { [db.tableName]: request } }));
      request = res.UnprocessedItems?.[db.tableName];
    }
    onBatch?.(batch.length);
  });
}
