/**
 * Ids sort by creation time and are unguessable: a base-36 millisecond prefix (9 characters, enough until the year
 * 5188) and 10 characters drawn from random bytes. Pure, so the caller brings the bytes: node:crypto's in the
 * functions (platform/clock.ts newId), a hash of a name in the seeds (the same id on every run).
 */
export const ID_ALPHABET = '0123456789abcdefghijkmnpqrstuvwxyz';
export const ID_RANDOM_CHARS = 10;

export function timeSortedId(at: Date | number, bytes: Uint8Array): string {
  if (bytes.length < ID_RANDOM_CHARS) throw new RangeError(`timeSortedId needs ${ID_RANDOM_CHARS} bytes`);
  const time = (typeof at === 'number' ? at : at.getTime()).toString(36).padStart(9, '0');
  let rand = '';
  for (let i = 0; i < ID_RANDOM_CHARS; i++) rand += ID_ALPHABET[bytes[i]! % ID_ALPHABET.length];
  return `${time}${rand}`;
}
