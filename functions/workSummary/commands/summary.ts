import { chinaMonth } from '../../../shared/platform/chinaTime';
import { ratesOf, type LedgerDef } from '../../../shared/platform/figures';
import { ledgers } from '../../../shared/workSummary/ledgers';
import { halfYear, isSummaryPeriod, periodName, previousPeriod, type SummaryPeriod } from '../../../shared/workSummary/period';
import { reliefLedger } from '../../../shared/workSummary/relief';
import type { SummaryLedger, WorkSummary } from '../../../shared/workSummary/schemas';
import { hasRoleOver } from '../../../shared/org/permissions';
import type { UserCtx } from '../../platform/context';
import { NotFoundError, UnprocessableError } from '../../platform/errors';
import { getUnit, type UnitRecord } from '../../platform/units';
import { ledgerFigures, reliefFigures, type Level } from '../store';

/**
 * The ledgers a summary prints, in the order of the seed reports: those of shared/workSummary/ledgers.ts, with relief
 * (read from its own counters) after the consultations, as the reports place it among the services.
 */
export function summaryLedgers(list: readonly LedgerDef[] = ledgers): LedgerDef[] {
  const at = list.findIndex((l) => l.ledger === 'consultations');
  const out = [...list];
  out.splice(at < 0 ? out.length : at + 1, 0, reliefLedger);
  return out;
}

/** A ledger's figures, rates and sentences from its summed values for the period and the previous one. */
export function ledgerSummary(def: LedgerDef, now: Record<string, number>, before: Record<string, number>, period: { zh: string; en: string }): SummaryLedger {
  const rates = ratesOf(def, now);
  const ratesBefore = ratesOf(def, before);
  // the sentences see every value summed, declared or not (a ledger may keep one key per team), and the defined rates
  const forText: Record<string, number> = { ...now };
  for (const [k, r] of Object.entries(rates)) if (r !== undefined) forText[k] = r;
  return {
    ledger: def.ledger,
    zh: def.zh,
    en: def.en,
    recordsPage: def.recordsPage,
    figures: def.figures
      .map((f) => ({ key: f.key, zh: f.zh, en: f.en, unit: f.unit, measureZh: f.measureZh, value: now[f.key] ?? 0, previous: before[f.key] ?? 0, hide: f.hideWhenZero }))
      .filter((f) => !(f.hide && f.value === 0 && f.previous === 0))
      .map(({ hide: _, ...f }) => f),
    rates: (def.rates ?? []).map((r) => ({ key: r.key, zh: r.zh, en: r.en, value: rates[r.key], previous: ratesBefore[r.key] })),
    text: def.sentences(forText, period),
  };
}

/** Who may read a unit's summary: its officers for a sub-district, its workers and the sub-district's officers for a community. */
function mayRead(ctx: UserCtx, unit: UnitRecord | undefined, level: Level): unit is UnitRecord {
  if (unit?.kind === 'subdistrict' && level === 'subdistrict') return ctx.principal.grants.some((g) => g.role === 'subdistrictOfficer' && g.unitId === unit.id);
  if (unit?.kind === 'community' && level === 'community') return hasRoleOver(ctx.principal, ['communityWorker', 'subdistrictOfficer'], { subdistrictId: unit.path[0]!, communityId: unit.id });
  return false;
}

/**
 * The work summary of a unit for a period (default: the half-year of today in China) beside the previous period of
 * the same length. Counters only, never records, in one round trip: the unit and four queries at once (the period's
 * and the previous period's FIG counters, and relief's of each). The level is read from the caller's grants (a
 * sub-district only its officers read) and checked against the unit before anything is answered.
 */
export async function workSummary(ctx: UserCtx, q: { unitId: string; from?: string; to?: string }): Promise<WorkSummary> {
  const period: SummaryPeriod = q.from || q.to ? { from: q.from ?? q.to!, to: q.to ?? q.from! } : halfYear(chinaMonth(ctx.clock.now()));
  if (!isSummaryPeriod(period)) throw new UnprocessableError('PERIOD_INVALID');
  const prev = previousPeriod(period);
  const level: Level = ctx.principal.grants.some((g) => g.role === 'subdistrictOfficer' && g.unitId === q.unitId) ? 'subdistrict' : 'community';
  const [unit, now, before, reliefNow, reliefBefore] = await Promise.all([
    getUnit(ctx.db, q.unitId),
    ledgerFigures(ctx.db, level, q.unitId, period),
    ledgerFigures(ctx.db, level, q.unitId, prev),
    reliefFigures(ctx.db, level, q.unitId, period),
    reliefFigures(ctx.db, level, q.unitId, prev),
  ]);
  // a unit one may not read is not there for them (no probing of ids); what was read for it is dropped
  if (!mayRead(ctx, unit, level)) throw new NotFoundError('unit');
  const subdistrictId = level === 'subdistrict' ? unit.id : unit.path[0]!;
  now.relief = reliefNow;
  before.relief = reliefBefore;
  const name = periodName(period);
  return {
    unitId: q.unitId,
    unitName: unit.name,
    level,
    subdistrictId,
    period: { ...period, ...name },
    previous: { ...prev, ...periodName(prev) },
    title: { zh: `${unit.name}${name.zh}工作总结`, en: `${unit.name}: work summary, ${name.en}` },
    ledgers: summaryLedgers().map((def) => ledgerSummary(def, now[def.ledger] ?? {}, before[def.ledger] ?? {}, name)),
  };
}
