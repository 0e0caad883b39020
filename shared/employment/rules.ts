import { hasRoleOver } from '../org/permissions';
import type { Principal, Scope } from '../org/schemas';
import { seekerCategories, type SeekerCategory } from './schemas';

/** Who keeps a community's employment records: its community workers and the sub-district's officers. */
export function canManageEmployment(p: Principal, scope: Scope): boolean {
  return hasRoleOver(p, ['communityWorker', 'subdistrictOfficer'], { subdistrictId: scope.subdistrictId, communityId: scope.communityId });
}

/** What a placement of a seeker of this category counts as: every placement is a new job; re-employment by category. */
export function placementKinds(category: SeekerCategory): { newJob: boolean; reEmployed: boolean; hardToEmployReEmployed: boolean } {
  const c = seekerCategories[category];
  return { newJob: true, reEmployed: c.reEmployment, hardToEmployReEmployed: c.hardToEmploy };
}
