/**
 * Issue 11 item 2, for a deployed stage: moves relief's documents from the old prefix `relief/` (the photo bucket's
 * SSE-S3) to `relief-docs/` (SSE-KMS under the relief key, readable by the reliefCases role alone), and rewrites the
 * keys the table holds:
 * - an application (`RAPP#<id> / APP`): its `documents[].key` and its `consent.photoKey` (the signed paper form);
 * - its consent item (`RAPP#<id> / CONSENT`): `photoKey`.
 * `relief/<uploader>/<id>.<ext>` becomes `relief-docs/<uploader>/<id>.<ext>`: the document's id (its file name) is
 * the same, so what a phone holds keeps working.
 *
 * Each object is copied first (CopyObject with SSE-KMS under the relief key and relief's encryption context, its tags
 * with it), then the item is updated on a condition (the keys still as read, and for the application its version as
 * read), so a copy never lost leaves an item pointing at nothing. A document whose object is gone (expired, never
 * sent) is rewritten all the same (counted as `missing`): nothing reads the old prefix any more. A write that lost to
 * the app is read again and retried, up to 3 times, else left for the next run. Idempotent: an item with no old key
 * is passed over, and a copy already made is not made again; resumable from the cursor a page line printed
 * (`--from <cursor>`). The old objects are left where they are: delete `relief/` once a run says `rewritten 0`.
 *
 * Run once after the deploy of the documents' prefix, from an operator's shell with the stage's credentials (Scan and
 * UpdateItem on the table; s3:GetObject on relief/*, s3:PutObject on relief-docs/*; kms:GenerateDataKey on the
 * relief key with its encryption context):
 *   LINLI_ENV=prod AWS_REGION=cn-north-1 TABLE_NAME=<table> UPLOAD_BUCKET=<bucket> RELIEF_KMS_KEY_ID=<ReliefKey id> \
 *   npx tsx scripts/migrateReliefDocuments.ts [--page 100] [--from <cursor>] [--dry-run]
 * It prints a line per page (counts and the cursor) and a total; run it again until it says `rewritten 0`.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Db, dynamoClient } from '../functions/platform/db';
import { keys } from '../functions/platform/keys';
import { s3Storage, type Storage } from '../functions/platform/storage';
import { documentsEncryption } from '../functions/relief/commands/documents';
import { DOCUMENTS_PREFIX, LEGACY_DOCUMENTS_PREFIX } from '../shared/relief/schemas';
import { migrationArgs, rewriteWithRetry, runWhenMain, scanPages, type Raw } from './migration';

type Doc = { kind: string; key: string };

export interface DocumentsMigrationResult {
  pages: number;
  scanned: number;
  /** items rewritten: applications and their consent items */
  rewritten: { applications: number; consents: number };
  /** objects copied to the new prefix */
  copied: number;
  /** keys rewritten whose object was gone (and not yet under the new prefix either) */
  missing: number;
  /** items that lost to the app three times: left for the next run */
  skipped: number;
  cursor?: string;
}

const isOld = (key: unknown): key is string => typeof key === 'string' && key.startsWith(LEGACY_DOCUMENTS_PREFIX);
export const newKeyOf = (key: string): string => `${DOCUMENTS_PREFIX}${key.slice(LEGACY_DOCUMENTS_PREFIX.length)}`;

export async function migrateReliefDocuments(opts: {
  client: DynamoDBClient;
  tableName: string;
  storage: Storage;
  page?: number;
  from?: string;
  dryRun?: boolean;
  log?: (line: string) => void;
}): Promise<DocumentsMigrationResult> {
  const db = new Db(opts.client, opts.tableName);
  const out: DocumentsMigrationResult = { pages: 0, scanned: 0, rewritten: { applications: 0, consents: 0 }, copied: 0, missing: 0, skipped: 0 };
  const scan = await scanPages(
    {
      ...opts,
      // the old prefix inside a list of maps cannot be filtered on: the two entities, then each item looked at
      filter: '#entity IN (:app, :consent)',
      names: { '#entity': 'entity' },
      values: { ':app': { S: 'reliefApplication' }, ':consent': { S: 'reliefConsent' } },
    },
    async (items) => {
      let old = 0;
      for (const it of items) {
        if (!oldKeysOf(it).length) continue;
        old += 1;
        if (opts.dryRun) continue;
        const done = await rewrite(db, opts.storage, it, out);
        if (done === 'skipped') out.skipped += 1;
        else if (done === 'done') out.rewritten[it.entity === 'reliefConsent' ? 'consents' : 'applications'] += 1;
      }
      return `with old keys ${old}`;
    },
  );
  return { ...out, ...scan };
}

/** The old keys an item still names. */
function oldKeysOf(it: Raw): string[] {
  if (it.entity === 'reliefConsent') return isOld(it.photoKey) ? [it.photoKey] : [];
  if (it.entity !== 'reliefApplication') return [];
  const docs = ((it.documents as Doc[] | undefined) ?? []).map((d) => d.key).filter(isOld);
  const photo = (it.consent as { photoKey?: string } | undefined)?.photoKey;
  return [...docs, ...(isOld(photo) ? [photo] : [])];
}

/** Copies an old object to its new key under SSE-KMS, unless the copy is there already. */
async function copy(storage: Storage, key: string, out: DocumentsMigrationResult): Promise<void> {
  const to = newKeyOf(key);
  if (await storage.head(to)) return;
  if (!(await storage.head(key))) {
    out.missing += 1;
    return;
  }
  await storage.copySealed(key, to, documentsEncryption());
  out.copied += 1;
}

/** One item: its objects copied, then its keys rewritten on a condition; lost to the app: read again and retried. */
async function rewrite(db: Db, storage: Storage, first: Raw, out: DocumentsMigrationResult): Promise<'done' | 'gone' | 'skipped'> {
  return rewriteWithRetry(db, first, async (it) => {
    const old = oldKeysOf(it);
    if (!old.length) return 'gone';
    for (const key of [...new Set(old)]) await copy(storage, key, out);
    if (it.entity === 'reliefConsent') {
      await db.update({ pk: it.pk as string, sk: it.sk as string }, { set: { photoKey: newKeyOf(it.photoKey as string) }, if: { expr: '#photoKey = :old', values: { ':old': it.photoKey } } });
    } else {
      const documents = ((it.documents as Doc[] | undefined) ?? []).map((d) => (isOld(d.key) ? { ...d, key: newKeyOf(d.key) } : d));
      const consent = it.consent as { photoKey?: string } | undefined;
      const set: Record<string, unknown> = { documents };
      if (consent && isOld(consent.photoKey)) set.consent = { ...consent, photoKey: newKeyOf(consent.photoKey) };
      await db.update(keys.reliefApplication(it.id as string), { set, if: { expr: '#version = :v', values: { ':v': it.version } } });
    }
    return 'done';
  });
}

async function main() {
  const tableName = process.env.TABLE_NAME;
  const bucket = process.env.UPLOAD_BUCKET;
  if (!tableName || !bucket) throw new Error('TABLE_NAME and UPLOAD_BUCKET must name the table and the bucket');
  if (!process.env.RELIEF_KMS_KEY_ID && process.env.LINLI_ENV !== 'local') throw new Error('RELIEF_KMS_KEY_ID must name the relief key');
  const result = await migrateReliefDocuments({
    client: dynamoClient(),
    tableName,
    storage: s3Storage({ bucket, region: process.env.AWS_REGION ?? 'cn-north-1', endpoint: process.env.S3_ENDPOINT, publicEndpoint: process.env.S3_ENDPOINT }),
    ...migrationArgs(),
    log: (line) => console.log(line),
  });
  const n = result.rewritten;
  console.log(`rewritten ${n.applications + n.consents} (applications ${n.applications}, consent items ${n.consents}), copied ${result.copied}, missing ${result.missing}, skipped ${result.skipped}, scanned ${result.scanned} in ${result.pages} pages`);
}

runWhenMain(module, main);
