import type { Grant, Principal } from '../org/schemas';
import { reliefCan } from './permissions';

const g = (role: Grant['role'], unitPath: string[]): Grant => ({ role, unitId: unitPath[unitPath.length - 1]!, unitPath });
const who = (userId: string, ...grants: Grant[]): Principal => ({ userId, grants });
const app = { subdistrictId: 'sd', communityId: 'c1', gridId: 'g1', ownerId: 'res', filedById: 'gw1' };

describe('who may read and decide an application', () => {
  it('lets the household, its grid’s worker, the community’s workers and the sub-district’s officers read it', () => {
    expect(reliefCan.readApplication(who('res', g('resident', ['sd', 'c1'])), app)).toBe(true);
    expect(reliefCan.readApplication(who('gw2', g('gridWorker', ['sd', 'c1', 'g1'])), app)).toBe(true);
    expect(reliefCan.readApplication(who('cw', g('communityWorker', ['sd', 'c1'])), app)).toBe(true);
    expect(reliefCan.readApplication(who('off', g('subdistrictOfficer', ['sd'])), app)).toBe(true);
  });
  it('keeps it from a neighbour, another grid’s worker and another community’s worker', () => {
    expect(reliefCan.readApplication(who('nb', g('resident', ['sd', 'c1'])), app)).toBe(false);
    expect(reliefCan.readApplication(who('gw3', g('gridWorker', ['sd', 'c1', 'g2'])), app)).toBe(false);
    expect(reliefCan.readApplication(who('cw2', g('communityWorker', ['sd', 'c2'])), app)).toBe(false);
  });
  it('gives the first level to the community’s workers and the second to the sub-district’s officers', () => {
    expect(reliefCan.reviewCommunity(who('cw', g('communityWorker', ['sd', 'c1'])), app)).toBe(true);
    expect(reliefCan.reviewCommunity(who('off', g('subdistrictOfficer', ['sd'])), app)).toBe(false);
    expect(reliefCan.reviewSubdistrict(who('off', g('subdistrictOfficer', ['sd'])), app)).toBe(true);
    expect(reliefCan.reviewSubdistrict(who('cw', g('communityWorker', ['sd', 'c1'])), app)).toBe(false);
    expect(reliefCan.reveal(who('gw2', g('gridWorker', ['sd', 'c1', 'g1'])), app)).toBe(false);
  });
  it('follows the grants as they are now: the worker who filed it reads and acts only while they hold the grid', () => {
    const filer = who('gw1', g('gridWorker', ['sd', 'c1', 'g1']));
    const formerFiler = who('gw1');
    expect(reliefCan.readApplication(filer, app)).toBe(true);
    expect(reliefCan.actOnApplication(filer, app)).toBe(true);
    expect(reliefCan.readApplication(formerFiler, app)).toBe(false);
    expect(reliefCan.actOnApplication(formerFiler, app)).toBe(false);
    expect(reliefCan.typedApplication(formerFiler, app)).toBe(false);
  });
  it('counts the owner and the filing worker as the applicant’s side, and only the typist typed it', () => {
    expect(reliefCan.isApplicant(who('res'), app)).toBe(true);
    expect(reliefCan.isApplicant(who('gw1'), app)).toBe(true);
    expect(reliefCan.isApplicant(who('cw', g('communityWorker', ['sd', 'c1'])), app)).toBe(false);
    expect(reliefCan.typedApplication(who('res', g('resident', ['sd', 'c1'])), app)).toBe(false);
    expect(reliefCan.typedApplication(who('res', g('resident', ['sd', 'c1'])), { ...app, filedById: undefined })).toBe(true);
  });
});
