import { parseCsv } from '../../../shared/relief/csv';
import { toFen } from '../../../shared/relief/figures';
import { isValidIdNumber, normalizeIdNumber } from '../../../shared/platform/idNumber';
import { maskName } from '../../../shared/platform/masking';
import { reliefCan } from '../../../shared/relief/permissions';
import { ReliefType } from '../../../shared/relief/schemas';
import { reliefTypes } from '../../../shared/relief/types';
import type { UserCtx } from '../../platform/context';
import { ConditionFailed, TransactionCancelled, type TxWrite } from '../../platform/db';
import { NotFoundError, UnprocessableError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { importPartReader, MAX_TX_ITEMS, workItemWrite, type WorkStep } from '../../platform/work';
import { keys } from '../../platform/keys';
import { excelDate, looksLikeZip, readXlsx, XlsxError } from '../../platform/xlsx';
import { getUnit, listUnits, type UnitRecord } from '../../platform/units';
import * as store from '../store';
import type { DisbursementRecord } from '../store';
import { RELIEF_QUEUE, vault } from './common';

async function communityScope(ctx: UserCtx, communityId: string): Promise<UnitRecord> {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community' || !reliefCan.manageCommunity(ctx.principal, { subdistrictId: unit.path[0]!, communityId })) throw new NotFoundError('community');
  return unit;
}

/** DynamoDB's limit on the items of one transaction. */
const TX_ITEMS = 100;
/** BatchGets in flight at once while reading which payments are present. */
const READS_AT_ONCE = 8;

/**
 * Writes payments: each put only where absent (one payment per household, type and period) with the figures' counters
 * of its (community, month, type) added in the same transaction, so a counter never counts a payment that is not
 * there, nor one twice. The payments already present are found first by BatchGet (100 keys a call, 8 calls at once),
 * so a re-import of 5,000 rows is 50 reads and no write; the absent ones go in transactions of up to 100 items (payments
 * plus one counter update per key). A transaction that meets a payment written since the read (a batch or import
 * running at the same time) names it in its cancellation reasons: that one is counted as present and the rest of the
 * transaction is sent again.
 */
export async function writePayments(ctx: UserCtx, subdistrictId: string, payments: DisbursementRecord[]): Promise<{ created: number; existing: number }> {
  const keyOf = (d: DisbursementRecord) => keys.disbursement(d.communityId, d.period, d.type, d.householdId);
  const present = new Set<string>();
  await inParallel(payments, 100, async (some) => {
    for (const i of await ctx.db.batchGet(some.map(keyOf))) present.add(`${i.pk}|${i.sk}`);
  });
  const absent = payments.filter((d) => {
    const k = keyOf(d);
    return !present.has(`${k.pk}|${k.sk}`);
  });
  let existing = payments.length - absent.length;
  let created = 0;
  // payments of one counter side by side: a transaction then holds ~97 payments and 3 counter updates, not 56 and 44
  absent.sort((a, b) => counterKeys(a)[0]!.localeCompare(counterKeys(b)[0]!));
  // one after another: every transaction adds to the same few counters, so at once they would cancel each other
  for (const chunk of chunks(absent)) {
    let todo = chunk;
    while (todo.length) {
      try {
        await ctx.db.transact(paymentWrites(subdistrictId, todo));
        created += todo.length;
        todo = [];
      } catch (e) {
        // a refused put is a payment written since the read (each put is tagged with its payment)
        if (!(e instanceof TransactionCancelled) || !todo.some((d) => e.failed(paymentTag(d)))) throw e;
        const left = todo.filter((d) => !e.failed(paymentTag(d)));
        existing += todo.length - left.length;
        todo = left;
      }
    }
  }
  return { created, existing };
}

/** Runs `work` over runs of `size` items, a few runs at a time. */
async function inParallel<T>(items: T[], size: number, work: (run: T[]) => Promise<void>, width = READS_AT_ONCE): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const run = items.slice(next, (next += size));
        await work(run);
      }
    }),
  );
}

/** Counter keys of payments: one per (community, month, type) and one per (sub-district, month, type). */
const counterKeys = (d: DisbursementRecord) => [`${d.communityId}|${d.period}|${d.type}`, `${d.period}|${d.type}`];

/** Payments in runs whose payments and counter updates make at most one transaction (of `limit` items) each. */
function chunks(payments: DisbursementRecord[], limit = TX_ITEMS): DisbursementRecord[][] {
  const out: DisbursementRecord[][] = [];
  let run: DisbursementRecord[] = [];
  let counters = new Set<string>();
  for (const d of payments) {
    const more = counterKeys(d).filter((k) => !counters.has(k)).length;
    if (run.length && run.length + 1 + counters.size + more > limit) {
      out.push(run);
      run = [];
      counters = new Set();
    }
    run.push(d);
    for (const k of counterKeys(d)) counters.add(k);
  }
  if (run.length) out.push(run);
  return out;
}

const paymentTag = (d: DisbursementRecord) => `${d.communityId}|${d.period}|${d.type}|${d.householdId}`;

/** The puts of the payments, then the counters of their communities and of the sub-district. */
function paymentWrites(subdistrictId: string, payments: DisbursementRecord[]): TxWrite[] {
  const ofCommunity = new Map<string, { c: string; p: string; t: ReliefType; h: number; n: number; fen: number }>();
  const ofSubdistrict = new Map<string, { p: string; t: ReliefType; h: number; n: number; fen: number }>();
  for (const d of payments) {
    const [ck, sk] = counterKeys(d) as [string, string];
    const c = ofCommunity.get(ck) ?? { c: d.communityId, p: d.period, t: d.type, h: 0, n: 0, fen: 0 };
    const s = ofSubdistrict.get(sk) ?? { p: d.period, t: d.type, h: 0, n: 0, fen: 0 };
    for (const acc of [c, s]) {
      acc.h += 1;
      acc.n += d.persons;
      acc.fen += d.amountFen;
    }
    ofCommunity.set(ck, c);
    ofSubdistrict.set(sk, s);
  }
  return [
    ...payments.map((d) => ({ ...store.disbursementPut(d), tag: paymentTag(d) })),
    ...[...ofCommunity.values()].map((x) => store.figureAdd(x.c, x.p, x.t, x.h, x.n, x.fen)),
    ...[...ofSubdistrict.values()].map((x) => store.subdistrictFigureAdd(subdistrictId, x.p, x.t, x.h, x.n, x.fen)),
  ];
}

/** A month's payments of a community from its approved cases that run in that month. Re-running it pays nobody twice. */
export async function createBatch(ctx: UserCtx, communityId: string, input: { period: string; type?: ReliefType }) {
  const unit = await communityScope(ctx, communityId);
  const cases = (await store.listCases(ctx.db, communityId, input.type)).filter((c) => c.fromPeriod <= input.period && (!c.untilPeriod || input.period <= c.untilPeriod));
  const createdAt = ctx.clock.now().toISOString();
  const payments: DisbursementRecord[] = cases.map((c) => ({
    communityId,
    period: input.period,
    type: c.type,
    householdId: c.householdId,
    headNameMasked: c.headNameMasked,
    persons: c.persons,
    amountFen: c.amountFen,
    status: 'pending',
    source: 'batch',
    applicationId: c.applicationId,
    createdAt,
  }));
  const { created, existing } = await writePayments(ctx, unit.path[0]!, payments);
  ctx.log.info('relief batch', { communityId, period: input.period, created, existing });
  return { created, existing, total: payments.length };
}

const columns = {
  community: ['社区', '社区名称', 'communityid', 'community'],
  headName: ['户主姓名', '姓名', 'headname'],
  idNumber: ['身份证号', '身份证号码', 'idnumber'],
  type: ['救助类型', '类型', 'type'],
  period: ['发放月份', '月份', 'period'],
  persons: ['保障人数', '人数', 'persons'],
  amount: ['发放金额', '金额', 'amount'],
} as const;
type Column = keyof typeof columns;

export interface RowError {
  row: number;
  column?: string;
  code: string;
  message: string;
}

/** Who may import payments into a sub-district (and read its imports): its officers and its communities' workers. */
function mayImport(ctx: UserCtx, subdistrictId: string) {
  if (!ctx.principal.grants.some((g) => g.unitPath[0] === subdistrictId && ['communityWorker', 'subdistrictOfficer'].includes(g.role))) throw new NotFoundError('subdistrict');
}

/**
 * Imports payments from the CSV the civil-affairs system exports. Every row is checked first; one bad row and nothing is
 * written (the answer lists the rows, with ID numbers never echoed). A good file becomes an import (pending) with its
 * checked rows, and a work item that the relief worker (drainReliefWork) does in chunks, all in one transaction: the
 * request answers at once, however many rows (5,000 new payments were ~50 transactions in series inside it), and a
 * request that dies leaves either the whole import or nothing. With an Idempotency-Key a retried request answers the
 * same import; without one a second import of the same rows finds them present and adds nothing.
 */
export async function importDisbursements(ctx: UserCtx, subdistrictId: string, input: { format: 'csv' | 'xlsx'; content: string }) {
  const p = ctx.principal;
  mayImport(ctx, subdistrictId);
  const rows = input.format === 'csv' ? parseCsv(input.content) : sheetRows(input.content);
  const communities = (await listUnits(ctx.db)).filter((u) => u.kind === 'community' && u.parentId === subdistrictId);
  const errors: RowError[] = [];
  const fail = (row: number, code: string, message: string, column?: string) => errors.push({ row, column, code, message });
  if (rows.length < 2) throw new UnprocessableError('IMPORT_INVALID', { errors: [{ row: 1, code: 'EMPTY', message: '文件没有数据行' }], errorCount: 1 });
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const at = {} as Record<Column, number>;
  for (const col of Object.keys(columns) as Column[]) {
    const i = header.findIndex((h) => (columns[col] as readonly string[]).includes(h));
    if (i < 0) fail(1, 'MISSING_COLUMN', `缺少列：${columns[col][0]}`, col);
    at[col] = i;
  }
  if (errors.length) throw new UnprocessableError('IMPORT_INVALID', { errors, errorCount: errors.length });
  if (rows.length > 5001) throw new UnprocessableError('IMPORT_INVALID', { errors: [{ row: 1, code: 'TOO_MANY_ROWS', message: '一次最多导入 5000 行' }], errorCount: 1 });

  const v = vault();
  const createdAt = ctx.clock.now().toISOString();
  const payments: DisbursementRecord[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const get = (c: Column) => (cells[at[c]] ?? '').trim();
    const before = errors.length;
    const cname = get('community');
    const community = communities.find((u) => u.id === cname || u.name === cname);
    if (!community) fail(row, 'UNKNOWN_COMMUNITY', '社区不在本街道', 'community');
    else if (!reliefCan.manageCommunity(p, { subdistrictId, communityId: community.id })) fail(row, 'FORBIDDEN', '无权导入该社区的发放记录', 'community');
    const name = get('headName');
    if (!name || name.length > 30) fail(row, 'NAME', '户主姓名为空或过长', 'headName');
    const id = normalizeIdNumber(get('idNumber'));
    if (!isValidIdNumber(id)) fail(row, 'ID_NUMBER', '身份证号码无效（格式、出生日期或校验位）', 'idNumber');
    const tname = get('type');
    const type = ReliefType.safeParse(tname).success ? (tname as ReliefType) : (Object.values(reliefTypes).find((d) => d.nameZh === tname)?.type ?? undefined);
    if (!type) fail(row, 'TYPE', '救助类型无效', 'type');
    // a month typed into Excel is stored as a date: its serial number comes back as text
    const typedPeriod = input.format === 'xlsx' ? (excelDate(get('period'))?.slice(0, 7) ?? get('period')) : get('period');
    const period = typedPeriod.replace(/^(\d{4})[/.年](\d{1,2})月?$/, (_, y: string, m: string) => `${y}-${m.padStart(2, '0')}`);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) fail(row, 'PERIOD', '发放月份应为 YYYY-MM', 'period');
    const persons = Number(get('persons'));
    if (!Number.isInteger(persons) || persons < 1 || persons > 20) fail(row, 'PERSONS', '人数应为 1–20 的整数', 'persons');
    const amount = Number(get('amount'));
    if (!get('amount') || !Number.isFinite(amount) || amount <= 0 || amount > 1_000_000 || Math.abs(toFen(amount) - amount * 100) > 1e-6) fail(row, 'AMOUNT', '金额应为正数，最多两位小数', 'amount');
    if (errors.length > before || !community || !type) return;
    const householdId = v.hash('household', id);
    const dup = `${community.id}|${period}|${type}|${householdId}`;
    if (seen.has(dup)) {
      fail(row, 'DUPLICATE', `与第 ${seen.get(dup)} 行重复（同一户、类型和月份）`);
      return;
    }
    seen.set(dup, row);
    payments.push({ communityId: community.id, period, type, householdId, headNameMasked: maskName(name), persons, amountFen: toFen(amount), status: 'pending', source: 'import', createdAt });
  });
  if (errors.length) throw new UnprocessableError('IMPORT_INVALID', { errors: errors.slice(0, 200), errorCount: errors.length });

  // payments of one counter side by side, so that the worker's transactions hold ~95 payments and a few counter updates
  payments.sort((a, b) => counterKeys(a)[0]!.localeCompare(counterKeys(b)[0]!));
  const importId = ctx.newId();
  const parts: ImportRow[][] = [];
  for (let i = 0; i < payments.length; i += ROWS_PER_PART) parts.push(payments.slice(i, i + ROWS_PER_PART).map(toRow));
  const work = workItemWrite(ctx, RELIEF_QUEUE, 'importPayments', { ref: importId, subdistrictId, parts: parts.length, createdAt } satisfies ImportPayload);
  const record: ImportRecord = { id: importId, subdistrictId, state: 'pending', rows: payments.length, imported: 0, alreadyPresent: 0, parts: parts.length, workItemId: String((work as { put: { id: string } }).put.id), byId: p.userId, createdAt };
  const answer = await transactCreate(ctx, [
    { put: { ...keys.reliefImport(importId), entity: 'reliefImport', ...record }, if: { expr: 'attribute_not_exists(#pk)' } },
    ...parts.map((rows, i) => ({ put: { ...keys.reliefImportPart(importId, i), entity: 'reliefImportPart', rows } })),
    work,
  ], stateOf(record));
  ctx.log.info('relief import', { subdistrictId, importId: answer.id, rows: payments.length, parts: parts.length });
  return answer;
}

// --- the import's rows, written by the relief worker ---

/** Checked rows are kept in parts of this many beside the import (~100 bytes a row: a part stays far under 400 KB). */
const ROWS_PER_PART = 1000;
/** A payment as kept in an import's part: community, period, type, household, masked head name, persons, fen. */
type ImportRow = [string, string, ReliefType, string, string, number, number];
const toRow = (d: DisbursementRecord): ImportRow => [d.communityId, d.period, d.type, d.householdId, d.headNameMasked, d.persons, d.amountFen];
const fromRow = ([communityId, period, type, householdId, headNameMasked, persons, amountFen]: ImportRow, createdAt: string): DisbursementRecord => ({
  communityId,
  period,
  type,
  householdId,
  headNameMasked,
  persons,
  amountFen,
  status: 'pending',
  source: 'import',
  createdAt,
});

interface ImportPayload {
  /** the import's id */
  ref: string;
  subdistrictId: string;
  parts: number;
  createdAt: string;
}

type ImportRecord = {
  id: string;
  subdistrictId: string;
  state: 'pending' | 'done';
  rows: number;
  imported: number;
  alreadyPresent: number;
  parts: number;
  workItemId: string;
  byId: string;
  createdAt: string;
  finishedAt?: string;
};

const stateOf = (r: ImportRecord, state: 'pending' | 'done' | 'failed' = r.state) => ({
  id: r.id,
  state,
  rows: r.rows,
  imported: r.imported,
  alreadyPresent: r.alreadyPresent,
  createdAt: r.createdAt,
  finishedAt: r.finishedAt,
});

/** An import's state. Pending with its work item gone means the worker gave up on it (a dead letter): failed. */
export async function importState(ctx: UserCtx, subdistrictId: string, importId: string) {
  mayImport(ctx, subdistrictId);
  const read = () => ctx.db.get<ImportRecord & { pk: string }>(keys.reliefImport(importId), true);
  let r = await read();
  // an import is read by whoever sent it and by the sub-district's officers; another community's worker is told nothing
  const officer = ctx.principal.grants.some((g) => g.role === 'subdistrictOfficer' && g.unitId === subdistrictId);
  if (!r || r.subdistrictId !== subdistrictId || (r.byId !== ctx.principal.userId && !officer)) throw new NotFoundError('import');
  if (r.state === 'pending' && !(await ctx.db.get(keys.workItem(RELIEF_QUEUE, r.workItemId), true))) {
    // its last chunk deletes the work item and marks the import done in one transaction: read it again to tell them apart
    r = (await read())!;
    if (r.state === 'pending') return stateOf(r, 'failed');
  }
  return stateOf(r);
}

const partRows = importPartReader<ImportRow>('relief import', keys.reliefImportPart);

/**
 * The runs of a part, each one transaction with the import's counts and the work item's progress. Decided from all
 * the part's rows (a run writes fewer when some are present), so a cursor means the same run on every try.
 */
function runsOf(subdistrictId: string, payments: DisbursementRecord[]): DisbursementRecord[][] {
  const room = MAX_TX_ITEMS - 2;
  const fit = (run: DisbursementRecord[]): DisbursementRecord[][] =>
    run.length > 1 && paymentWrites(subdistrictId, run).length > room ? [...fit(run.slice(0, run.length >> 1)), ...fit(run.slice(run.length >> 1))] : [run];
  return chunks(payments, room).flatMap(fit);
}

/**
 * One chunk of an import: the run at the cursor (`part:run`). The payments of the run already present are read first;
 * the absent ones are put where absent, with the figures' counters for exactly those and the import's counts, in the
 * chunk's transaction (with the work item's progress). A payment written meanwhile (a batch, another import) fails the
 * whole transaction: the worker calls this again, which reads again and writes only the missing ones, so a counter
 * never counts a payment twice nor one that is not there. A run found all present is counted and the chunk goes on to
 * the next ones (read READS_AT_ONCE at a time), so a re-import of 5,000 rows is a few transactions, not fifty.
 */
export const importPaymentsStep: WorkStep<ImportPayload> = async (ctx, p, cursor) => {
  const [part, first] = (cursor ?? '0:0').split(':').map(Number) as [number, number];
  let at = first;
  const runs = runsOf(p.subdistrictId, (await partRows(ctx, p.ref, part)).map((r) => fromRow(r, p.createdAt)));
  const keyOf = (d: DisbursementRecord) => keys.disbursement(d.communityId, d.period, d.type, d.householdId);
  const absentOf = async (run: DisbursementRecord[]) => {
    const present = new Set((await ctx.db.batchGet(run.map(keyOf))).map((i) => `${i.pk}|${i.sk}`));
    return run.filter((d) => {
      const k = keyOf(d);
      return !present.has(`${k.pk}|${k.sk}`);
    });
  };
  let absent = await absentOf(runs[at] ?? []);
  let present = (runs[at]?.length ?? 0) - absent.length;
  // all present: the next runs of the part, read at once, are counted in this chunk up to the first one with new rows
  while (!absent.length && at + 1 < runs.length) {
    const ahead = runs.slice(at + 1, at + 1 + READS_AT_ONCE);
    const found = await Promise.all(ahead.map(absentOf));
    const k = found.findIndex((a) => a.length > 0);
    const upto = k < 0 ? ahead.length : k + 1;
    for (let i = 0; i < upto; i++) present += ahead[i]!.length - found[i]!.length;
    absent = k < 0 ? [] : found[k]!;
    at += upto;
  }
  const last = at + 1 >= runs.length && part + 1 >= p.parts;
  const counts: TxWrite = {
    update: keys.reliefImport(p.ref),
    spec: {
      add: { imported: absent.length, alreadyPresent: present },
      set: last ? { state: 'done', finishedAt: ctx.clock.now().toISOString() } : undefined,
      if: { expr: '#state = :pending', values: { ':pending': 'pending' } },
    },
  };
  return {
    writes: [...(absent.length ? paymentWrites(p.subdistrictId, absent) : []), counts],
    next: last ? undefined : at + 1 < runs.length ? `${part}:${at + 1}` : `${part + 1}:0`,
  };
};

/** The first sheet of an xlsx sent in base64, as rows of text without the empty ones; an unreadable file is a 422. */
function sheetRows(base64: string): string[][] {
  const bytes = Buffer.from(base64, 'base64');
  try {
    return readXlsx(bytes).filter((r) => r.some((f) => f.trim() !== ''));
  } catch (e) {
    if (e instanceof XlsxError) throw new UnprocessableError('XLSX_UNREADABLE', { reason: looksLikeZip(bytes) ? e.reason : 'notZip' });
    throw e;
  }
}

const view = (d: DisbursementRecord) => ({
  communityId: d.communityId,
  period: d.period,
  type: d.type,
  householdId: d.householdId,
  headName: d.headNameMasked,
  persons: d.persons,
  amount: d.amountFen / 100,
  status: d.status,
  source: d.source,
  paidOn: d.paidOn,
  createdAt: d.createdAt,
});

export async function listDisbursements(ctx: UserCtx, communityId: string, query: { period: string; type?: ReliefType; cursor?: string }) {
  await communityScope(ctx, communityId);
  const page = await store.listDisbursements(ctx.db, communityId, query.period, query.type, query.cursor);
  return { items: page.items.map(view), cursor: page.cursor };
}

/** Marks payments paid; one already paid, or absent, is left as it is. */
export async function markPaid(ctx: UserCtx, communityId: string, input: { period: string; type: ReliefType; householdIds: string[]; paidOn: string }) {
  await communityScope(ctx, communityId);
  let updated = 0;
  for (const householdId of [...new Set(input.householdIds)]) {
    try {
      await ctx.db.update(keys.disbursement(communityId, input.period, input.type, householdId), {
        set: { status: 'paid', paidOn: input.paidOn, paidBy: ctx.principal.userId },
        if: { expr: 'attribute_exists(#pk) AND #status = :p', values: { ':p': 'pending' } },
      });
      updated++;
    } catch (e) {
      if (!(e instanceof ConditionFailed)) throw e;
    }
  }
  return { updated };
}
