import type { Principal } from '../org/schemas';
import type { StaffLevel } from './kinds/machine';

/**
 * Who works the safety and street-front ledgers of a community: its community workers and the sub-district's officers
 * ('community'); its grid workers too for the rounds (inspect, re-inspect, report, record a signing: 'grid').
 */
export function canWork(p: Principal, scope: { subdistrictId: string; communityId: string }, level: StaffLevel): boolean {
  return p.grants.some(
    (g) =>
      (g.role === 'subdistrictOfficer' && g.unitId === scope.subdistrictId) ||
      (g.role === 'communityWorker' && g.unitId === scope.communityId) ||
      (level === 'grid' && g.role === 'gridWorker' && g.unitPath.includes(scope.communityId)),
  );
}
