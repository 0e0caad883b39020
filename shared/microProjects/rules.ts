import { hasRoleOver, residentCommunityId } from '../org/permissions';
import type { Principal, Scope } from '../org/schemas';
import type { ProjectStatus } from './schemas';

const community = (s: Scope) => ({ subdistrictId: s.subdistrictId, communityId: s.communityId });

/** Propose, start, close and enter spending: the community's workers (and the sub-district's officers). */
export const canRunProjects = (p: Principal, s: Scope) => hasRoleOver(p, ['communityWorker', 'subdistrictOfficer'], community(s));
/** Approve a budget or turn a project down: a sub-district officer. */
export const canApproveProjects = (p: Principal, s: Scope) => hasRoleOver(p, ['subdistrictOfficer'], community(s));
/** Read the public accounts: the community's residents, and its staff. */
export const canReadAccounts = (p: Principal, s: Scope) =>
  residentCommunityId(p) === s.communityId || hasRoleOver(p, ['gridWorker', 'communityWorker', 'subdistrictOfficer', 'admin'], community(s)) ||
  p.grants.some((g) => g.role === 'gridWorker' && g.unitPath.includes(s.communityId));

/** What residents see: a project once its budget is approved (a proposal is not yet the community's money). */
export const isPublic = (status: ProjectStatus) => status === 'approved' || status === 'inProgress' || status === 'done';

/** The moves of a project, and which statuses take spending. */
export const nextStatuses: Record<ProjectStatus, readonly ProjectStatus[]> = {
  proposed: ['approved', 'rejected'],
  approved: ['inProgress'],
  inProgress: ['done'],
  done: [],
  rejected: [],
};
export const takesSpending = (status: ProjectStatus) => status === 'approved' || status === 'inProgress';
