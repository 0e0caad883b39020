import { grantCovers } from '../org/permissions';
import type { Principal, Role } from '../org/schemas';
import type { FiveListState } from './machine';

/** Pure access rules of the five lists. */

export interface MatterScope {
  subdistrictId: string;
  communityId: string;
  gridId?: string;
  unitId?: string;
  state: FiveListState;
}

/** A unit sees a matter once the joint committee has confirmed it to them: not while it may still be returned. */
const unitVisibleStates: readonly FiveListState[] = ['reviewed', 'claimed', 'resolved', 'rated', 'reopened', 'closed'];

/**
 * The roles a principal holds over this matter: a grant counts only where it covers the matter (a grid worker anywhere
 * in its community, a unit contact only for a matter confirmed to their unit, a resident only in their community).
 */
export function rolesOver(p: Principal, m: MatterScope): Role[] {
  const scope = { subdistrictId: m.subdistrictId, communityId: m.communityId };
  const out = new Set<Role>();
  for (const g of p.grants) {
    if (g.role === 'unitContact') {
      if (m.unitId === g.unitId && unitVisibleStates.includes(m.state)) out.add('unitContact');
    } else if (g.role === 'gridWorker') {
      if (g.unitPath.includes(m.communityId)) out.add('gridWorker');
    } else if (g.role === 'resident') {
      if (g.unitId === m.communityId) out.add('resident');
    } else if (grantCovers(g, scope)) out.add(g.role);
  }
  return [...out];
}

/** Who may read a matter at all: its community (residents and staff) and the unit it was confirmed to. */
export function canReadMatter(p: Principal, m: MatterScope): boolean {
  return rolesOver(p, m).length > 0;
}

/**
 * Who may watch (关注) a matter: a resident of its community, who sees it on the public board. Staff and units are told
 * through their own roles; a resident of another community does not see it at all.
 */
export function canWatch(p: Principal, m: MatterScope): boolean {
  return rolesOver(p, m).includes('resident');
}

/** Who sees the name of an anonymous submitter: the community's staff, not neighbours and not partner units. */
export function canSeeAnonymous(p: Principal, m: MatterScope): boolean {
  return rolesOver(p, m).some((r) => r === 'gridWorker' || r === 'communityWorker' || r === 'subdistrictOfficer' || r === 'admin');
}

/** Who takes matters in directly: grid workers of the community, its community workers, sub-district officers. */
export function canCollect(p: Principal, scope: { subdistrictId: string; communityId: string }): boolean {
  return rolesOver(p, { ...scope, state: 'collected' }).some((r) => r === 'gridWorker' || r === 'communityWorker' || r === 'subdistrictOfficer');
}

export function isOfficerOf(p: Principal, subdistrictId: string): boolean {
  return p.grants.some((g) => g.role === 'subdistrictOfficer' && g.unitPath[0] === subdistrictId);
}

export function isJointCommitteeOf(p: Principal, subdistrictId: string): boolean {
  return p.grants.some((g) => g.role === 'jointCommittee' && g.unitPath[0] === subdistrictId);
}

/** The sub-district's lists (dispatch board, review queue, overdue): its officers, its joint committee, its admins. */
export function canReadSubdistrictLists(p: Principal, subdistrictId: string): boolean {
  return p.grants.some((g) => (g.role === 'subdistrictOfficer' || g.role === 'jointCommittee' || g.role === 'admin') && g.unitPath[0] === subdistrictId);
}

export function isContactOf(p: Principal, unitId: string): boolean {
  return p.grants.some((g) => g.role === 'unitContact' && g.unitId === unitId);
}

/** Councils and consultations are run by community workers (their community) and officers (any of theirs). */
export function canRunCouncil(p: Principal, scope: { subdistrictId: string; communityId: string }): boolean {
  return rolesOver(p, { ...scope, state: 'collected' }).some((r) => r === 'communityWorker' || r === 'subdistrictOfficer');
}

/** A verified resident is one bound to a community (their resident grant); a sub-district consultation takes all of them. */
export function canVote(p: Principal, unit: { id: string; kind: string; path: readonly string[] }): boolean {
  return p.grants.some((g) => g.role === 'resident' && (unit.kind === 'community' ? g.unitId === unit.id : g.unitPath[0] === unit.id));
}
