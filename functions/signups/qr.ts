import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed codes of sign-ups, HMAC-SHA256 with keys derived from the token secret (one per purpose, so a check-in code
 * can never pass as a ticket or an access token).
 *
 * Check-in: the organizer's screen shows a code for the shift that changes every WINDOW_SECONDS; a scan is accepted in
 * the window it was made for and the one after (so a code scanned as it turns still works), never later: a photo of
 * the code sent home is useless a minute or two on. Tickets: one per event and person, checked at the door.
 */
export const WINDOW_SECONDS = 60;

function key(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`linli:signups:${purpose}`).digest();
}
function mac(secret: string, purpose: string, data: string): string {
  return createHmac('sha256', key(secret, purpose)).update(data).digest('base64url').slice(0, 32);
}
function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const windowOf = (now: Date) => Math.floor(now.getTime() / 1000 / WINDOW_SECONDS);

export function shiftCode(secret: string, shiftId: string, now: Date): { token: string; expiresAt: string } {
  const w = windowOf(now);
  return { token: `c1.${shiftId}.${w}.${mac(secret, 'checkin', `${shiftId}.${w}`)}`, expiresAt: new Date((w + 2) * WINDOW_SECONDS * 1000).toISOString() };
}

/** 'ok', or why not: a code that is not ours or not for this shift is 'invalid'; one of ours that is too old is 'expired'. */
export function verifyShiftCode(secret: string, shiftId: string, token: string, now: Date): 'ok' | 'invalid' | 'expired' {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'c1' || parts[1] !== shiftId || !/^\d{1,12}$/.test(parts[2]!)) return 'invalid';
  if (!same(parts[3]!, mac(secret, 'checkin', `${parts[1]}.${parts[2]}`))) return 'invalid';
  const age = windowOf(now) - Number(parts[2]);
  if (age < 0) return 'invalid';
  return age <= 1 ? 'ok' : 'expired';
}

export function ticketFor(secret: string, eventId: string, userId: string): string {
  return `t1.${eventId}.${userId}.${mac(secret, 'ticket', `${eventId}.${userId}`)}`;
}

/** The holder of a genuine ticket for this event, or undefined. */
export function ticketHolder(secret: string, eventId: string, ticket: string): string | undefined {
  const parts = ticket.split('.');
  if (parts.length !== 4 || parts[0] !== 't1' || parts[1] !== eventId || !/^[A-Za-z0-9_-]{1,64}$/.test(parts[2]!)) return undefined;
  return same(parts[3]!, mac(secret, 'ticket', `${eventId}.${parts[2]}`)) ? parts[2] : undefined;
}
