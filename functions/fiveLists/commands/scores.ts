import { isContactOf, isOfficerOf } from '../../../shared/fiveLists/permissions';
import type { UnitScore } from '../../../shared/fiveLists/schemas';
import { DEFAULT_MIN_RATED, rankUnits, unitScore, type ScoredMatter } from '../../../shared/fiveLists/score';
import type { UserCtx } from '../../platform/context';
import { NotFoundError } from '../../platform/errors';
import { getUnit, listUnits } from '../../platform/units';
import * as store from '../store';
import { chinaYear } from '../../../shared/platform/chinaTime';

const toScored = (e: store.ScoreEntry): ScoredMatter => ({
  matterId: e.matterId,
  resolved: e.resolved,
  onTime: e.onTime,
  ratings: { satisfied: e.satisfied, partly: e.partly, notSatisfied: e.notSatisfied, starSum: e.starSum },
});

/** A unit's own yearly score (its contacts, and the sub-district's officers). Two round trips. */
export async function unitScoreOf(ctx: UserCtx, unitId: string, year?: number): Promise<UnitScore> {
  const unit = await getUnit(ctx.db, unitId);
  if (!unit || unit.kind !== 'partnerUnit') throw new NotFoundError('unit');
  const subdistrictId = unit.path[0]!;
  if (!isContactOf(ctx.principal, unitId) && !isOfficerOf(ctx.principal, subdistrictId)) throw new NotFoundError('unit');
  const y = year ?? chinaYear(ctx.clock.now());
  if (isOfficerOf(ctx.principal, subdistrictId)) {
    // an officer sees the unit's rank too: it is among all the units
    const { items } = await ranking(ctx, subdistrictId, y);
    return items.find((u) => u.unitId === unitId)!;
  }
  const entries = await store.listScoreEntries(ctx.db, subdistrictId, y, unitId);
  const figures = unitScore(entries.map(toScored), DEFAULT_MIN_RATED);
  return { unitId, unitName: unit.name, year: y, rank: null, minRated: DEFAULT_MIN_RATED, ...figures };
}

/** Every partner unit of the sub-district, ranked (officers only). Two round trips: the units, the year's ledger. */
export async function ranking(ctx: UserCtx, subdistrictId: string, year?: number): Promise<{ items: UnitScore[] }> {
  if (!isOfficerOf(ctx.principal, subdistrictId)) throw new NotFoundError('subdistrict');
  const y = year ?? chinaYear(ctx.clock.now());
  const [units, entries] = await Promise.all([listUnits(ctx.db), store.listScoreEntries(ctx.db, subdistrictId, y)]);
  const partners = units.filter((u) => u.kind === 'partnerUnit' && u.path[0] === subdistrictId).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const scored = partners.map((u) => ({ unit: u, figures: unitScore(entries.filter((e) => e.unitId === u.id).map(toScored), DEFAULT_MIN_RATED) }));
  return {
    items: rankUnits(scored).map(({ unit, figures, rank }) => ({ unitId: unit.id, unitName: unit.name, year: y, rank, minRated: DEFAULT_MIN_RATED, ...figures })),
  };
}
