import { randomBytes } from 'node:crypto';
import { ID_RANDOM_CHARS, timeSortedId } from '../../shared/platform/ids';

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

/** Ids sort by creation time and are unguessable (shared/platform/ids.ts), from node's random bytes. */
export function newId(now: Date = new Date()): string {
  return timeSortedId(now, randomBytes(ID_RANDOM_CHARS));
}

export type IdGen = (now: Date) => string;
