import { cancelCutoffAt, cancelRefusal, decide, headAction, isFull, queued, resizeRefusal, seatsFor, signupRefusal, type PlacePolicy } from './reservation';
import { adjustmentNeedsReason, inAgeBand, mayBeHelped, mayHelp, servedMinutes, defaultTimeBankSettings } from './hours';
import { ageOn } from '../platform/idNumber';

const policy: PlacePolicy = {
  state: 'open',
  capacity: 10,
  maxSeats: 3,
  maxCompanions: 2,
  startsAt: '2026-12-10T02:00:00.000Z',
  cancelCutoffAt: '2026-12-09T02:00:00.000Z',
};
const before = new Date('2026-12-08T00:00:00.000Z');

describe('sign-up rules', () => {
  it('counts companions against the capacity', () => {
    expect(seatsFor(0)).toBe(1);
    expect(seatsFor(2)).toBe(3);
  });

  it('refuses a place that is not open, one that has started, and too many companions or seats', () => {
    expect(signupRefusal({ ...policy, state: 'draft' }, 0, before)).toBe('PLACE_NOT_OPEN');
    expect(signupRefusal(policy, 0, new Date(policy.startsAt))).toBe('SIGNUP_CLOSED');
    expect(signupRefusal(policy, 3, before)).toBe('TOO_MANY_COMPANIONS');
    expect(signupRefusal({ ...policy, maxCompanions: 5 }, 3, before)).toBe('OVER_PERSON_LIMIT');
    expect(signupRefusal({ ...policy, capacity: 2 }, 2, before)).toBe('OVER_CAPACITY');
    expect(signupRefusal(policy, 2, before)).toBeUndefined();
  });

  it('confirms only when the seats are free and nobody is waiting', () => {
    expect(decide({ free: 2, waiting: 0 }, 2)).toBe('confirm');
    expect(decide({ free: 1, waiting: 0 }, 2)).toBe('waitlist');
    expect(decide({ free: 5, waiting: 1 }, 1)).toBe('waitlist');
  });

  it('lets a waitlisted person leave any time, and a confirmed one only before the cut-off', () => {
    const cutoff = new Date(policy.cancelCutoffAt);
    expect(cancelRefusal(policy, { status: 'waitlisted' }, cutoff)).toBeUndefined();
    expect(cancelRefusal(policy, { status: 'confirmed' }, before)).toBeUndefined();
    expect(cancelRefusal(policy, { status: 'confirmed' }, cutoff)).toBe('CANCEL_CUTOFF_PASSED');
    expect(cancelRefusal(policy, { status: 'confirmed', checkedInAt: before.toISOString() }, before)).toBe('ALREADY_ATTENDED');
    expect(cancelRefusal(policy, { status: 'cancelled' }, before)).toBe('NOT_SIGNED_UP');
    expect(cancelRefusal(policy, undefined, before)).toBe('NOT_SIGNED_UP');
    expect(cancelCutoffAt(policy.startsAt, 24)).toBe(policy.cancelCutoffAt);
  });

  it('serves the waitlist strictly in order: a head that does not fit holds everyone behind it', () => {
    expect(headAction(undefined, 3)).toBe('hole');
    expect(headAction({ state: 'void', seats: 1 }, 3)).toBe('skip');
    expect(headAction({ state: 'live', seats: 3 }, 3)).toBe('promote');
    expect(headAction({ state: 'live', seats: 3 }, 2)).toBe('wait');
  });

  it('counts as queued every position handed out and not yet settled', () => {
    expect(queued({ head: 1, waitSeq: 0 })).toBe(0);
    expect(queued({ head: 3, waitSeq: 7 })).toBe(5);
  });

  it('is full once as many wait as the place has seats, and never before ten wait', () => {
    expect(isFull({ capacity: 50, head: 1, waitSeq: 49 })).toBe(false);
    expect(isFull({ capacity: 50, head: 1, waitSeq: 50 })).toBe(true);
    expect(isFull({ capacity: 50, head: 11, waitSeq: 59 })).toBe(false); // ten promoted: room again
    expect(isFull({ capacity: 2, head: 1, waitSeq: 9 })).toBe(false);
    expect(isFull({ capacity: 2, head: 1, waitSeq: 10 })).toBe(true);
  });

  it('never resizes below what is taken', () => {
    expect(resizeRefusal(5, 4)).toBe('SLOTS_BELOW_TAKEN');
    expect(resizeRefusal(5, 5)).toBeUndefined();
  });
});

describe('hours and ages', () => {
  const shift = { startsAt: '2026-12-10T01:00:00.000Z', endsAt: '2026-12-10T03:00:00.000Z' };
  it('counts the minutes served within the shift, by the quarter hour', () => {
    expect(servedMinutes('2026-12-10T00:55:00.000Z', '2026-12-10T03:05:00.000Z', shift)).toBe(120);
    expect(servedMinutes('2026-12-10T00:00:00.000Z', '2026-12-10T06:00:00.000Z', shift)).toBe(210); // 30 min early, 60 late at most
    expect(servedMinutes('2026-12-10T03:00:00.000Z', '2026-12-10T02:00:00.000Z', shift)).toBe(0);
  });
  it('asks a reason for an adjustment only', () => {
    expect(adjustmentNeedsReason(120, 120, undefined)).toBe(false);
    expect(adjustmentNeedsReason(120, 90, undefined)).toBe(true);
    expect(adjustmentNeedsReason(120, 90, '提前离开')).toBe(false);
  });
  it('computes full years and the time bank bands', () => {
    expect(ageOn('1956-12-10', '2026-12-09')).toBe(69);
    expect(ageOn('1956-12-10', '2026-12-10')).toBe(70);
    const s = defaultTimeBankSettings('sd');
    expect(mayHelp(s, 65)).toBe(true);
    expect(mayHelp(s, 80)).toBe(false);
    expect(mayBeHelped(s, 80)).toBe(true);
    expect(mayBeHelped(s, 70)).toBe(false);
    expect(inAgeBand(undefined, {})).toBe(true);
    expect(inAgeBand(undefined, { minAge: 60 })).toBe(false);
    expect(inAgeBand(65, { minAge: 60, maxAge: 70 })).toBe(true);
  });
});
