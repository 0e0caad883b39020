import { fixedClock } from '../../functions/platform/clock';
import { readConfig } from '../../functions/platform/config';
import type { Deps } from '../../functions/platform/context';
import { Db, dynamoClient } from '../../functions/platform/db';
import { createLogger } from '../../functions/platform/log';
import { rateLimits } from '../../functions/platform/rateLimits';
import { s3Storage } from '../../functions/platform/storage';
import { wechatClient } from '../../functions/platform/wechat';
import type { StaffRateLimitName } from '../../shared/http';
import { ensureTable } from '../../scripts/localStack';
import { seed } from '../../scripts/seed';
import { SEED_NOW } from '../support/seededTable';

/**
 * The staff limits against a believable workload: the seed's half-year of workers' writes (five-list steps, relief
 * reviews and filings, cases, inspections, events, announcements, imports...) goes through the real handlers, and so
 * through the limits, at the times the seed gives each call. The seed stops at the first answer it did not expect, so
 * a limit tighter than a seeded worker's busiest hour or day fails this test with a 429. Its own table: the counters it
 * reads are the ones this seed wrote.
 */
const STAFF: readonly StaffRateLimitName[] = [
  'announcement',
  'sessionStep',
  'fiveListStep',
  'reliefStep',
  'sensitiveRead',
  'ledgerEntry',
  'elderCareSetup',
  'elderCareService',
  'eventPost',
  'roster',
  'doorCheckIn',
  'import',
  'timeGrant',
  'moderationDecision',
  'administration',
];

/** every counter the seed took: `<limit>#<per>#<window seconds>` of a subject and window -> how many requests */
const taken = new Map<string, number>();

beforeAll(async () => {
  const client = dynamoClient(process.env.DYNAMODB_ENDPOINT);
  const table = 'seed-staff-limits';
  await ensureTable(client, table);
  const config = readConfig({ ...process.env, TABLE_NAME: table });
  const db = new Db(client, table);
  // the real table, watched: each counter's increment that went through is counted here too
  const watched = Object.create(db) as Db;
  watched.update = async (key, spec, opts) => {
    const out = await db.update(key, spec, opts);
    if (key.pk.startsWith('RATE#') && spec.add?.count === 1) taken.set(`${key.pk}|${key.sk}`, (taken.get(`${key.pk}|${key.sk}`) ?? 0) + 1);
    return out as never;
  };
  const deps: Deps = { db: watched, clock: fixedClock(SEED_NOW), config, wechat: wechatClient(config.wechat), storage: s3Storage(config.uploads), log: createLogger() };
  await seed(deps);
}, 900_000);

/** The busiest subject and window of each staff limit's rule in the seed. */
function busiest(): { limit: string; window: string; count: number; max: number }[] {
  const rows: { limit: string; window: string; count: number; max: number }[] = [];
  for (const limit of STAFF) {
    for (const rule of rateLimits[limit]) {
      const prefix = `${limit}#${rule.per}#${rule.windowSeconds}#`;
      let count = 0;
      for (const [k, n] of taken) if (k.split('|')[1]!.startsWith(prefix)) count = Math.max(count, n);
      rows.push({ limit, window: rule.windowSeconds === 3600 ? 'hour' : 'day', count, max: rule.max });
    }
  }
  return rows;
}

describe("the staff limits and the seed's workers", () => {
  it("let the seed's half-year of workers' writes through, its busiest worker-hour and worker-day under every staff limit", () => {
    // Prepare, Act: the seed ran in beforeAll (a 429 would have stopped it)
    const rows = busiest();
    // the measurement, for the report and the README: each limit's busiest seeded worker-hour and -day against its max
    // eslint-disable-next-line no-console
    console.log(rows.map((r) => `${r.limit} ${r.window}: ${r.count} / ${r.max}`).join('\n'));
    // Assess: the seed's staff really went through the limits (the counters are the handlers', not this test's)
    expect(rows.filter((r) => r.count > 0).map((r) => r.limit)).toEqual(expect.arrayContaining(['announcement', 'fiveListStep', 'reliefStep', 'ledgerEntry']));
    for (const r of rows) expect(r.count).toBeLessThanOrEqual(r.max);
  });
});
