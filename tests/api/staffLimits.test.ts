import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { rateLimits } from '../../functions/platform/rateLimits';
import type { StaffRateLimitName } from '../../shared/http';
import { seededTable } from '../support/seededTable';

/**
 * The staff limits against a believable workload: the seed's half-year of workers' writes (five-list steps, relief
 * reviews and filings, cases, inspections, events, announcements, imports...) goes through the real handlers, and so
 * through the limits, at the times the seed gives each call. The seed stops at the first answer it did not expect, so
 * a limit tighter than a seeded worker's busiest hour or day fails this test with a 429. It reads the run's one seeded
 * table (tests/support/seededTable.ts, shared with seed.test.ts and the recount): the counters there are the ones the
 * handlers kept while the seed ran (DynamoDB Local does not expire them by TTL), each a subject's count in a window.
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

/** every counter the seed's requests kept: `RATE#<subject>|<limit>#<per>#<window seconds>#<window>` -> its count */
const taken = new Map<string, number>();

beforeAll(async () => {
  const { deps } = await seededTable();
  let start: Record<string, never> | undefined;
  do {
    const page = await deps.db.client.send(
      new ScanCommand({ TableName: deps.db.tableName, ExclusiveStartKey: start, FilterExpression: 'begins_with(pk, :rate)', ExpressionAttributeValues: { ':rate': { S: 'RATE#' } } }),
    );
    for (const raw of page.Items ?? []) {
      const it = unmarshall(raw) as { pk: string; sk: string; count: number };
      taken.set(`${it.pk}|${it.sk}`, it.count);
    }
    start = page.LastEvaluatedKey as never;
  } while (start);
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
