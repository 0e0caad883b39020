import { makeCtx, type Ctx, type Deps } from './context';
import { ConditionFailed, TransactionCancelled, type Item, type TxWrite } from './db';
import { BusyError } from './errors';
import { keys } from './keys';
import { countDeadLetters } from './metrics';
import { notificationWrites, type Notification } from './notify';

/**
 * Work items: work that can outgrow one request (telling every holder of a cancelled activity, carrying a merged
 * matter's backers, escalating to every officer) is written as a work item in the SAME transaction as the change that
 * causes it, and a worker does it later in chunks. So the change and its work are atomic: if the change happened, its
 * work is recorded, and nothing is lost when a request or a job dies half-way.
 *
 * A chunk is idempotent by construction: its writes and the work item's progress (`step`, `cursor`) commit in one
 * transaction, conditioned on the step read and on the worker's claim, so a re-run (another worker, a retry after a
 * crash) finds the cursor already past it and never applies it twice. A failing chunk is retried with backoff; after
 * MAX_WORK_ATTEMPTS it becomes a dead letter that operators see (GET /admin/dead-letters).
 *
 * Why a table and not SQS: an SQS send cannot join a DynamoDB transaction, so the change and its work would not be
 * atomic (a crash between them loses the work, or sends work for a change that never happened). In the cloud the
 * worker runs every minute (EventBridge); a DynamoDB Stream on the table (filtered to `entity = workItem`, INSERT) could
 * start it within a second of the change instead, with the schedule kept as the sweeper for retries and lost claims.
 */

/** DynamoDB's limit on the items of one transaction. */
export const MAX_TX_ITEMS = 100;
/** After this many failed tries in a row a work item is given up, as a dead letter. */
export const MAX_WORK_ATTEMPTS = 6;
/** How long a claim holds before another worker may take the item over (the worker died). */
const LEASE_MS = 5 * 60_000;
/** The tag of a chunk's progress write: it fails when the claim was lost. */
const HELD = 'workItemHeld';
/** Chunks that lost a race with a user's own change (their reservation cancelled meanwhile) are re-read this often. */
const CHUNK_RACES = 3;

export type WorkItemRecord = {
  pk: string;
  sk: string;
  id: string;
  queue: string;
  kind: string;
  payload: Record<string, unknown>;
  /** where the next chunk starts; absent before the first */
  cursor?: string;
  /** chunks done so far: each chunk's transaction is conditioned on it */
  step: number;
  /** failed tries in a row */
  attempts: number;
  dueAt: string;
  createdAt: string;
  claim?: string;
  lastError?: string;
};

/** One chunk of a kind of work: its writes (≤ 99: the item's progress is the 100th) and where the next one starts. */
export type WorkStep<P = any> = (ctx: Ctx, payload: P, cursor: string | undefined) => Promise<{ writes: TxWrite[]; next?: string }>;
export type WorkKinds = Record<string, WorkStep>;

/** The put of a new work item, to go into the transaction of the change it belongs to. */
export function workItemWrite(ctx: Ctx, queue: string, kind: string, payload: Record<string, unknown>): TxWrite {
  const id = ctx.newId();
  const at = ctx.clock.now().toISOString();
  return {
    put: { ...keys.workItem(queue, id), ...keys.workItemDue(queue, at, id), entity: 'workItem', id, queue, kind, payload, step: 0, attempts: 0, dueAt: at, createdAt: at },
    if: { expr: 'attribute_not_exists(#pk)' },
  };
}

export interface WorkRun {
  /** chunks applied */
  chunks: number;
  /** work items finished */
  done: number;
  /** chunks that failed and will be retried */
  failed: number;
  deadLettered: number;
}

/**
 * Does the due work items of one queue, oldest due first, chunk after chunk, until none is due or `budgetMs` (wall
 * time) is spent; an item left unfinished is due again at once, for the next run.
 */
export async function drainWork(deps: Deps, queue: string, kinds: WorkKinds, opts: { budgetMs?: number } = {}): Promise<WorkRun> {
  const until = Date.now() + (opts.budgetMs ?? 40_000);
  const now = deps.clock.now().toISOString();
  const ctx = makeCtx(deps, `job-work-${queue}-${now}`);
  const run: WorkRun = { chunks: 0, done: 0, failed: 0, deadLettered: 0 };
  let cursor: string | undefined;
  do {
    const page = await deps.db.query<WorkItemRecord>({ index: 'gsi1', pk: keys.workItemDue(queue, now, '').gsi1pk, between: ['0', `${now}~`], limit: 25, cursor });
    for (const seen of page.items) {
      if (Date.now() >= until) break;
      await doItem(ctx, seen, kinds, until, run);
    }
    cursor = page.cursor;
  } while (cursor && Date.now() < until);
  if (run.chunks || run.failed || run.deadLettered) deps.log.info('drainWork', { queue, ...run });
  countDeadLetters(run.deadLettered); // the DeadLettersAlarm watches it
  return run;
}

async function doItem(ctx: Ctx, seen: WorkItemRecord, kinds: WorkKinds, until: number, run: WorkRun): Promise<void> {
  const key = { pk: seen.pk, sk: seen.sk };
  const now = ctx.clock.now();
  const claim = ctx.newId();
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  let item: WorkItemRecord;
  try {
    // the index is eventually consistent: the claim holds only on the due time read there, so of two workers one wins
    item = await ctx.db.update<WorkItemRecord>(key, {
      set: { claim, dueAt: leaseUntil, ...keys.workItemDue(seen.queue, leaseUntil, seen.id) },
      if: { expr: '#dueAt = :seen', values: { ':seen': seen.dueAt } },
    });
  } catch (e) {
    if (isConditionFailed(e)) return; // another worker has it, or it is done
    throw e;
  }
  const held = { expr: '#claim = :c AND #step = :s', values: { ':c': claim, ':s': item.step } };
  const step = kinds[item.kind];
  if (!step) return giveUp(ctx, item, claim, `no worker for kind ${item.kind}`, run);
  let races = 0;
  while (Date.now() < until) {
    held.values[':s'] = item.step;
    let chunk: { writes: TxWrite[]; next?: string } | undefined;
    try {
      chunk = await step(ctx, item.payload, item.cursor);
      if (chunk.writes.length + 1 > MAX_TX_ITEMS) throw new Error(`a ${item.kind} chunk has ${chunk.writes.length} writes; at most ${MAX_TX_ITEMS - 1}`);
      const progress: TxWrite =
        chunk.next === undefined
          ? { delete: key, if: held, tag: HELD }
          : { update: key, spec: { set: { cursor: chunk.next, attempts: 0 }, add: { step: 1 }, remove: ['lastError'], if: held }, tag: HELD };
      await ctx.db.transact([...chunk.writes, progress]);
    } catch (e) {
      if (e instanceof TransactionCancelled) {
        if (e.failed(HELD)) return; // our claim ran out and another worker took the item over
        if (++races < CHUNK_RACES) continue; // a user changed something of this chunk meanwhile: read it again
      }
      if (e instanceof BusyError && ++races < CHUNK_RACES) continue;
      return failed(ctx, item, claim, e, run);
    }
    run.chunks++;
    races = 0;
    if (chunk.next === undefined) {
      run.done++;
      return;
    }
    item = { ...item, cursor: chunk.next, step: item.step + 1, attempts: 0 };
  }
  // out of time: due again now, for the next run (the claim stays until it is taken over)
  const at = ctx.clock.now().toISOString();
  await ctx.db
    .update(key, { set: { dueAt: at, ...keys.workItemDue(item.queue, at, item.id) }, if: { expr: '#claim = :c', values: { ':c': claim } } })
    .catch((e) => {
      if (!isConditionFailed(e)) throw e;
    });
}

async function failed(ctx: Ctx, item: WorkItemRecord, claim: string, error: unknown, run: WorkRun): Promise<void> {
  const attempts = item.attempts + 1;
  const message = errorText(error);
  ctx.log.warn('work item failed', { queue: item.queue, kind: item.kind, workItemId: item.id, attempts, error: message });
  if (attempts >= MAX_WORK_ATTEMPTS) return giveUp(ctx, { ...item, attempts }, claim, message, run);
  const dueAt = new Date(ctx.clock.now().getTime() + Math.min(3600_000, 2 ** attempts * 30_000)).toISOString();
  run.failed++;
  await ctx.db
    .update({ pk: item.pk, sk: item.sk }, {
      set: { attempts, lastError: message, dueAt, ...keys.workItemDue(item.queue, dueAt, item.id) },
      if: { expr: '#claim = :c', values: { ':c': claim } },
    })
    .catch((e) => {
      if (!isConditionFailed(e)) throw e;
    });
}

async function giveUp(ctx: Ctx, item: WorkItemRecord, claim: string, message: string, run: WorkRun): Promise<void> {
  try {
    await ctx.db.transact([
      { delete: { pk: item.pk, sk: item.sk }, if: { expr: '#claim = :c', values: { ':c': claim } } },
      deadLetterWrite(ctx, {
        id: item.id,
        source: `work:${item.queue}.${item.kind}`,
        ref: String(item.payload.ref ?? ''),
        attempts: item.attempts,
        lastError: message,
        firstAt: item.createdAt,
        record: { payload: item.payload, cursor: item.cursor, step: item.step },
      }),
    ]);
    run.deadLettered++;
  } catch (e) {
    if (!(e instanceof TransactionCancelled || e instanceof BusyError)) throw e; // taken over meanwhile, or busy: the next run
  }
}

// --- the commonest work: telling many people the same thing ---

/** People told per chunk: 3 writes each (inbox item, unread count, outbox record) and the item's progress. */
export const TELL_PER_CHUNK = 32;

type Note = Omit<Notification, 'userId' | 'dedupeKey'>;
interface TellPayload {
  ref: string;
  /** each group: the same notification to each of its people */
  groups: { note: Note; userIds: string[] }[];
}

/**
 * The work item that tells each of `notes` once, TELL_PER_CHUNK people a chunk (a kind named `tell` in the queue's
 * kinds: `{ tell: tellStep }`). Notifications that differ only by person are stored once, so a thousand people fit in
 * an item. No dedupe keys: the chunk's progress in the same transaction makes each chunk land once.
 */
export function tellWrite(ctx: Ctx, queue: string, ref: string, notes: readonly Notification[]): TxWrite {
  const groups = new Map<string, TellPayload['groups'][number]>();
  for (const { userId, dedupeKey, ...note } of notes) {
    void dedupeKey;
    const key = JSON.stringify(note);
    if (!groups.has(key)) groups.set(key, { note, userIds: [] });
    groups.get(key)!.userIds.push(userId);
  }
  return workItemWrite(ctx, queue, 'tell', { ref, groups: [...groups.values()] });
}

/** One chunk of a `tell`: the cursor is the group and the offset in it. */
export const tellStep: WorkStep<TellPayload> = async (ctx, payload, cursor) => {
  let [g, at] = (cursor ?? '0:0').split(':').map(Number) as [number, number];
  const writes: TxWrite[] = [];
  let room = TELL_PER_CHUNK;
  const seen = new Set<string>();
  while (g < payload.groups.length && room > 0) {
    const group = payload.groups[g]!;
    let n = 0;
    // one person twice in a chunk would touch their unread count twice: the next chunk takes the second
    while (n < room && at + n < group.userIds.length && !seen.has(group.userIds[at + n]!)) {
      const userId = group.userIds[at + n]!;
      seen.add(userId);
      writes.push(...notificationWrites(ctx, { ...group.note, userId }));
      n++;
    }
    room -= n;
    at += n;
    if (at < group.userIds.length) break;
    g++;
    at = 0;
  }
  return { writes, next: g < payload.groups.length ? `${g}:${at}` : undefined };
};

// --- dead letters: what the outbox and the workers gave up on ---

export interface DeadLetter {
  id: string;
  /** `outbox` or `work:<queue>.<kind>` */
  source: string;
  /** what it was about, without personal data: a template, a matter or place id */
  ref: string;
  attempts: number;
  lastError: string;
  firstAt: string;
  failedAt: string;
}

/** The put of a dead letter; `record` keeps what a redrive would need (never shown by the list). */
export function deadLetterWrite(ctx: Pick<Ctx, 'clock'>, dl: Omit<DeadLetter, 'failedAt'> & { record: Item }): TxWrite {
  const failedAt = ctx.clock.now().toISOString();
  return {
    put: { ...keys.deadLetter(failedAt, dl.id), entity: 'deadLetter', ...dl, lastError: dl.lastError.slice(0, 200), failedAt, expiresAt: Math.floor(ctx.clock.now().getTime() / 1000) + 90 * 86_400 },
  };
}

/** Dead letters, newest first (kept 90 days). */
export async function listDeadLetters(ctx: Pick<Ctx, 'db'>, q: { cursor?: string; limit?: number }): Promise<{ items: DeadLetter[]; cursor?: string }> {
  const page = await ctx.db.query<DeadLetter & Item>({ pk: keys.deadLetter('', '').pk, ascending: false, limit: q.limit ?? 50, cursor: q.cursor });
  return {
    items: page.items.map(({ id, source, ref, attempts, lastError, firstAt, failedAt }) => ({ id, source, ref, attempts, lastError, firstAt, failedAt })),
    cursor: page.cursor,
  };
}

// --- small helpers ---

/** Runs `fn` over `items` with at most `limit` at once; stops taking new ones once `more()` says no. */
export async function eachAtMost<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>, more: () => boolean = () => true): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && more()) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export function errorText(e: unknown): string {
  return (e instanceof Error ? `${e.name}: ${e.message}` : 'unknown').slice(0, 200);
}

function isConditionFailed(e: unknown): boolean {
  return e instanceof ConditionFailed;
}

/**
 * The rows of a chunked import's parts (an import stores its checked rows in parts its work item then applies), read
 * once per container, since a part never changes; the last few kept.
 */
export function importPartReader<Row>(what: string, keyOf: (importId: string, part: number) => { pk: string; sk: string }) {
  const cache = new Map<string, Row[]>();
  return async (ctx: Ctx, importId: string, part: number): Promise<Row[]> => {
    const key = `${importId}#${part}`;
    let rows = cache.get(key);
    if (!rows) {
      const item = await ctx.db.get<{ rows: Row[] }>(keyOf(importId, part), true);
      if (!item) throw new Error(`${what} ${importId}: part ${part} is missing`);
      rows = item.rows;
      if (cache.size >= 4) cache.delete(cache.keys().next().value!);
      cache.set(key, rows);
    }
    return rows;
  };
}
