import type { UserCtx } from './context';
import { UnprocessableError } from './errors';
import { TransactionCancelled, type TxWrite } from './db';
import { keys } from './keys';

/**
 * Creates carry an Idempotency-Key. The record of the answer is written in the same transaction as the thing created,
 * so a retry (weak mobile networks retry) finds it and gets the first answer, and nothing is created twice.
 */
const DAY = 24 * 3600;
/** the tag of the record's write: its condition fails when an earlier request with this key went through */
const RECORD = 'idempotencyRecord';

function recordWrite(ctx: UserCtx, response: unknown): TxWrite | undefined {
  if (!ctx.idempotency) return undefined;
  return {
    put: {
      ...keys.idempotency(ctx.principal.userId, ctx.idempotency.key),
      hash: ctx.idempotency.hash,
      response,
      expiresAt: Math.floor(ctx.clock.now().getTime() / 1000) + DAY,
    },
    if: { expr: 'attribute_not_exists(#pk)' },
    tag: RECORD,
  };
}

/** The stored answer of an earlier request with this key, if any; refuses a key reused for another request. */
export async function replayIdempotent(ctx: UserCtx): Promise<unknown> {
  if (!ctx.idempotency) return undefined;
  const stored = await ctx.db.get<{ hash: string; response: unknown }>(keys.idempotency(ctx.principal.userId, ctx.idempotency.key), true);
  if (!stored) return undefined;
  if (stored.hash !== ctx.idempotency.hash) throw new UnprocessableError('IDEMPOTENCY_KEY_REUSED');
  return stored.response;
}

/**
 * Runs the writes of a create and records its answer, atomically. The writes name the errors their conditions mean
 * (`fails`); `onCancelled` is for a caller that must react to an unnamed failure (it asks by tag which failed).
 * A named failure of a retry whose first try went through is answered with the first result by the HTTP wrapper,
 * which replays on any ApiError of a request with an Idempotency-Key.
 */
export async function transactCreate<T>(
  ctx: UserCtx,
  writes: TxWrite[],
  response: T,
  onCancelled?: (e: TransactionCancelled) => never,
): Promise<T> {
  const record = recordWrite(ctx, response);
  try {
    await ctx.db.transact(record ? [...writes, record] : writes);
    return response;
  } catch (e) {
    if (e instanceof TransactionCancelled) {
      if (record && e.failed(RECORD)) {
        const replay = await replayIdempotent(ctx);
        if (replay !== undefined) return replay as T;
      }
      onCancelled?.(e);
    }
    throw e;
  }
}
