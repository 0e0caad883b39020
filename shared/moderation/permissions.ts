import { hasRoleOver } from '../org/permissions';
import type { Principal } from '../org/schemas';

/**
 * Who moderates: the community's workers for what is written in their community, and the sub-district's officers
 * for every community in it (and for what is written at the sub-district's level).
 */
export function canModerate(p: Principal, where: { subdistrictId: string; communityId?: string }): boolean {
  if (p.grants.some((g) => g.role === 'subdistrictOfficer' && g.unitId === where.subdistrictId)) return true;
  return !!where.communityId && hasRoleOver(p, ['communityWorker'], { subdistrictId: where.subdistrictId, communityId: where.communityId });
}
