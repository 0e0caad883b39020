import type { Reservation } from '@shared/signups/schemas'
import type { MessageKey } from '../i18n/messages'

/** Minutes as hours, to the quarter: 150 → "2.5". */
export function hoursOf(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100)
}

/** A reservation's state as words (never colour alone) and a tone as a second signal. */
export function reservationState(r: Pick<Reservation, 'status' | 'checkedInAt' | 'checkedOutAt'>): { key: MessageKey; tone: 'good' | 'warn' | 'neutral' | 'brand' } {
  if (r.status === 'cancelled') return { key: 'su.status.cancelled', tone: 'neutral' }
  if (r.status === 'waitlisted') return { key: 'su.status.waitlisted', tone: 'warn' }
  if (r.checkedOutAt) return { key: 'su.status.checkedOut', tone: 'good' }
  if (r.checkedInAt) return { key: 'su.status.checkedIn', tone: 'good' }
  return { key: 'su.status.confirmed', tone: 'brand' }
}
