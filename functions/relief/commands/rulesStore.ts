import type { RegionRules, ReliefType } from '../../../shared/relief/schemas';
import { defaultRegionRules } from '../../../shared/relief/types';
import type { RuleVersion } from '../../../shared/relief/rules';
import type { Db, TxWrite } from '../../platform/db';
import { keys } from '../../platform/keys';
import { strip } from '../store';

/**
 * Where relief's rule versions live: in the sub-district's rules partition beside the region rules,
 * `RRULES#<sd>` / `TYPE#<type>#V#<0001>`, put only where absent: a version is never rewritten.
 */
const pad = (n: number) => String(n).padStart(4, '0');
export const ruleVersionKey = (subdistrictId: string, type: string, version: number) => ({ pk: keys.reliefRules(subdistrictId).pk, sk: `TYPE#${type}#V#${pad(version)}` });

/** Every stored version of every type of a sub-district (a few dozen items: one query, every page). */
export async function listRuleVersions(db: Db, subdistrictId: string, type?: ReliefType): Promise<RuleVersion[]> {
  const out: RuleVersion[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Record<string, unknown>>({ pk: keys.reliefRules(subdistrictId).pk, prefix: type ? `TYPE#${type}#V#` : 'TYPE#', cursor });
    out.push(...page.items.map((i) => strip<RuleVersion>(i)));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export function putRuleVersion(v: RuleVersion): TxWrite {
  return { put: { ...ruleVersionKey(v.subdistrictId, v.type, v.version), entity: 'reliefRuleVersion', ...v }, if: { expr: 'attribute_not_exists(#pk)' }, tag: 'ruleVersion' };
}

/**
 * The region rules and every stored version of a sub-district in one query of its partition (`RULES` and `TYPE#…`):
 * what a submit needs to know which version is in force, read beside its other reads.
 */
export async function readRulesPartition(db: Db, subdistrictId: string, type?: ReliefType): Promise<{ region: RegionRules; versions: RuleVersion[] }> {
  let region: RegionRules = defaultRegionRules;
  const versions: RuleVersion[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Record<string, unknown>>({ pk: keys.reliefRules(subdistrictId).pk, between: ['RULES', 'TYPE#~'], cursor });
    for (const it of page.items) {
      if (it.sk === 'RULES') region = { ...defaultRegionRules, ...strip<RegionRules>(it) };
      else if (String(it.sk).startsWith('TYPE#') && (!type || it.type === type)) versions.push(strip<RuleVersion>(it));
    }
    cursor = page.cursor;
  } while (cursor);
  return { region, versions };
}
