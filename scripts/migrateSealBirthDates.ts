/**
 * Issue 11 item 1, for a deployed table: rewrites the items written before it, which kept a full birth date in the clear
 * beside an ID number's mask (area code and last 4, so together the whole number):
 * - a relief application (`RAPP#<id> / APP`) whose members have `birthDate`: each member gets `birthYear` and loses the
 *   date; the application gets `birthMonthHashes` (the keyed hashes its registry entry will need);
 * - a registry entry (`RREG#<c> / HH#<household>`) with `birthDates`: it gets `birthMonthHashes` and loses the dates;
 * - a volunteer (`USER#<id> / VOLUNTEER`) with `birthDate`: it gets `birthYear` and loses the date.
 *
 * In chunks: one Scan page at a time (`--page`, 100 by default), filtered to the old shapes, each item updated on its own
 * with a condition (the version as read for an application or an entry, the old attribute still there for a
 * volunteer); a write that lost to the app is read again and retried, up to 3 times, else left for the next run. Idempotent: the
 * filter and the conditions skip what is already rewritten, so a run stopped half-way is simply started again, or
 * resumed from the cursor it printed last (`--from <cursor>`).
 *
 * How it is run, once, right after the deploy of issue 11 item 1 (the new code reads both shapes, and writes an old
 * one back only when it approves an application it read in the old shape: this script catches those too, so run it
 * again if one approval happened while it ran), from an operator's shell with the stage's credentials:
 *   LINLI_ENV=prod AWS_REGION=cn-north-1 RELIEF_HASH_SECRET="$(aws ssm get-parameter --with-decryption --name <reliefHashSecret> --query Parameter.Value --output text)" \
 *   RELIEF_KMS_KEY_ID=<ReliefKey arn> TABLE_NAME=<the stage's table> npx tsx scripts/migrateSealBirthDates.ts [--page 100] [--from <cursor>] [--dry-run]
 * It needs Scan and UpdateItem on the table and the hash secret (no KMS call is made). It prints a line per page
 * (counts and the cursor) and a total; run it again until it says `rewritten 0`.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { birthMonthHash, type StoredMember } from '../functions/relief/store';
import { vaultFromEnv } from '../functions/platform/crypto';
import { Db, dynamoClient } from '../functions/platform/db';
import { keys } from '../functions/platform/keys';
import { migrationArgs, rewriteWithRetry, runWhenMain, scanPages, type Raw } from './migration';
export interface MigrationResult {
  pages: number;
  scanned: number;
  rewritten: { applications: number; registryEntries: number; volunteers: number };
  /** items that lost to the app three times: left for the next run */
  skipped: number;
  cursor?: string;
}

const FILTER =
  '(#entity = :app AND attribute_exists(#members[0].#birthDate)) OR (#entity = :reg AND attribute_exists(#birthDates)) OR (#entity = :vol AND attribute_exists(#birthDate))';

const yearOf = (date: string) => Number(date.slice(0, 4));
const monthsOf = (dates: readonly string[]) => [...new Set(dates.map((d) => d.slice(0, 7)))];

export async function migrateSealBirthDates(
  opts: { client: DynamoDBClient; tableName: string; hash: (purpose: string, value: string) => string; page?: number; from?: string; dryRun?: boolean; log?: (line: string) => void },
): Promise<MigrationResult> {
  const db = new Db(opts.client, opts.tableName);
  const out: MigrationResult = { pages: 0, scanned: 0, rewritten: { applications: 0, registryEntries: 0, volunteers: 0 }, skipped: 0 };
  const scan = await scanPages(
    {
      ...opts,
      filter: FILTER,
      names: { '#entity': 'entity', '#members': 'members', '#birthDate': 'birthDate', '#birthDates': 'birthDates' },
      values: { ':app': { S: 'reliefApplication' }, ':reg': { S: 'registryEntry' }, ':vol': { S: 'volunteer' } },
    },
    async (items) => {
      for (const it of items) {
        const done = opts.dryRun ? 'dry' : await rewrite(db, opts.hash, it);
        if (done === 'skipped') out.skipped += 1;
        else if (done !== 'gone') out.rewritten[it.entity === 'reliefApplication' ? 'applications' : it.entity === 'registryEntry' ? 'registryEntries' : 'volunteers'] += 1;
      }
      return `old ${items.length}`;
    },
  );
  return { ...out, ...scan };
}

/** One old item rewritten on a condition; lost to the app: read again and retried. 'gone': already new (or deleted). */
async function rewrite(db: Db, hash: (purpose: string, value: string) => string, first: Raw): Promise<'done' | 'gone' | 'skipped'> {
  return rewriteWithRetry(db, first, async (it) => {
    if (it.entity === 'reliefApplication') {
      const members = it.members as StoredMember[];
      if (!members.some((m) => m.birthDate)) return 'gone';
      const dates = members.flatMap((m) => (m.birthDate ? [m.birthDate] : []));
      const rewritten = members.map(({ birthDate, ...m }) => ({ ...m, birthYear: m.birthYear ?? (birthDate ? yearOf(birthDate) : undefined) }));
      const hashes = monthsOf(dates).map((m) => birthMonthHash(hash, it.householdId as string, m));
      await db.update(keys.reliefApplication(it.id as string), { set: { members: rewritten, birthMonthHashes: hashes }, if: { expr: '#version = :v', values: { ':v': it.version } } });
    } else if (it.entity === 'registryEntry') {
      const dates = (it.birthDates as string[] | undefined) ?? [];
      if (!it.birthDates) return 'gone';
      const hashes = [...new Set([...((it.birthMonthHashes as string[] | undefined) ?? []), ...monthsOf(dates).map((m) => birthMonthHash(hash, it.householdId as string, m))])];
      await db.update(keys.registryEntry(it.communityId as string, it.householdId as string), {
        set: { birthMonthHashes: hashes },
        remove: ['birthDates'],
        if: { expr: '#version = :v', values: { ':v': it.version } },
      });
    } else if (it.entity === 'volunteer') {
      if (!it.birthDate) return 'gone';
      await db.update(keys.volunteer(it.userId as string), {
        set: { birthYear: yearOf(it.birthDate as string) },
        remove: ['birthDate'],
        if: { expr: 'attribute_exists(#birthDate) AND #birthDate = :d', values: { ':d': it.birthDate } },
      });
    } else return 'gone';
    return 'done';
  });
}

async function main() {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME must name the table');
  const vault = vaultFromEnv();
  const result = await migrateSealBirthDates({
    client: dynamoClient(),
    tableName,
    hash: (purpose, value) => vault.hash(purpose, value),
    ...migrationArgs(),
    log: (line) => console.log(line),
  });
  const n = result.rewritten;
  console.log(`rewritten ${n.applications + n.registryEntries + n.volunteers} (applications ${n.applications}, registry entries ${n.registryEntries}, volunteers ${n.volunteers}), skipped ${result.skipped}, scanned ${result.scanned} in ${result.pages} pages`);
}

runWhenMain(module, main);
