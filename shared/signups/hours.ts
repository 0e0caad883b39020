import type { TimeBankSettings } from './schemas';

/** Hours and ages for sign-ups: pure (ages from shared/platform/idNumber, masking from shared/platform/masking). */

const MINUTE = 60_000;
/** check-in is accepted from this long before a shift, check-out counts until this long after */
export const EARLY_MINUTES = 30;
export const LATE_MINUTES = 60;

/**
 * The minutes served between check-in and check-out, counted only within the shift (from 30 minutes before its start
 * to an hour after its end) and rounded down to the quarter hour, as service records are kept.
 */
export function servedMinutes(checkedInAt: string, checkedOutAt: string, shift: { startsAt: string; endsAt: string }): number {
  const from = Math.max(Date.parse(checkedInAt), Date.parse(shift.startsAt) - EARLY_MINUTES * MINUTE);
  const to = Math.min(Date.parse(checkedOutAt), Date.parse(shift.endsAt) + LATE_MINUTES * MINUTE);
  if (to <= from) return 0;
  return Math.floor((to - from) / MINUTE / 15) * 15;
}

/** Confirming anything other than what the check-in and check-out give is an adjustment: it needs a reason. */
export function adjustmentNeedsReason(claimedMinutes: number | undefined, minutes: number, reason: string | undefined): boolean {
  return minutes !== (claimedMinutes ?? 0) && !reason;
}

export const defaultTimeBankSettings = (subdistrictId: string): TimeBankSettings => ({
  subdistrictId,
  helperMinAge: 60,
  helperMaxAge: 75,
  helpedMinAge: 75,
  // 50 hours a month for a sub-district: a few hours each for its oldest residents
  monthlyGrantMinutes: 3000,
  version: 0,
});

export function mayHelp(settings: TimeBankSettings, age: number): boolean {
  return age >= settings.helperMinAge && age <= settings.helperMaxAge;
}
export function mayBeHelped(settings: TimeBankSettings, age: number): boolean {
  return age >= settings.helpedMinAge;
}

export function inAgeBand(age: number | undefined, band: { minAge?: number; maxAge?: number }): boolean {
  if (band.minAge === undefined && band.maxAge === undefined) return true;
  if (age === undefined) return false;
  return (band.minAge === undefined || age >= band.minAge) && (band.maxAge === undefined || age <= band.maxAge);
}

export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
