import { can, grantCovers } from './permissions';
import type { Principal } from './schemas';

const scopeA = { subdistrictId: 'sd', communityId: 'c-a' };
const person = (grants: Principal['grants']): Principal => ({ userId: 'u', grants });

describe('access rules', () => {
  it('lets a grant cover its unit and what is under it, nothing beside it', () => {
    expect(grantCovers({ role: 'subdistrictOfficer', unitId: 'sd', unitPath: ['sd'] }, scopeA)).toBe(true);
    expect(grantCovers({ role: 'communityWorker', unitId: 'c-a', unitPath: ['sd', 'c-a'] }, scopeA)).toBe(true);
    expect(grantCovers({ role: 'communityWorker', unitId: 'c-b', unitPath: ['sd', 'c-b'] }, scopeA)).toBe(false);
  });

  it('lets only residents of the community submit and second', () => {
    expect(can.submitMatter(person([{ role: 'resident', unitId: 'c-a', unitPath: ['sd', 'c-a'] }]), scopeA)).toBe(true);
    expect(can.submitMatter(person([{ role: 'resident', unitId: 'c-b', unitPath: ['sd', 'c-b'] }]), scopeA)).toBe(false);
    expect(can.secondMatter(person([{ role: 'communityWorker', unitId: 'c-a', unitPath: ['sd', 'c-a'] }]), scopeA)).toBe(false);
  });

  it('lets community workers and officers run sessions, not residents or grid workers', () => {
    expect(can.runSession(person([{ role: 'communityWorker', unitId: 'c-a', unitPath: ['sd', 'c-a'] }]), scopeA)).toBe(true);
    expect(can.runSession(person([{ role: 'subdistrictOfficer', unitId: 'sd', unitPath: ['sd'] }]), scopeA)).toBe(true);
    expect(can.runSession(person([{ role: 'resident', unitId: 'c-a', unitPath: ['sd', 'c-a'] }]), scopeA)).toBe(false);
    expect(can.runSession(person([{ role: 'gridWorker', unitId: 'g-1', unitPath: ['sd', 'c-a', 'g-1'] }]), scopeA)).toBe(false);
  });

  it("lets a grid worker read their community's board and see anonymous authors", () => {
    const grid = person([{ role: 'gridWorker', unitId: 'g-1', unitPath: ['sd', 'c-a', 'g-1'] }]);
    expect(can.readCommunity(grid, scopeA)).toBe(true);
    expect(can.seeAnonymousAuthor(grid, scopeA)).toBe(true);
    expect(can.seeAnonymousAuthor(person([{ role: 'resident', unitId: 'c-a', unitPath: ['sd', 'c-a'] }]), scopeA)).toBe(false);
  });
  it("lets a grid's worker list the grid's residents but not the community's; community workers and officers both", () => {
    const grid = { ...scopeA, gridId: 'g-1' };
    const gridWorker = person([{ role: 'gridWorker', unitId: 'g-1', unitPath: ['sd', 'c-a', 'g-1'] }]);
    expect(can.readResidents(gridWorker, grid)).toBe(true);
    expect(can.readResidents(gridWorker, { ...scopeA, gridId: 'g-2' })).toBe(false);
    expect(can.readResidents(gridWorker, scopeA)).toBe(false);
    for (const g of [{ role: 'communityWorker' as const, unitId: 'c-a', unitPath: ['sd', 'c-a'] }, { role: 'subdistrictOfficer' as const, unitId: 'sd', unitPath: ['sd'] }]) {
      expect(can.readResidents(person([g]), grid)).toBe(true);
      expect(can.readResidents(person([g]), scopeA)).toBe(true);
    }
    expect(can.readResidents(person([{ role: 'resident', unitId: 'c-a', unitPath: ['sd', 'c-a'] }]), grid)).toBe(false);
    expect(can.readResidents(person([{ role: 'communityWorker', unitId: 'c-b', unitPath: ['sd', 'c-b'] }]), scopeA)).toBe(false);
  });
});
