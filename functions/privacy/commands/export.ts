import type { ExportState } from '../../../shared/privacy/schemas';
import { retentionDays } from '../../../shared/privacy/retention';
import type { Ctx, UserCtx } from '../../platform/context';
import { TransactionCancelled } from '../../platform/db';
import { workItemWrite, type WorkStep } from '../../platform/work';
import { writeXlsx, type Cell } from '../../platform/xlsx';
import { privacyPorts } from '../../ports';
import { EXPORTS_PREFIX, EXPORT_URL_SECONDS, privacyFiles } from '../files';
import * as store from '../store';

export const PRIVACY_QUEUE = 'privacy';
const DAY_MS = 86_400_000;

/**
 * 第四十五条: my data as a download. The request records the export and its work item in one transaction; the privacy
 * worker gathers every capability's records of me through their ports into one JSON file and a readable xlsx. One
 * export at a time: asking again while one is being prepared answers that one.
 */
export async function startExport(ctx: UserCtx): Promise<ExportState> {
  const userId = ctx.principal.userId;
  const exportId = ctx.newId();
  const at = ctx.clock.now().toISOString();
  try {
    await ctx.db.transact([
      {
        put: { ...store.privacyKeys.exportRecord(userId), entity: 'dataExport', userId, exportId, state: 'preparing', requestedAt: at },
        if: { expr: 'attribute_not_exists(#pk) OR #state <> :p', values: { ':p': 'preparing' } },
        tag: 'preparing',
      },
      workItemWrite(ctx, PRIVACY_QUEUE, 'export', { ref: exportId, userId, exportId }),
    ]);
  } catch (e) {
    if (!(e instanceof TransactionCancelled && e.failed('preparing'))) throw e;
  }
  return readExport(ctx);
}

export async function readExport(ctx: UserCtx): Promise<ExportState> {
  const r = await store.getExport(ctx.db, ctx.principal.userId);
  const now = ctx.clock.now().toISOString();
  if (!r || (r.state === 'ready' && r.expiresAt! <= now)) return { state: 'none' };
  if (r.state !== 'ready') return { state: r.state, requestedAt: r.requestedAt };
  const files = privacyFiles(ctx.config);
  return {
    state: 'ready',
    requestedAt: r.requestedAt,
    readyAt: r.readyAt,
    expiresAt: r.expiresAt,
    counts: r.counts,
    url: await files.url(r.fileKey!, EXPORT_URL_SECONDS),
    ...(r.xlsxKey ? { xlsxUrl: await files.url(r.xlsxKey, EXPORT_URL_SECONDS) } : {}),
  };
}

/** Everything held about a person, by section, through the ports (each masks as its app does). */
export async function gatherRecords(ctx: Ctx, userId: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const port of privacyPorts.personalRecords) out[port.section] = await port.export(ctx, userId);
  return out;
}

/** The records flattened to rows (section, record, field path, value) for the xlsx a person can read. */
export function rowsOf(data: Record<string, unknown[]>): Cell[][] {
  const rows: Cell[][] = [['类别 section', '序号 #', '字段 field', '内容 value']];
  const walk = (section: string, n: number, path: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(section, n, `${path}[${i}]`, x));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(section, n, path ? `${path}.${k}` : k, x);
    else rows.push([section, n, path, typeof v === 'number' ? v : String(v)]);
  };
  for (const [section, records] of Object.entries(data)) records.forEach((r, i) => walk(section, i + 1, '', r));
  return rows;
}

/** The worker's one chunk of an export: the files first (idempotent by key), then the record says ready. */
export const exportStep: WorkStep<{ userId: string; exportId: string }> = async (ctx, payload) => {
  const { userId, exportId } = payload;
  // the person asked again since, or closed the account: nothing to write
  if ((await store.getExport(ctx.db, userId))?.exportId !== exportId) return { writes: [] };
  const data = await gatherRecords(ctx, userId);
  const now = ctx.clock.now();
  const doc = { format: 'linli-personal-data/1', userId, exportedAt: now.toISOString(), sections: data };
  const files = privacyFiles(ctx.config);
  const fileKey = `${EXPORTS_PREFIX}${userId}/${exportId}.json`;
  const xlsxKey = `${EXPORTS_PREFIX}${userId}/${exportId}.xlsx`;
  await files.put(fileKey, JSON.stringify(doc, null, 2), 'application/json; charset=utf-8');
  await files.put(xlsxKey, writeXlsx(rowsOf(data), '我的数据'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const expiresAt = new Date(now.getTime() + retentionDays('dataExport') * DAY_MS).toISOString();
  const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]));
  return {
    writes: [
      {
        update: store.privacyKeys.exportRecord(userId),
        spec: { set: { state: 'ready', readyAt: now.toISOString(), expiresAt, fileKey, xlsxKey, counts, ...store.privacyKeys.exportDue(expiresAt, userId) }, if: { expr: '#exportId = :e', values: { ':e': exportId } } },
      },
    ],
  };
};
