import type { Principal } from '../org/schemas';
import { canOrganize, canSee, isStaffOver, mayConfirmHours } from './permissions';

const resident: Principal = { userId: 'r', grants: [{ role: 'resident', unitId: 'c-a', unitPath: ['sd', 'c-a'] }] };
const organizer: Principal = { userId: 'o', grants: [{ role: 'organizer', unitId: 'c-a', unitPath: ['sd', 'c-a'] }] };

describe('sign-up permissions', () => {
  it('shows a resident what is posted for their community and the sub-district, not another community', () => {
    expect(canSee(resident, ['sd', 'c-a'])).toBe(true);
    expect(canSee(resident, ['sd'])).toBe(true);
    expect(canSee(resident, ['sd', 'c-b'])).toBe(false);
  });
  it('lets an organizer run what is under their unit only', () => {
    expect(canOrganize(organizer, ['sd', 'c-a'])).toBe(true);
    expect(canOrganize(organizer, ['sd'])).toBe(false);
    expect(canOrganize(resident, ['sd', 'c-a'])).toBe(false);
    expect(isStaffOver(organizer, ['sd', 'c-a'])).toBe(true);
  });
  it('lets only the organizer of the activity confirm hours, and nobody their own', () => {
    const activity = { organizerId: 'o', unitPath: ['sd', 'c-a'] };
    expect(mayConfirmHours(organizer, activity, 'r')).toBe('ok');
    expect(mayConfirmHours(organizer, activity, 'o')).toBe('OWN_HOURS');
    const other: Principal = { userId: 'o2', grants: organizer.grants };
    expect(mayConfirmHours(other, activity, 'r')).toBe('FORBIDDEN');
  });
});
