import type { Principal } from '../org/schemas';
import { audienceKeyOf, audienceKeysOf, byUnreadPinnedNewest, canManage, reaches, residentUnits } from './rules';
import { BuildingLabel, normalizeBuilding } from './schemas';

const worker: Principal = { userId: 'w', grants: [{ role: 'communityWorker', unitId: 'c-a', unitPath: ['sd', 'c-a'] }] };
const officer: Principal = { userId: 'o', grants: [{ role: 'subdistrictOfficer', unitId: 'sd', unitPath: ['sd'] }] };
const resident: Principal = { userId: 'r', grants: [{ role: 'resident', unitId: 'c-a', unitPath: ['sd', 'c-a'] }] };

describe('who may post where', () => {
  it('lets a community worker post to their community, its grids and buildings, but not the sub-district or another community', () => {
    expect(canManage(worker, { kind: 'community', subdistrictId: 'sd', communityId: 'c-a' })).toBe(true);
    expect(canManage(worker, { kind: 'grid', subdistrictId: 'sd', communityId: 'c-a', gridId: 'g1' })).toBe(true);
    expect(canManage(worker, { kind: 'building', subdistrictId: 'sd', communityId: 'c-a', building: '3号楼' })).toBe(true);
    expect(canManage(worker, { kind: 'subdistrict', subdistrictId: 'sd' })).toBe(false);
    expect(canManage(worker, { kind: 'community', subdistrictId: 'sd', communityId: 'c-b' })).toBe(false);
  });

  it('lets an officer post anywhere in their sub-district and nowhere else; a resident nowhere', () => {
    expect(canManage(officer, { kind: 'subdistrict', subdistrictId: 'sd' })).toBe(true);
    expect(canManage(officer, { kind: 'grid', subdistrictId: 'sd', communityId: 'c-b', gridId: 'g9' })).toBe(true);
    expect(canManage(officer, { kind: 'subdistrict', subdistrictId: 'sd-other' })).toBe(false);
    expect(canManage(resident, { kind: 'community', subdistrictId: 'sd', communityId: 'c-a' })).toBe(false);
  });
});

describe('whom an announcement reaches', () => {
  const home = { subdistrictId: 'sd', communityId: 'c-a', gridId: 'g1', building: '3号楼' };
  it('reaches a resident through their sub-district, community, grid and building only', () => {
    expect(reaches({ kind: 'subdistrict', subdistrictId: 'sd' }, home)).toBe(true);
    expect(reaches({ kind: 'community', subdistrictId: 'sd', communityId: 'c-a' }, home)).toBe(true);
    expect(reaches({ kind: 'grid', subdistrictId: 'sd', communityId: 'c-a', gridId: 'g1' }, home)).toBe(true);
    expect(reaches({ kind: 'grid', subdistrictId: 'sd', communityId: 'c-a', gridId: 'g2' }, home)).toBe(false);
    expect(reaches({ kind: 'building', subdistrictId: 'sd', communityId: 'c-a', building: '3号楼' }, home)).toBe(true);
    expect(reaches({ kind: 'building', subdistrictId: 'sd', communityId: 'c-b', building: '3号楼' }, home)).toBe(false);
    expect(reaches({ kind: 'building', subdistrictId: 'sd', communityId: 'c-a', building: '3号楼' }, { ...home, building: undefined })).toBe(false);
  });

  it('reads the partitions of the resident’s own units, and lists each announcement in its audience’s', () => {
    expect(audienceKeysOf(residentUnits(resident)!)).toEqual(['SD#sd', 'C#c-a']);
    expect(audienceKeysOf({ subdistrictId: 'sd', communityId: 'c-a', gridId: 'g1', building: 'B2' })).toEqual(['SD#sd', 'C#c-a', 'G#g1', 'B#c-a#B2']);
    expect(audienceKeyOf({ kind: 'building', subdistrictId: 'sd', communityId: 'c-a', building: 'B2' })).toBe('B#c-a#B2');
  });
});

describe('building labels', () => {
  it('reads "3 号楼 " and "3号楼" as the same building, and b2 as B2', () => {
    expect(normalizeBuilding(' 3 号楼 ')).toBe('3号楼');
    expect(BuildingLabel.parse('ｂ２')).toBe('B2');
    expect(BuildingLabel.safeParse('   ').success).toBe(false);
    expect(BuildingLabel.safeParse('1#2').success).toBe(false);
  });
});

describe('the order of a resident’s list', () => {
  it('puts unread first, then pinned, then the newest', () => {
    const a = (id: string, read: boolean, pinned: boolean, publishAt: string) => ({ id, read, pinned, publishAt });
    const list = [a('old-read', true, false, '2026-01-01'), a('pinned-read', true, true, '2025-01-01'), a('new-unread', false, false, '2026-02-01'), a('old-unread-pinned', false, true, '2025-06-01'), a('newest-unread', false, false, '2026-03-01')];
    expect(list.sort(byUnreadPinnedNewest).map((x) => x.id)).toEqual(['old-unread-pinned', 'newest-unread', 'new-unread', 'pinned-read', 'old-read']);
  });
});
