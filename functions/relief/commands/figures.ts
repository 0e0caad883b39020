import { toCsv } from '../../../shared/relief/csv';
import { figureLine, formatYuan, sumFigures, type FigureCounter } from '../../../shared/relief/figures';
import { reliefCan } from '../../../shared/relief/permissions';
import type { ReliefType } from '../../../shared/relief/schemas';
import { reliefTypes } from '../../../shared/relief/types';
import type { UserCtx } from '../../platform/context';
import { NotFoundError, UnprocessableError } from '../../platform/errors';
import { getUnit } from '../../platform/units';
import { writeXlsx } from '../../platform/xlsx';
import * as store from '../store';

interface Query {
  unitId: string;
  from: string;
  to: string;
  type?: ReliefType;
}

/**
 * Figures for a unit and period from the counters written with each payment (per community, month and type, and the
 * same per sub-district, in the payment's transaction): a community or a sub-district is one query of its counters.
 * No Scan, no table-wide counter.
 */
export async function figures(ctx: UserCtx, q: Query) {
  if (q.from > q.to) throw new UnprocessableError('PERIOD_INVALID');
  const unit = await getUnit(ctx.db, q.unitId);
  if (!unit) throw new NotFoundError('unit');
  let all: Awaited<ReturnType<typeof store.listFigureCounters>>;
  if (unit.kind === 'community') {
    if (!reliefCan.manageCommunity(ctx.principal, { subdistrictId: unit.path[0]!, communityId: unit.id })) throw new NotFoundError('unit');
    all = await store.listFigureCounters(ctx.db, unit.id, q.from, q.to);
  } else if (unit.kind === 'subdistrict') {
    if (!reliefCan.manageSubdistrict(ctx.principal, unit.id)) throw new NotFoundError('unit');
    all = await store.listSubdistrictFigureCounters(ctx.db, unit.id, q.from, q.to);
  } else throw new NotFoundError('unit');
  const counters = all.filter((c) => !q.type || c.type === q.type);
  const rows = sumFigures(counters as FigureCounter[]).map((f) => ({ ...f, nameZh: reliefTypes[f.type].nameZh, line: figureLine(f) }));
  const byMonth = new Map<string, { period: string; type: ReliefType; householdTimes: number; personTimes: number; amountFen: number }>();
  for (const c of counters) {
    const k = `${c.period}#${c.type}`;
    const acc = byMonth.get(k) ?? { period: c.period, type: c.type, householdTimes: 0, personTimes: 0, amountFen: 0 };
    acc.householdTimes += c.householdTimes;
    acc.personTimes += c.personTimes;
    acc.amountFen += c.amountFen;
    byMonth.set(k, acc);
  }
  const months = [...byMonth.values()]
    .sort((a, b) => a.period.localeCompare(b.period) || a.type.localeCompare(b.type))
    .map((m) => ({ period: m.period, type: m.type, householdTimes: m.householdTimes, personTimes: m.personTimes, amount: m.amountFen / 100 }));
  return { unitId: unit.id, unitName: unit.name, from: q.from, to: q.to, rows, months };
}

/** The same figures as a spreadsheet: CSV with a BOM (Excel and WPS open it with the Chinese intact), or xlsx. */
export async function figuresExport(ctx: UserCtx, q: Query & { format?: 'csv' | 'xlsx' }) {
  const f = await figures(ctx, q);
  const table: (string | number)[][] = [
    [`${f.unitName} 救助发放统计 ${f.from} 至 ${f.to}`],
    ['救助类型', '户次', '人次', '金额（元）', '工作总结表述'],
    ...f.rows.map((r) => [r.nameZh, r.householdTimes, r.personTimes, formatYuan(r.amount), r.line]),
    [],
    ['月份', '救助类型', '户次', '人次', '金额（元）'],
    ...f.months.map((m) => [m.period, reliefTypes[m.type].nameZh, m.householdTimes, m.personTimes, formatYuan(m.amount)]),
  ];
  const name = `relief-figures-${f.unitId}-${f.from}_${f.to}`;
  if (q.format === 'xlsx') {
    // amounts as numbers here, so the sheet can sum them
    const sheet: (string | number)[][] = [
      table[0]!,
      table[1]!,
      ...f.rows.map((r) => [r.nameZh, r.householdTimes, r.personTimes, r.amount, r.line]),
      [],
      table[f.rows.length + 3]!,
      ...f.months.map((m) => [m.period, reliefTypes[m.type].nameZh, m.householdTimes, m.personTimes, m.amount]),
    ];
    return { filename: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: writeXlsx(sheet, '救助发放统计').toString('base64'), encoding: 'base64' as const };
  }
  return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(table), encoding: 'utf8' as const };
}
