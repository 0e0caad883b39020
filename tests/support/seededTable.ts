import { fixedClock } from '../../functions/platform/clock';
import { readConfig } from '../../functions/platform/config';
import type { Deps } from '../../functions/platform/context';
import { Db, dynamoClient } from '../../functions/platform/db';
import { createLogger } from '../../functions/platform/log';
import { s3Storage } from '../../functions/platform/storage';
import { wechatClient } from '../../functions/platform/wechat';
import { ensureTable } from '../../scripts/localStack';
import { seed, type SeedSummary } from '../../scripts/seed';

/**
 * The whole seed takes about two minutes; the tests that read it (tests/api/seed.test.ts, the work summary's recount)
 * share one seeded table in a jest run instead of seeding one each. DynamoDB Local lives as long as the run
 * (tests/support/globalSetup.ts), so the table outlives the test file that seeded it. The first file to ask takes a
 * lock item and seeds; any other (another worker at the same time) waits for the lock's `done`. A file that changes
 * the table must put back what it changed.
 */
export const SEED_NOW = '2026-12-01T02:00:00.000Z'; // 10:00 in China, four days before the say-it day of the 5th
const TABLE = 'seeded-shared';
const LOCK = { pk: 'TESTLOCK#seed', sk: 'LOCK' };

export async function seededTable(): Promise<{ deps: Deps; summary: SeedSummary }> {
  const client = dynamoClient(process.env.DYNAMODB_ENDPOINT);
  await ensureTable(client, TABLE);
  const config = readConfig({ ...process.env, TABLE_NAME: TABLE });
  const deps: Deps = {
    db: new Db(client, TABLE),
    clock: fixedClock(SEED_NOW),
    config,
    wechat: wechatClient(config.wechat),
    storage: s3Storage(config.uploads),
    log: createLogger(),
  };
  const mine = await deps.db.put({ ...LOCK, state: 'seeding' }, { expr: 'attribute_not_exists(#pk)' }).then(
    () => true,
    () => false,
  );
  if (mine) {
    try {
      const summary = await seed(deps);
      await deps.db.put({ ...LOCK, state: 'done', summary });
      return { deps, summary };
    } catch (e) {
      await deps.db.put({ ...LOCK, state: 'failed' });
      throw e;
    }
  }
  for (let waited = 0; waited < 600_000; waited += 1000) {
    const lock = await deps.db.get<{ state: string; summary?: SeedSummary }>(LOCK, true);
    if (lock?.state === 'done') return { deps, summary: lock.summary! };
    if (lock?.state === 'failed') throw new Error('the shared seeded table: the seed failed in another test file');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the shared seeded table was not ready within 10 minutes');
}
