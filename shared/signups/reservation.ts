import type { ErrorCode } from '../errors';

/**
 * The reservation engine's rules, pure. The database keeps them under concurrency (functions/signups/reservations.ts
 * turns each into a condition); these say what the answer is for one request, and the client shows the same.
 */
export interface PlacePolicy {
  state: 'draft' | 'open' | 'cancelled';
  capacity: number;
  /** the most seats one reservation may hold, companions included */
  maxSeats: number;
  maxCompanions: number;
  startsAt: string;
  /** a confirmed place may be given back until then */
  cancelCutoffAt: string;
}

export interface Counter {
  free: number;
  waiting: number;
}

/** The holder and their companions: what counts against the capacity. */
export function seatsFor(companions: number): number {
  return 1 + companions;
}

/** Positions handed out and not yet settled: those waiting, and any about to be. */
export function queued(counter: { head: number; waitSeq: number }): number {
  return Math.max(0, counter.waitSeq - counter.head + 1);
}

/**
 * How many may wait for a place: as many as it has seats, and at least 10. Beyond that a sign-up is answered
 * PLACE_FULL, from a read of the counter alone: when 5,000 tap a 50-place shift, the 100th and later write nothing.
 */
export function waitlistLimit(policy: Pick<PlacePolicy, 'capacity'>): number {
  return Math.max(10, policy.capacity);
}

/** No seat would be given now and the waitlist is as long as it may be (positions handed out count, as in `queued`). */
export function isFull(counter: { capacity: number; head: number; waitSeq: number }): boolean {
  return queued(counter) >= waitlistLimit(counter);
}

/** Why a sign-up is refused outright (before any seat is looked at), or undefined. */
export function signupRefusal(policy: PlacePolicy, companions: number, now: Date): ErrorCode | undefined {
  if (policy.state !== 'open') return 'PLACE_NOT_OPEN';
  if (Date.parse(policy.startsAt) <= now.getTime()) return 'SIGNUP_CLOSED';
  if (companions > policy.maxCompanions) return 'TOO_MANY_COMPANIONS';
  const seats = seatsFor(companions);
  if (seats > policy.maxSeats) return 'OVER_PERSON_LIMIT';
  // it could never be served: waiting for it would block the whole queue behind it
  if (seats > policy.capacity) return 'OVER_CAPACITY';
  return undefined;
}

/**
 * Confirm only when the seats are free AND nobody waits: a new sign-up never overtakes the waitlist, even when a
 * seat is free because the first in line needs more seats than there are.
 */
export function decide(counter: Counter, seats: number): 'confirm' | 'waitlist' {
  return counter.waiting === 0 && counter.free >= seats ? 'confirm' : 'waitlist';
}

/** Why a cancellation is refused, or undefined. Leaving the waitlist is always allowed; giving back a seat only before the cut-off. */
export function cancelRefusal(
  policy: Pick<PlacePolicy, 'cancelCutoffAt'>,
  reservation: { status: 'confirmed' | 'waitlisted' | 'cancelled'; checkedInAt?: string } | undefined,
  now: Date,
): ErrorCode | undefined {
  if (!reservation || reservation.status === 'cancelled') return 'NOT_SIGNED_UP';
  if (reservation.status === 'waitlisted') return undefined;
  if (reservation.checkedInAt) return 'ALREADY_ATTENDED';
  if (Date.parse(policy.cancelCutoffAt) <= now.getTime()) return 'CANCEL_CUTOFF_PASSED';
  return undefined;
}

export function cancelCutoffAt(startsAt: string, hours: number): string {
  return new Date(Date.parse(startsAt) - hours * 3600_000).toISOString();
}

/**
 * What to do with the head of the waitlist when seats may be free. The head is the lowest position not yet settled:
 * `hole` — allocated but not (yet) written: close it, so a late writer retries at the back rather than be skipped;
 * `void` — left the queue: step past it; `promote` — it fits; `wait` — it does not fit, and nobody behind may overtake it.
 */
export function headAction(head: { state: 'live' | 'void' | 'promoted'; seats: number } | undefined, free: number): 'hole' | 'skip' | 'promote' | 'wait' {
  if (!head) return 'hole';
  if (head.state !== 'live') return 'skip';
  return head.seats <= free ? 'promote' : 'wait';
}

/** Changing a place's capacity: never below what is taken. */
export function resizeRefusal(taken: number, newCapacity: number): ErrorCode | undefined {
  return newCapacity < taken ? 'SLOTS_BELOW_TAKEN' : undefined;
}
