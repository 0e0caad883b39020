import type { z } from 'zod';
import type { CaseImport, CaseImportInput, ImportRowError } from '../../../shared/cases/schemas';
import { TicketNo } from '../../../shared/cases/schemas';
import { cityCaseKind } from '../../../shared/cases/kinds/cityCase';
import { addDuration, stepDeadline, type CaseSource } from '../../../shared/cases/machine';
import { chinaMonth, parseChinaDateTime } from '../../../shared/platform/chinaTime';
import { parseCsv } from '../../../shared/relief/csv';
import type { UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { figureAdds } from '../../platform/figures';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { getUnit } from '../../platform/units';
import { excelDate, looksLikeZip, readXlsx, XlsxError } from '../../platform/xlsx';
import { importPartReader, MAX_TX_ITEMS, workItemWrite, type WorkStep } from '../../platform/work';
import { caseItem, historyItem, presentTickets, ticketItem, type CaseRecord, type HistoryRecord } from '../store';

/** The case engine's work queue (functions/cases/jobs.ts drains it). */
export const CASES_QUEUE = 'cases';
/** rows a part item holds (~250 bytes a row: far under 400 KB) */
const ROWS_PER_PART = 500;
/** rows a worker transaction writes: 3 items each (case, ticket, history), the figures' counters, the import's counts */
export const ROWS_PER_CHUNK = 25;
export const MAX_IMPORT_ROWS = 5000;

/** The export's columns, by the headers the city systems print (the first one is what an error names). */
const columns = {
  ticketNo: ['工单编号', '工单号', '案件编号', 'ticketno'],
  source: ['来源', '案件来源', 'source'],
  category: ['问题类别', '类别', '小类', 'category'],
  title: ['诉求内容', '标题', '问题描述', 'title'],
  place: ['地点', '发生地址', '地址', 'place'],
  receivedAt: ['受理时间', '登记时间', 'receivedat'],
  deadlineAt: ['办理时限', '处置时限', 'deadline'],
} as const;
type Column = keyof typeof columns;
const optionalColumns: readonly Column[] = ['source', 'deadlineAt'];

const sourceWords: Record<string, CaseSource> = {
  '12345': 'hotline', 热线: 'hotline', 政府热线: 'hotline', 市民热线: 'hotline', hotline: 'hotline',
  巡查: 'patrol', 网格巡查: 'patrol', 数字城管: 'patrol', 监督员上报: 'patrol', patrol: 'patrol',
  居民: 'resident', 居民反映: 'resident', 群众举报: 'resident', resident: 'resident',
};

/** A checked row as a part holds it, with the id its case will have (decided now, so a retried chunk writes the same). */
interface ImportRow {
  id: string;
  ticketNo: string;
  source: CaseSource;
  category: string;
  title: string;
  place: string;
  receivedAt: string;
  deadlineAt: string;
}

interface ImportPayload {
  ref: string;
  subdistrictId: string;
  communityId: string;
  parts: number;
  byId: string;
  byName?: string;
  [k: string]: unknown;
}

interface ImportRecord {
  id: string;
  communityId: string;
  subdistrictId: string;
  fileName?: string;
  state: 'writing' | 'done';
  rows: number;
  present: number;
  toWrite: number;
  written: number;
  byId: string;
  createdAt: string;
}

const stateOf = (r: ImportRecord): CaseImport => ({
  id: r.id,
  communityId: r.communityId,
  fileName: r.fileName,
  state: r.state,
  rows: r.rows,
  present: r.present,
  toWrite: r.toWrite,
  written: r.written,
  createdAt: r.createdAt,
});

/** Who may import into a community (and read its imports): its community workers and its sub-district's officers. */
function mayImport(ctx: UserCtx, at: { subdistrictId: string; communityId: string }): void {
  const ok = ctx.principal.grants.some((g) => (g.role === 'communityWorker' && g.unitId === at.communityId) || (g.role === 'subdistrictOfficer' && g.unitId === at.subdistrictId));
  if (!ok) throw new ForbiddenError();
}

function sheetRows(base64: string): string[][] {
  const bytes = Buffer.from(base64, 'base64');
  try {
    return readXlsx(bytes).filter((r) => r.some((f) => f.trim() !== ''));
  } catch (e) {
    if (e instanceof XlsxError) throw new UnprocessableError('XLSX_UNREADABLE', { reason: looksLikeZip(bytes) ? e.reason : 'notZip' });
    throw e;
  }
}

/** A time as the export prints it (`2026-03-05 09:30`, `2026/3/5 9:30`, a date alone, or an Excel date serial), as an instant. */
function timeOf(text: string): string | undefined {
  const t = text.trim();
  const serialDay = excelDate(t);
  if (serialDay) return parseChinaDateTime(`${serialDay} 00:00`);
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$/.exec(t);
  if (!m) return undefined;
  return parseChinaDateTime(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')} ${m[4] ?? '00'}:${m[5] ?? '00'}`);
}

/**
 * Checks every row of the city system's export (12345 / 数字城管) for one community: any error and nothing is written
 * (422 IMPORT_INVALID with the rows, their columns and codes). Tickets the sub-district already has are left alone
 * (re-importing a file adds nothing); the new rows are put in parts beside an import record, with a work item, in one
 * transaction: the worker (drainCasesWork) writes them ROWS_PER_CHUNK at a time, each case with its ticket key (only
 * where absent), its history entry and the figures' counters. The request never writes 5,000 cases itself: 200
 * transactions in series would outlive the 30 s of the HTTP API.
 */
export async function importTickets(ctx: UserCtx, input: z.output<typeof CaseImportInput>): Promise<CaseImport> {
  const community = await getUnit(ctx.db, input.communityId);
  if (!community || community.kind !== 'community') throw new NotFoundError('community');
  const subdistrictId = community.path[0]!;
  mayImport(ctx, { subdistrictId, communityId: community.id });
  const rows = input.format === 'csv' ? parseCsv(input.content).filter((r) => r.some((f) => f.trim() !== '')) : sheetRows(input.content);
  const errors: ImportRowError[] = [];
  const fail = (row: number, code: string, message: string, column?: string) => errors.push({ row, column, code, message });
  if (rows.length < 2) throw new UnprocessableError('IMPORT_INVALID', { errors: [{ row: 1, code: 'EMPTY', message: '文件没有数据行' }], errorCount: 1 });
  if (rows.length > MAX_IMPORT_ROWS + 1) throw new UnprocessableError('IMPORT_INVALID', { errors: [{ row: 1, code: 'TOO_MANY_ROWS', message: `一次最多导入 ${MAX_IMPORT_ROWS} 行` }], errorCount: 1 });
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const at = {} as Record<Column, number>;
  for (const col of Object.keys(columns) as Column[]) {
    const i = header.findIndex((h) => (columns[col] as readonly string[]).includes(h));
    if (i < 0 && !optionalColumns.includes(col)) fail(1, 'MISSING_COLUMN', `缺少列：${columns[col][0]}`, col);
    at[col] = i;
  }
  if (errors.length) throw new UnprocessableError('IMPORT_INVALID', { errors, errorCount: errors.length });

  const kind = cityCaseKind;
  const seen = new Map<string, number>();
  const checked: ImportRow[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const get = (c: Column) => (at[c] >= 0 ? (cells[at[c]] ?? '').trim() : '');
    const before = errors.length;
    const ticket = TicketNo.safeParse(get('ticketNo'));
    if (!ticket.success) fail(row, 'TICKET', '工单编号应为 4–32 位字母、数字或 -', 'ticketNo');
    const sourceText = get('source');
    const source = sourceText ? sourceWords[sourceText.toLowerCase()] ?? sourceWords[sourceText] : 'hotline';
    if (!source) fail(row, 'SOURCE', '来源应为 12345热线、巡查或居民反映', 'source');
    const categoryText = get('category');
    const category = kind.categories.find((c) => c.code === categoryText || c.zh === categoryText);
    if (!category) fail(row, 'CATEGORY', '问题类别不在数字城管的 5 类 18 项之内', 'category');
    const title = get('title');
    if (title.length < 2 || title.length > 60) fail(row, 'TITLE', '诉求内容应为 2–60 字', 'title');
    const place = get('place');
    if (place.length < 2 || place.length > 120) fail(row, 'PLACE', '地点应为 2–120 字', 'place');
    const receivedAt = timeOf(get('receivedAt'));
    if (!receivedAt) fail(row, 'RECEIVED_AT', '受理时间应为 YYYY-MM-DD HH:mm', 'receivedAt');
    else if (receivedAt > ctx.clock.now().toISOString()) fail(row, 'RECEIVED_AT', '受理时间不能晚于现在', 'receivedAt');
    const deadlineText = get('deadlineAt');
    const deadlineAt = deadlineText ? timeOf(deadlineText) : receivedAt && addDuration(receivedAt, kind.defaultDeadline!);
    if (!deadlineAt || (receivedAt && deadlineAt < receivedAt)) fail(row, 'DEADLINE', '办理时限应为受理时间之后的日期时间', 'deadlineAt');
    if (errors.length > before || !ticket.success || !source || !category || !receivedAt || !deadlineAt) return;
    if (seen.has(ticket.data)) {
      fail(row, 'DUPLICATE', `与第 ${seen.get(ticket.data)} 行的工单编号重复`, 'ticketNo');
      return;
    }
    seen.set(ticket.data, row);
    checked.push({ id: '', ticketNo: ticket.data, source, category: category.code, title, place, receivedAt, deadlineAt });
  });
  if (errors.length) throw new UnprocessableError('IMPORT_INVALID', { errors: errors.slice(0, 200), errorCount: errors.length });

  const present = await presentTickets(ctx.db, subdistrictId, checked.map((r) => r.ticketNo));
  const fresh = checked.filter((r) => !present.has(r.ticketNo)).map((r) => ({ ...r, id: ctx.newId() }));
  const importId = ctx.newId();
  const createdAt = ctx.clock.now().toISOString();
  const parts: ImportRow[][] = [];
  for (let i = 0; i < fresh.length; i += ROWS_PER_PART) parts.push(fresh.slice(i, i + ROWS_PER_PART));
  const record: ImportRecord = {
    id: importId,
    communityId: community.id,
    subdistrictId,
    fileName: input.fileName,
    state: parts.length ? 'writing' : 'done',
    rows: checked.length,
    present: checked.length - fresh.length,
    toWrite: fresh.length,
    written: 0,
    byId: ctx.principal.userId,
    createdAt,
  };
  const payload: ImportPayload = { ref: importId, subdistrictId, communityId: community.id, parts: parts.length, byId: ctx.principal.userId, byName: ctx.principal.displayName };
  const writes: TxWrite[] = [
    { put: { ...keys.caseImport(importId), entity: 'caseImport', ...record }, if: { expr: 'attribute_not_exists(#pk)' } },
    ...parts.map((rows, i) => ({ put: { ...keys.caseImportPart(importId, i), entity: 'caseImportPart', rows } })),
    ...(parts.length ? [workItemWrite(ctx, CASES_QUEUE, 'importTickets', payload)] : []),
  ];
  const answer = await transactCreate(ctx, writes, stateOf(record));
  ctx.log.info('cases import', { communityId: community.id, importId: answer.id, rows: checked.length, fresh: fresh.length });
  return answer;
}

export async function importState(ctx: UserCtx, importId: string): Promise<CaseImport> {
  const r = await ctx.db.get<ImportRecord & Record<string, unknown>>(keys.caseImport(importId), true);
  if (!r) throw new NotFoundError('import');
  mayImport(ctx, r);
  return stateOf(r);
}

const partRows = importPartReader<ImportRow>('cases import', keys.caseImportPart);

/** The case an imported row becomes (raised by the importer, at the ticket's own time: counted in that month). */
export function importedCase(r: ImportRow, p: ImportPayload): { record: CaseRecord; history: HistoryRecord } {
  const kind = cityCaseKind;
  const record: CaseRecord = {
    id: r.id,
    kind: kind.kind,
    category: r.category,
    subdistrictId: p.subdistrictId,
    communityId: p.communityId,
    title: r.title,
    place: { text: r.place },
    ticketNo: r.ticketNo,
    source: r.source,
    state: kind.initial,
    deadlineAt: r.deadlineAt,
    stepDeadlineAt: stepDeadline(kind, kind.initial, r.receivedAt),
    raisedBy: p.byId,
    raisedByName: p.byName,
    sessions: 0,
    photoKeys: [],
    done: [],
    importId: p.ref,
    createdAt: r.receivedAt,
    updatedAt: r.receivedAt,
    version: 0,
  };
  const history: HistoryRecord = { caseId: r.id, version: 0, action: 'raise', to: kind.initial, by: p.byId, byName: p.byName, at: r.receivedAt, note: `导入工单 ${r.ticketNo}` };
  return { record, history };
}

/**
 * One chunk of an import (`part:offset`): the chunk's tickets already present are read first (a patrol case or another
 * import may have taken one since the request checked), the rest put with their ticket keys only where absent, with
 * the figures' counters for exactly those and the import's counts. A ticket taken meanwhile fails the transaction; the
 * worker calls this again, which reads again, so a counter never counts a case twice nor one that is not there.
 */
export const importTicketsStep: WorkStep<ImportPayload> = async (ctx, p, cursor) => {
  const [part, offset] = (cursor ?? '0:0').split(':').map(Number) as [number, number];
  const rows = await partRows(ctx, p.ref, part);
  const chunk = rows.slice(offset, offset + ROWS_PER_CHUNK);
  const present = await presentTickets(ctx.db, p.subdistrictId, chunk.map((r) => r.ticketNo));
  const absent = chunk.filter((r) => !present.has(r.ticketNo));
  const writes: TxWrite[] = [];
  const add = new Map<string, { at: string; deltas: Record<string, number> }>();
  for (const r of absent) {
    const { record, history } = importedCase(r, p);
    writes.push(
      { put: caseItem(record), if: { expr: 'attribute_not_exists(#pk)' } },
      { put: ticketItem(p.subdistrictId, r.ticketNo, r.id), if: { expr: 'attribute_not_exists(#pk)' } },
      { put: historyItem(history) },
    );
    const deltas = cityCaseKind.figures!({ action: 'raise', at: r.receivedAt, source: r.source, deadlineAt: r.deadlineAt });
    // one counter update per month in a transaction (DynamoDB refuses two writes of one item)
    const k = chinaMonth(r.receivedAt);
    const acc = add.get(k) ?? { at: r.receivedAt, deltas: {} };
    for (const [f, n] of Object.entries(deltas)) acc.deltas[f] = (acc.deltas[f] ?? 0) + n;
    add.set(k, acc);
  }
  for (const { at, deltas } of add.values()) writes.push(...figureAdds(p, at, 'cityCases', deltas));
  const nextOffset = offset + ROWS_PER_CHUNK;
  const last = nextOffset >= rows.length && part + 1 >= p.parts;
  writes.push({
    update: keys.caseImport(p.ref),
    spec: { add: { written: absent.length, present: chunk.length - absent.length, toWrite: -(chunk.length - absent.length) }, set: last ? { state: 'done', finishedAt: ctx.clock.now().toISOString() } : undefined },
  });
  if (writes.length > MAX_TX_ITEMS - 1) throw new Error(`cases import ${p.ref}: a chunk of ${writes.length} writes`);
  return { writes, next: last ? undefined : nextOffset < rows.length ? `${part}:${nextOffset}` : `${part + 1}:0` };
};
