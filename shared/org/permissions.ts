import type { Grant, Principal, Role, Scope } from './schemas';

/** Pure access rules: every read and write checks the caller's grants against the object's scope. */

/** The ids of the units a scope sits in, from the top down. */
function scopeUnits(scope: Scope): string[] {
  return scope.gridId ? [scope.subdistrictId, scope.communityId, scope.gridId] : [scope.subdistrictId, scope.communityId];
}

/** Does this grant cover an object in that scope? A grant covers its unit and everything under it. */
export function grantCovers(grant: Grant, scope: Scope): boolean {
  return scopeUnits(scope).includes(grant.unitId);
}

export function hasRoleOver(principal: Principal, roles: readonly Role[], scope: Scope): boolean {
  return principal.grants.some((g) => roles.includes(g.role) && grantCovers(g, scope));
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.grants.some((g) => g.role === role);
}

/** The community a resident is bound to, if any. */
export function residentCommunityId(principal: Principal): string | undefined {
  return principal.grants.find((g) => g.role === 'resident')?.unitId;
}

const workersOfCommunity: readonly Role[] = ['communityWorker', 'subdistrictOfficer'];
const staff: readonly Role[] = ['gridWorker', 'communityWorker', 'subdistrictOfficer', 'admin'];

/** A community-level object (one with no grid) is covered by a grid worker of any grid in it. */
function gridWorkerOfCommunity(principal: Principal, communityId: string): boolean {
  return principal.grants.some((g) => g.role === 'gridWorker' && g.unitPath.includes(communityId));
}

export const can = {
  /** see a community's sessions and its board of matters */
  readCommunity: (p: Principal, scope: Scope) =>
    hasRoleOver(p, ['resident', ...staff, 'organizer'], { subdistrictId: scope.subdistrictId, communityId: scope.communityId }) ||
    gridWorkerOfCommunity(p, scope.communityId),
  submitMatter: (p: Principal, scope: Scope) => residentCommunityId(p) === scope.communityId,
  secondMatter: (p: Principal, scope: Scope) => residentCommunityId(p) === scope.communityId,
  /** run a session: start, attendance, minutes, outcomes, close */
  runSession: (p: Principal, scope: Scope) => hasRoleOver(p, workersOfCommunity, { subdistrictId: scope.subdistrictId, communityId: scope.communityId }),
  editScheduleRule: (p: Principal, scope: Scope) => hasRoleOver(p, workersOfCommunity, scope),
  /** see who raised an anonymous matter */
  seeAnonymousAuthor: (p: Principal, scope: Scope) =>
    hasRoleOver(p, staff, { subdistrictId: scope.subdistrictId, communityId: scope.communityId }) || gridWorkerOfCommunity(p, scope.communityId),
  decideBinding: (p: Principal, scope: Scope) => hasRoleOver(p, workersOfCommunity, scope),
  /** list the bound residents of a grid (its worker too) or of a whole community (its workers and the sub-district's officers) */
  readResidents: (p: Principal, scope: Scope) =>
    hasRoleOver(p, scope.gridId ? ['gridWorker', ...workersOfCommunity] : workersOfCommunity, scope),
  administer: (p: Principal, subdistrictId: string) => p.grants.some((g) => g.role === 'admin' && g.unitPath[0] === subdistrictId),
};
