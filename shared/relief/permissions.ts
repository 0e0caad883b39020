import { hasRoleOver } from '../org/permissions';
import type { Principal, Scope } from '../org/schemas';

/**
 * Who may do what with relief. Pure: the object carries its scope (sub-district, community, grid) and its owner.
 * A grid worker sees the applications of their own grid only; a community worker those of their community; an officer
 * those of their sub-district; a resident their household's (including those a grid worker filed for them).
 */
export interface ApplicationScope extends Scope {
  ownerId: string;
  filedById?: string;
}

const communityOf = (s: Scope) => ({ subdistrictId: s.subdistrictId, communityId: s.communityId });
const gridWorkerOf = (p: Principal, gridId: string | undefined) => !!gridId && p.grants.some((g) => g.role === 'gridWorker' && g.unitId === gridId);

export const reliefCan = {
  /**
   * Access follows the reader's grants as they are now (the token's, refreshed when a grant changes), never the stored
   * filedById alone: a grid worker who filed and has since lost the grid reads it no more.
   */
  readApplication: (p: Principal, a: ApplicationScope) =>
    a.ownerId === p.userId ||
    gridWorkerOf(p, a.gridId) ||
    hasRoleOver(p, ['communityWorker', 'subdistrictOfficer'], communityOf(a)),
  /** the owner edits, consents, submits, withdraws; the worker who filed it too (except consent in the app), while they hold the grid */
  actOnApplication: (p: Principal, a: ApplicationScope) => a.ownerId === p.userId || (a.filedById === p.userId && gridWorkerOf(p, a.gridId)),
  /** whoever typed it: the filing worker of a proxy application, else the owner; they see what they typed while it is a draft */
  typedApplication: (p: Principal, a: ApplicationScope) => (a.filedById ? a.filedById === p.userId && gridWorkerOf(p, a.gridId) : a.ownerId === p.userId),
  /** the applicant's side of an application (its owner, the worker who filed it) decides nothing of it */
  isApplicant: (p: Principal, a: ApplicationScope) => a.ownerId === p.userId || a.filedById === p.userId,
  /** a worker confirms an application's household where the registry has none: the grid's worker or the community's workers */
  confirmHousehold: (p: Principal, a: ApplicationScope) => gridWorkerOf(p, a.gridId) || hasRoleOver(p, ['communityWorker'], communityOf(a)),
  fileForResident: (p: Principal, gridId: string) => gridWorkerOf(p, gridId),
  reviewCommunity: (p: Principal, s: Scope) => hasRoleOver(p, ['communityWorker'], communityOf(s)),
  reviewSubdistrict: (p: Principal, s: Scope) => p.grants.some((g) => g.role === 'subdistrictOfficer' && g.unitId === s.subdistrictId),
  /** full sensitive values, with a reason, audited: the reviewers */
  reveal: (p: Principal, s: Scope) => hasRoleOver(p, ['communityWorker', 'subdistrictOfficer'], communityOf(s)),
  readAudit: (p: Principal, s: Scope) => hasRoleOver(p, ['communityWorker', 'subdistrictOfficer'], communityOf(s)),
  /** disbursements, figures and the queue of a community */
  manageCommunity: (p: Principal, s: Scope) => hasRoleOver(p, ['communityWorker', 'subdistrictOfficer'], communityOf(s)),
  manageSubdistrict: (p: Principal, subdistrictId: string) => p.grants.some((g) => g.role === 'subdistrictOfficer' && g.unitId === subdistrictId),
  /** the registry and visits: the grid's worker, the community's workers, officers */
  workRegistry: (p: Principal, s: Scope) => gridWorkerOf(p, s.gridId) || hasRoleOver(p, ['communityWorker', 'subdistrictOfficer'], communityOf(s)),
  /** the list of a community's registry or visits: any grid worker of it sees (their grid's part) */
  listRegistry: (p: Principal, s: Scope) =>
    hasRoleOver(p, ['communityWorker', 'subdistrictOfficer'], communityOf(s)) || p.grants.some((g) => g.role === 'gridWorker' && g.unitPath.includes(s.communityId)),
  readNotice: (p: Principal, s: Scope) =>
    hasRoleOver(p, ['resident', 'gridWorker', 'communityWorker', 'subdistrictOfficer', 'admin'], communityOf(s)) ||
    p.grants.some((g) => g.role === 'gridWorker' && g.unitPath.includes(s.communityId)),
};
