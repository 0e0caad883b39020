import type { Principal } from '../org/schemas';
import { residentCommunityId } from '../org/permissions';
import type { AudienceKind } from './schemas';

/** Where an announcement's audience sits in the tree: what the access rules and the keys are computed from. */
export interface AudienceScope {
  kind: AudienceKind;
  subdistrictId: string;
  communityId?: string;
  gridId?: string;
  building?: string;
}

/** Where a resident lives, as far as announcements go: their community (and its sub-district), grid and building. */
export interface Residence {
  subdistrictId: string;
  communityId: string;
  gridId?: string;
  building?: string;
}

/**
 * Who may post to (and edit, withdraw, see the read count of) an audience: a sub-district officer anywhere in their
 * sub-district; a community worker in their community (the community, a grid of it, a building of it).
 */
export function canManage(p: Principal, a: AudienceScope): boolean {
  return p.grants.some(
    (g) =>
      (g.role === 'subdistrictOfficer' && g.unitId === a.subdistrictId) ||
      (g.role === 'communityWorker' && a.kind !== 'subdistrict' && a.communityId !== undefined && g.unitId === a.communityId),
  );
}

/** Does an announcement to this audience reach this resident? */
export function reaches(a: AudienceScope, r: Residence): boolean {
  switch (a.kind) {
    case 'subdistrict':
      return a.subdistrictId === r.subdistrictId;
    case 'community':
      return a.communityId === r.communityId;
    case 'grid':
      return r.gridId !== undefined && a.gridId === r.gridId;
    case 'building':
      return a.communityId === r.communityId && r.building !== undefined && a.building === r.building;
  }
}

/** The resident's community and sub-district from their grant (grid and building come from the table). */
export function residentUnits(p: Principal): { subdistrictId: string; communityId: string } | undefined {
  const communityId = residentCommunityId(p);
  const grant = p.grants.find((g) => g.role === 'resident' && g.unitId === communityId);
  return communityId && grant ? { subdistrictId: grant.unitPath[0]!, communityId } : undefined;
}

/** The audience partitions a resident reads: the sub-district's, their community's, their grid's and their building's. */
export function audienceKeysOf(r: Residence): string[] {
  return [`SD#${r.subdistrictId}`, `C#${r.communityId}`, ...(r.gridId ? [`G#${r.gridId}`] : []), ...(r.building ? [`B#${r.communityId}#${r.building}`] : [])];
}

/** The audience partition an announcement is listed in. */
export function audienceKeyOf(a: AudienceScope): string {
  switch (a.kind) {
    case 'subdistrict':
      return `SD#${a.subdistrictId}`;
    case 'community':
      return `C#${a.communityId}`;
    case 'grid':
      return `G#${a.gridId}`;
    case 'building':
      return `B#${a.communityId}#${a.building}`;
  }
}

/** The order within an audience partition, newest first when read backwards: pinned ones sort above the rest. */
export function listOrderKey(pinned: boolean, publishAt: string, id: string): string {
  return `${pinned ? '1' : '0'}#${publishAt}#${id}`;
}

/** A resident's list: unread first, then pinned, then newest (by publish time). */
export function byUnreadPinnedNewest<T extends { read?: boolean; pinned: boolean; publishAt: string; id: string }>(a: T, b: T): number {
  if (!!a.read !== !!b.read) return a.read ? 1 : -1;
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.publishAt !== b.publishAt) return a.publishAt < b.publishAt ? 1 : -1;
  return a.id < b.id ? 1 : -1;
}
