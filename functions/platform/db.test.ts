import { randomBytes } from 'node:crypto';
import { TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { endpoint } from '../../shared/http';
import { ensureTable } from '../../scripts/localStack';
import { fixedClock } from './clock';
import type { Deps } from './context';
import { ConditionFailed, Db, dynamoClient, TransactionCancelled, type TxWrite } from './db';
import { ApiError, BusyError, NotFoundError } from './errors';
import { handle, route } from './http';
import { createLogger } from './log';

/**
 * The Db layer answers a refused write by what it means: the error its write names, or TransactionCancelled that says
 * by tag which write failed; contention that outlasts the retries answers 503 BUSY_TRY_AGAIN.
 */

let db: Db;
beforeAll(async () => {
  const client = dynamoClient(process.env.DYNAMODB_ENDPOINT);
  const tableName = `t-db-${randomBytes(6).toString('hex')}`;
  await ensureTable(client, tableName);
  db = new Db(client, tableName);
});

const absent = { expr: 'attribute_not_exists(#pk)' };
let n = 0;
/** a fresh key of its own for each test */
const key = (what: string) => ({ pk: `TEST#${++n}`, sk: what });

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

describe('Db.transact names its failures', () => {
  it('answers the error a write names when its condition fails, and writes nothing', async () => {
    // Prepare
    const second = key('SECOND');
    const matter = key('MATTER');
    await db.put({ ...second, at: 'before' });
    await db.put({ ...matter, secondCount: 1 });
    // Act
    const e = await caught(
      db.transact([
        { put: { ...second, at: 'again' }, if: absent, fails: 'ALREADY_SECONDED' },
        { update: matter, spec: { add: { secondCount: 1 } } },
      ]),
    );
    // Assess
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 409, code: 'ALREADY_SECONDED', messageZh: '您已附议过该事项' });
    expect(await db.get(matter, true)).toMatchObject({ secondCount: 1 });
    expect(await db.get(second, true)).toMatchObject({ at: 'before' });
  });

  it('answers 404 for a not-found code, and an error given whole as it is, with its details', async () => {
    // Prepare
    const household = key('HOUSEHOLD');
    const visit = key('VISIT');
    await db.put({ ...visit, version: 3 });
    // Act
    const missing = await caught(db.transact([{ check: household, if: { expr: 'attribute_exists(#pk)' }, fails: 'HOUSEHOLD_NOT_IN_REGISTRY' }]));
    const stale = await caught(
      db.transact([{ update: visit, spec: { add: { version: 1 }, if: { expr: '#version = :v', values: { ':v': 2 } } }, fails: new NotFoundError('visit') }]),
    );
    // Assess
    expect(missing).toMatchObject({ status: 404, code: 'HOUSEHOLD_NOT_IN_REGISTRY' });
    expect(stale).toBeInstanceOf(NotFoundError);
    expect(stale).toMatchObject({ status: 404, code: 'NOT_FOUND', details: { entity: 'visit' } });
  });

  it('answers the first of two failing named writes, in the order of the list', async () => {
    // Prepare
    const a = key('A');
    const b = key('B');
    await db.put({ ...a, version: 2 });
    await db.put(b);
    const stale: TxWrite = { update: a, spec: { set: { x: 1 }, if: { expr: '#version = :v', values: { ':v': 1 } } }, fails: 'STALE_VERSION' };
    const taken: TxWrite = { put: b, if: absent, fails: 'ALREADY_CLAIMED' };
    // Act
    const first = await caught(db.transact([stale, taken]));
    const reversed = await caught(db.transact([taken, stale]));
    // Assess
    expect(first).toMatchObject({ code: 'STALE_VERSION' });
    expect(reversed).toMatchObject({ code: 'ALREADY_CLAIMED' });
  });

  it('answers a named failure even when an unnamed write before it failed too', async () => {
    // Prepare
    const dedupe = key('DEDUPE');
    const session = key('SESSION');
    await db.put(dedupe);
    await db.put({ ...session, state: 'closed' });
    // Act
    const e = await caught(
      db.transact([
        { put: dedupe, if: absent },
        { check: session, if: { expr: '#state = :p', values: { ':p': 'inProgress' } }, fails: 'SESSION_NOT_IN_PROGRESS' },
      ]),
    );
    // Assess
    expect(e).toMatchObject({ status: 409, code: 'SESSION_NOT_IN_PROGRESS' });
  });

  it('keeps an unnamed failure a TransactionCancelled that says by tag which write failed', async () => {
    // Prepare
    const entry = key('ENTRY');
    const counter = key('COUNTER');
    await db.put(entry);
    // Act
    const e = await caught(
      db.transact([
        { update: counter, spec: { add: { free: -1 } }, tag: 'seat' },
        { put: entry, if: absent, tag: 'entry' },
      ]),
    );
    // Assess
    expect(e).toBeInstanceOf(TransactionCancelled);
    expect((e as TransactionCancelled).failed('entry')).toBe(true);
    expect((e as TransactionCancelled).failed('seat')).toBe(false);
    expect((e as TransactionCancelled).failed('nobody')).toBe(false);
    expect(await db.get(counter, true)).toBeUndefined();
  });
});

describe('Db.put and Db.update name their failures too', () => {
  it('answers the named error of a single conditional put or update', async () => {
    // Prepare
    const registry = key('REGISTRY');
    await db.put({ ...registry, version: 1 });
    // Act
    const put = await caught(db.put(registry, absent, { fails: 'ALREADY_IN_REGISTRY' }));
    const update = await caught(db.update(registry, { set: { x: 1 }, if: { expr: '#version = :v', values: { ':v': 0 } } }, { fails: 'STALE_VERSION' }));
    // Assess
    expect(put).toMatchObject({ status: 409, code: 'ALREADY_IN_REGISTRY' });
    expect(update).toMatchObject({ status: 409, code: 'STALE_VERSION' });
  });

  it('keeps ConditionFailed, with the item as it was, where the update names nothing', async () => {
    // Prepare
    const request = key('REQUEST');
    await db.put({ ...request, state: 'taken' });
    // Act
    const e = await caught(db.update(request, { set: { state: 'done' }, if: { expr: '#state = :o', values: { ':o': 'open' } } }));
    // Assess
    expect(e).toBeInstanceOf(ConditionFailed);
    expect((e as ConditionFailed).item).toMatchObject({ state: 'taken' });
  });
});

/** A client whose transactions are cancelled by contention the first `busy` times (every time when Infinity). */
function contendedClient(busy: number, reason = 'TransactionConflict') {
  let sends = 0;
  const client = {
    async send() {
      sends++;
      if (sends <= busy) {
        throw new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: [{ Code: reason }, { Code: 'None' }] });
      }
      return {};
    },
  };
  return { client: client as unknown as DynamoDBClient, sends: () => sends };
}

const twoWrites: TxWrite[] = [
  { update: { pk: 'PLACE#p', sk: 'COUNTER' }, spec: { add: { free: -1 } } },
  { put: { pk: 'PLACE#p', sk: 'RES#u' }, if: absent, fails: 'ALREADY_SECONDED' },
];

describe('contention', () => {
  it('tries again after a transaction cancelled by contention, and goes through when it clears', async () => {
    // Prepare
    const { client, sends } = contendedClient(2);
    // Act
    await new Db(client, 't').transact(twoWrites);
    // Assess
    expect(sends()).toBe(3);
  });

  it.each(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded'])('answers 503 BUSY_TRY_AGAIN when %s outlasts every retry', async (reason) => {
    // Prepare
    const { client, sends } = contendedClient(Infinity, reason);
    // Act
    const e = await caught(new Db(client, 't').transact(twoWrites));
    // Assess
    expect(e).toBeInstanceOf(BusyError);
    expect(e).toMatchObject({ status: 503, code: 'BUSY_TRY_AGAIN' });
    expect(sends()).toBe(4);
  });

  it('tells the caller of a contended request 503 BUSY_TRY_AGAIN with Retry-After, not a 500', async () => {
    // Prepare
    const { client } = contendedClient(Infinity);
    const contended = endpoint({ method: 'POST', path: '/test/contended', summary: 'a write many make at once', auth: 'public', response: z.object({ ok: z.literal(true) }) });
    const routes = [
      route(contended, async (ctx) => {
        await ctx.db.transact(twoWrites);
        return { ok: true as const };
      }),
    ];
    const deps = { db: new Db(client, 't'), clock: fixedClock('2026-12-01T02:00:00.000Z'), log: createLogger() } as unknown as Deps;
    // Act
    const res = await handle(routes, { rawPath: '/test/contended', requestContext: { requestId: 'r-1', http: { method: 'POST' } } }, deps);
    // Assess
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(JSON.parse(res.body)).toMatchObject({ code: 'BUSY_TRY_AGAIN', message: '当前人数较多，请稍后再试', requestId: 'r-1' });
  });
});
