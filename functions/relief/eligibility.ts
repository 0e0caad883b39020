import { chinaDay } from '../../shared/platform/chinaTime';
import type { Ctx } from '../platform/context';
import type { ReliefEligibility } from '../platform/ports';
import { getRegistryEntry, listByOwner, type RegistryRecord } from './store';

const disabilityTypes = new Set(['severeDisabilitySubsidy', 'disabilityCard']);

function current(b: { since: string; until?: string } | undefined, today: string): boolean {
  return !!b && b.since <= today && (!b.until || b.until >= today);
}

/**
 * What the relief registry says of a resident, offered to elder care through the ReliefEligibility port
 * (platform/ports.ts, bound in functions/ports.ts): the resident's own applications (their household is the HMAC the
 * application holds), then the registry entries of those households. 低保: a current dibao benefit or the registry's
 * dibao tag; disability: an approved disability type, a current disability benefit or the tag. Reads only; nothing
 * sensitive (no ID number, income or health fact) leaves relief. The caller declares read on RAPPS# and RREG#.
 */
export const reliefEligibility: ReliefEligibility = {
  async of(ctx: Ctx, userId: string, communityId: string) {
    const today = chinaDay(ctx.clock.now());
    const apps = (await listByOwner(ctx.db, userId, 100)).items.filter((a) => a.status === 'approved' && a.communityId === communityId);
    let disability = apps.some((a) => disabilityTypes.has(a.type));
    let dibao = false;
    const households = [...new Set(apps.map((a) => a.householdId))];
    const entries = (await Promise.all(households.map((h) => getRegistryEntry(ctx.db, communityId, h)))).filter((e): e is RegistryRecord => !!e);
    for (const e of entries) {
      if (e.tags.includes('dibao') || current(e.benefit_dibao, today)) dibao = true;
      if (e.tags.includes('disability') || current(e.benefit_severeDisabilitySubsidy, today)) disability = true;
    }
    return { dibao, disability };
  },
};
