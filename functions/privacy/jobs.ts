import { PurgePayload } from '../../shared/privacy/schemas';
import { retentionDays, purgeKinds } from '../../shared/privacy/retention';
import { loadDeps, makeCtx, type Deps } from '../platform/context';
import { TransactionCancelled, type TxWrite } from '../platform/db';
import { ValidationError } from '../platform/errors';
import { job } from '../platform/job';
import { MAX_TX_ITEMS, drainWork } from '../platform/work';
import { privacyPorts } from '../ports';
import { privacyCapability } from './capability';
import { closeStep } from './commands/close';
import { PRIVACY_QUEUE, exportStep } from './commands/export';
import { privacyFiles } from './files';
import * as store from './store';

const DAY_MS = 86_400_000;

/** The privacy worker: data downloads and the rest of account closures, from the `privacy` queue. */
export const drainPrivacyWork = job(privacyCapability.functions.drainPrivacyWork!, async (deps: Deps) => drainWork(deps, PRIVACY_QUEUE, { export: exportStep, close: closeStep }));

export interface PurgeRun {
  at: string;
  exports: number;
  matters: number;
  photos: number;
  /** 助急 calls whose location was deleted */
  emergencyLocations: number;
  /** relief audit entries deleted */
  reliefAudits: number;
  /** relief files (closed 5 years before) deleted: their application items */
  reliefFiles: number;
  /** items of those files deleted (application, sealed part, consent, history, audit entries) */
  reliefFileItems: number;
}

/**
 * purgeExpired, daily: what the retention table (shared/privacy/retention.ts) says is due is deleted. Paged; each
 * transaction at most 100 items; idempotent (every delete is conditioned on what made it due, and what is gone is not
 * found again). Files are tagged pending first (the bucket's lifecycle rule deletes them), then the record forgets them:
 * a run that stops between the two leaves a record the next run finishes, never a file nobody will delete.
 * The payload (a re-run or a test) may name `at` and `kinds`; anything else is refused before anything is read.
 */
export const purgeExpired = job(privacyCapability.functions.purgeExpired!, async (deps: Deps, payload: unknown = {}): Promise<PurgeRun> => {
  const parsed = PurgePayload.safeParse(payload ?? {});
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const now = parsed.data.at ? new Date(parsed.data.at) : deps.clock.now();
  const kinds = new Set(parsed.data.kinds ?? purgeKinds);
  const ctx = makeCtx(deps, `job-purge-${now.toISOString()}`);
  const files = privacyFiles(deps.config);
  const run: PurgeRun = { at: now.toISOString(), exports: 0, matters: 0, photos: 0, emergencyLocations: 0, reliefAudits: 0, reliefFiles: 0, reliefFileItems: 0 };

  if (kinds.has('dataExport')) {
    for (;;) {
      const page = await store.listExportsDue(deps.db, now.toISOString(), MAX_TX_ITEMS);
      if (!page.items.length) break;
      await files.letGo(page.items.flatMap((e) => [e.fileKey, e.xlsxKey].filter((k): k is string => !!k)));
      const writes: TxWrite[] = page.items.map((e) => ({ delete: store.privacyKeys.exportRecord(e.userId), if: { expr: '#exportId = :e', values: { ':e': e.exportId } } }));
      run.exports += await applyEach(deps, writes);
      if (!page.cursor && page.items.length < MAX_TX_ITEMS) break;
    }
  }

  if (kinds.has('withdrawnMatterPhotos')) {
    const before = new Date(now.getTime() - retentionDays('withdrawnMatterPhotos') * DAY_MS).toISOString();
    const port = privacyPorts.withdrawnMatterPhotos;
    let cursor: string | undefined;
    do {
      const page = await port.due(ctx, before, cursor);
      if (page.items.length) {
        await files.letGo(page.items.flatMap((m) => m.photoKeys));
        run.photos += page.items.reduce((n, m) => n + m.photoKeys.length, 0);
        run.matters += await applyEach(deps, page.items.map((m) => port.forgetWrite(m, now.toISOString())));
      }
      cursor = page.next;
    } while (cursor);
  }
  const counted = { emergencyLocation: 'emergencyLocations', reliefAudit: 'reliefAudits', reliefFile: 'reliefFileItems' } as const;
  for (const kind of ['emergencyLocation', 'reliefAudit', 'reliefFile'] as const) {
    if (!kinds.has(kind)) continue;
    const before = new Date(now.getTime() - retentionDays(kind) * DAY_MS).toISOString();
    const port = privacyPorts.expiring[kind];
    let cursor: string | undefined;
    do {
      const page = await port.due(ctx, before, cursor);
      if (page.items.length) {
        // a record's files first (tagged pending), then its writes: a run stopped between them leaves a record to finish
        await files.letGo(page.items.flatMap((it) => it.files ?? []));
        const writes = page.items.map((it) => port.expireWrite(it, now.toISOString()));
        const done = await applyEach(deps, writes);
        run[counted[kind]] += done;
        if (kind === 'reliefFile') run.reliefFiles += await countGone(deps, page.items.filter((it) => it.key.sk === 'APP').map((it) => it.key));
      }
      cursor = page.next;
    } while (cursor);
  }
  deps.log.info('purgeExpired', { ...run });
  return run;
});

/** How many of these items are gone now (the files a run deleted: a re-run finds none of them). */
async function countGone(deps: Deps, itemKeys: { pk: string; sk: string }[]): Promise<number> {
  let gone = 0;
  for (const k of itemKeys) if (!(await deps.db.get(k, true))) gone++;
  return gone;
}

/** Writes in transactions of at most 100; when one is cancelled (a record changed since it was read), each alone. */
async function applyEach(deps: Deps, writes: TxWrite[]): Promise<number> {
  let done = 0;
  for (let i = 0; i < writes.length; i += MAX_TX_ITEMS) {
    const chunk = writes.slice(i, i + MAX_TX_ITEMS);
    try {
      await deps.db.transact(chunk);
      done += chunk.length;
    } catch (e) {
      if (!(e instanceof TransactionCancelled)) throw e;
      for (const w of chunk) {
        try {
          await deps.db.transact([w]);
          done++;
        } catch (err) {
          // its condition no longer holds: purged by another run, or no longer due
          if (!(err instanceof TransactionCancelled)) throw err;
        }
      }
    }
  }
  return done;
}

export const drainPrivacyWorkHandler = async () => drainPrivacyWork(await loadDeps());
export const purgeExpiredHandler = async (event?: { payload?: unknown }) => purgeExpired(await loadDeps(), event?.payload ?? {});
