import type { Unit } from '../../shared/org/schemas';
import type { Db } from './db';
import { keys } from './keys';

/** The organisation tree, which every capability reads (names, parents); only org/ writes it. */
export interface UnitRecord extends Unit {
  /** communities only: the code residents bind with */
  inviteCode?: string;
}

export async function listUnits(db: Db): Promise<UnitRecord[]> {
  const out: UnitRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<UnitRecord & Record<string, unknown>>({ pk: 'UNITS', prefix: 'UNIT#', cursor });
    out.push(...page.items.map(({ id, kind, name, parentId, path, inviteCode }) => ({ id, kind, name, parentId, path, inviteCode })));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export async function getUnit(db: Db, unitId: string): Promise<UnitRecord | undefined> {
  const it = await db.get<UnitRecord & Record<string, unknown>>(keys.unit(unitId));
  if (!it) return undefined;
  const { id, kind, name, parentId, path, inviteCode } = it;
  return { id, kind, name, parentId, path, inviteCode };
}
