import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConditionFailed, type Db } from '../functions/platform/db';

/**
 * What the one-off migrations of a deployed table share (scripts/migrate*.ts): a Scan one page at a time, resumable from
 * the cursor each page prints; an item rewritten on a condition, read again and retried when the app wrote it meanwhile;
 * the command line.
 */
export type Raw = Record<string, unknown>;

export interface ScanOptions {
  client: DynamoDBClient;
  tableName: string;
  /** items a Scan page reads (100 by default) */
  page?: number;
  /** a cursor printed by an earlier run */
  from?: string;
  filter: string;
  names: Record<string, string>;
  values: Record<string, AttributeValue>;
  log?: (line: string) => void;
}

/**
 * Every page of the filtered Scan, each item handed to `onPage` unmarshalled; `onPage` answers what the page's log line
 * says of it (e.g. `old 3`). Answers the pages and items scanned, and the cursor after the last page read (none at the end).
 */
export async function scanPages(opts: ScanOptions, onPage: (items: Raw[]) => Promise<string>): Promise<{ pages: number; scanned: number; cursor?: string }> {
  const log = opts.log ?? (() => {});
  const out: { pages: number; scanned: number; cursor?: string } = { pages: 0, scanned: 0 };
  let start: Record<string, AttributeValue> | undefined = opts.from ? JSON.parse(Buffer.from(opts.from, 'base64url').toString('utf8')) : undefined;
  do {
    const page = await opts.client.send(
      new ScanCommand({
        TableName: opts.tableName,
        Limit: opts.page ?? 100,
        ExclusiveStartKey: start,
        FilterExpression: opts.filter,
        ExpressionAttributeNames: opts.names,
        ExpressionAttributeValues: opts.values,
      }),
    );
    out.pages += 1;
    out.scanned += page.ScannedCount ?? 0;
    const said = await onPage((page.Items ?? []).map((raw) => unmarshall(raw) as Raw));
    start = page.LastEvaluatedKey;
    out.cursor = start ? Buffer.from(JSON.stringify(start)).toString('base64url') : undefined;
    log(`page ${out.pages}: scanned ${page.ScannedCount ?? 0}, ${said}${out.cursor ? `, cursor ${out.cursor}` : ', last page'}`);
  } while (start);
  return out;
}

/**
 * One item rewritten by `write`, which answers 'gone' when the item (as read) needs nothing more; a write that lost to
 * the app (ConditionFailed) reads the item again and tries again, 3 times in all, then answers 'skipped' (left for the
 * next run).
 */
export async function rewriteWithRetry(db: Db, first: Raw, write: (it: Raw) => Promise<'done' | 'gone'>): Promise<'done' | 'gone' | 'skipped'> {
  let it: Raw | undefined = first;
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (!it) return 'gone';
    try {
      return await write(it);
    } catch (e) {
      if (!(e instanceof ConditionFailed)) throw e;
      // the app wrote it meanwhile: read it as it is now
      it = await db.get<Raw>({ pk: first.pk as string, sk: first.sk as string }, true);
    }
  }
  return 'skipped';
}

/** The options every migration takes on its command line: `--page N`, `--from <cursor>`, `--dry-run`. */
export function migrationArgs(argv = process.argv.slice(2)): { page?: number; from?: string; dryRun: boolean } {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { page: arg('--page') ? Number(arg('--page')) : undefined, from: arg('--from'), dryRun: argv.includes('--dry-run') };
}

/** Runs a script's main when the file is run itself; an error is printed and exits 1. */
export function runWhenMain(mod: NodeModule, main: () => Promise<void>): void {
  if (require.main !== mod) return;
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
