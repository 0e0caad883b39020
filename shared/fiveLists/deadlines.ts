import type { MatterCategory } from '../sayItDay/schemas';
import type { FiveListState } from './machine';

/**
 * Every step of the five lists has a deadline. The resolution deadline comes from the matter's category (the officer
 * may set another when dispatching); the other steps have fixed spans. Days are calendar days.
 */
export const DAY_MS = 86_400_000;

/** How long a partner unit has to resolve a matter of each category, from the moment the dispatch is confirmed. */
export const defaultResolveDays: Record<MatterCategory, number> = {
  safety: 3,
  personalDifficulty: 7,
  environment: 7,
  other: 15,
  communityBuilding: 30,
};

/** Days allowed for each waiting step (the step a matter is in until someone acts). */
export const stepDays: Partial<Record<FiveListState, number>> = {
  collected: 2, // the sub-district dispatches
  returned: 2, // the sub-district dispatches again
  dispatched: 2, // the joint committee reviews
  reviewed: 2, // the unit claims
  reopened: 2, // the unit claims again
};

/** The rating window after a resolution. */
export const RATING_WINDOW_DAYS = 7;

export function addDays(at: Date | string, days: number): string {
  return new Date(new Date(at).getTime() + days * DAY_MS).toISOString();
}

/** The resolution deadline an officer is proposed when dispatching a matter of this category. */
export function proposedResolveBy(category: MatterCategory, now: Date | string): string {
  return addDays(now, defaultResolveDays[category]);
}

/**
 * The deadline of the step a matter enters: fixed spans for waiting steps, the resolution deadline once claimed, the
 * end of the rating window once resolved; none for final states.
 */
export function stepDeadline(state: FiveListState, now: Date | string, opts: { resolveBy?: string; ratingWindowDays?: number } = {}): string | undefined {
  const span = stepDays[state];
  if (span !== undefined) return addDays(now, span);
  if (state === 'claimed') return opts.resolveBy ?? addDays(now, 7);
  if (state === 'resolved') return addDays(now, opts.ratingWindowDays ?? RATING_WINDOW_DAYS);
  return undefined;
}

export function isOverdue(deadlineAt: string | undefined, state: FiveListState, now: Date): boolean {
  if (!deadlineAt) return false;
  const waiting = ['collected', 'returned', 'dispatched', 'reviewed', 'claimed', 'reopened'].includes(state);
  return waiting && deadlineAt < now.toISOString();
}
