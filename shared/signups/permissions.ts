import type { Principal } from '../org/schemas';

/**
 * Who may do what with sign-ups. Activities, events and teams belong to a unit (a community or the sub-district);
 * `unitPath` is that unit's path from the sub-district down.
 */
const last = (path: readonly string[]) => path[path.length - 1]!;

/** A resident sees what is posted for their community or above it; staff see what is posted under their unit. */
export function canSee(p: Principal, unitPath: readonly string[]): boolean {
  return p.grants.some((g) => g.unitPath.includes(last(unitPath)) || unitPath.includes(g.unitId));
}

/** Post and run activities and events: an organizer of the unit or a unit above it. */
export function canOrganize(p: Principal, unitPath: readonly string[]): boolean {
  return p.grants.some((g) => g.role === 'organizer' && unitPath.includes(g.unitId));
}

/** See rosters and ledgers of people under a unit: its organizers and workers. */
export function isStaffOver(p: Principal, unitPath: readonly string[]): boolean {
  return p.grants.some((g) => ['organizer', 'communityWorker', 'subdistrictOfficer'].includes(g.role) && unitPath.includes(g.unitId));
}

/** Hours are confirmed by the organizer who posted the activity, and never by the one who served them. */
export function mayConfirmHours(p: Principal, activity: { organizerId: string; unitPath: readonly string[] }, volunteerId: string): 'ok' | 'OWN_HOURS' | 'FORBIDDEN' {
  if (volunteerId === p.userId) return 'OWN_HOURS';
  if (activity.organizerId !== p.userId || !canOrganize(p, activity.unitPath)) return 'FORBIDDEN';
  return 'ok';
}

/** Settings of the time bank: the sub-district's officers and admins. */
export function canSetTimeBank(p: Principal, subdistrictId: string): boolean {
  return p.grants.some((g) => (g.role === 'subdistrictOfficer' || g.role === 'admin') && g.unitId === subdistrictId);
}
