import type { Db, TxWrite } from '../platform/db';
import { UnprocessableError } from '../platform/errors';
import { keys } from '../platform/keys';
import { getUnit, type UnitRecord } from '../platform/units';

/**
 * The partner unit a dispatch names, without a round trip of its own once this function has read it: units change
 * rarely (only org/ writes them), so a warm function keeps what it read for a few minutes, and the dispatch's
 * transaction checks that the unit is still what was read (`unitStillAsRead`: a partner unit of that sub-district, with
 * that name). A renamed or moved unit fails the check and is read again, so a matter never carries a stale name.
 */
const KEEP_MS = 5 * 60_000;
const known = new Map<string, { unit: UnitRecord | undefined; until: number }>();

export async function partnerUnit(db: Db, unitId: string, opts: { fresh?: boolean; now?: number } = {}): Promise<UnitRecord | undefined> {
  const now = opts.now ?? Date.now();
  const hit = known.get(unitId);
  if (hit && !opts.fresh && hit.until > now && hit.unit) return hit.unit;
  const unit = await getUnit(db, unitId);
  known.set(unitId, { unit, until: now + KEEP_MS });
  // a function serves one sub-district's few hundred units at most; keep the map from growing without end anyway
  if (known.size > 2000) known.delete(known.keys().next().value!);
  return unit;
}

export function isPartnerUnitOf(unit: UnitRecord | undefined, subdistrictId: string): unit is UnitRecord {
  return !!unit && unit.kind === 'partnerUnit' && unit.path[0] === subdistrictId;
}

/** The error a changed unit answers inside the transaction, caught by the caller to read the unit again. */
export class UnitChangedError extends UnprocessableError {
  constructor() {
    super('NOT_A_PARTNER_UNIT');
  }
}

/** A condition check, in the dispatch's transaction, that the unit is still the partner unit that was read. */
export function unitStillAsRead(unit: UnitRecord, subdistrictId: string, changed: UnitChangedError): TxWrite {
  return {
    check: keys.unit(unit.id),
    if: { expr: '#kind = :kind AND #name = :name AND #path[0] = :sd', values: { ':kind': 'partnerUnit', ':name': unit.name, ':sd': subdistrictId } },
    fails: changed,
  };
}

/** Forget what was read (tests). */
export function forgetPartnerUnits(): void {
  known.clear();
}
