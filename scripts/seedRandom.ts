import { createHash } from 'node:crypto';

/** A deterministic random stream from a string (mulberry32 seeded by SHA-1), so every seed run makes the same data. */
export function rng(seedText: string): () => number {
  let a = createHash('sha1').update(seedText).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
