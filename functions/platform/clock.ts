import { randomBytes } from 'node:crypto';

/** Time and ids are injected so tests can fix them. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: string | Date): Clock & { set(at: string | Date): void; advance(ms: number): void } {
  let t = new Date(at).getTime();
  return {
    now: () => new Date(t),
    set: (next) => {
      t = new Date(next).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

const alphabet = '0123456789abcdefghijkmnpqrstuvwxyz';

/** Ids sort by creation time (a base-36 millisecond prefix) and are unguessable (random suffix). */
export function newId(now: Date = new Date()): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  const bytes = randomBytes(10);
  let rand = '';
  for (const b of bytes) rand += alphabet[b % alphabet.length];
  return `${time}${rand}`;
}

export type IdGen = (now: Date) => string;
