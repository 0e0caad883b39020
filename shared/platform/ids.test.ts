import { ID_ALPHABET, timeSortedId } from './ids';

const bytes = (fill: number) => new Uint8Array(10).fill(fill);

describe('time-sorted ids', () => {
  it('sort in the order they were made, whatever their random part', () => {
    // Prepare
    const times = [Date.parse('2026-12-04T16:00:00Z'), Date.parse('2026-12-04T16:00:00.001Z'), Date.parse('2027-01-01T00:00:00Z')];
    // Act
    const ids = times.map((t, i) => timeSortedId(t, bytes(255 - i * 100)));
    // Assess
    expect([...ids].sort()).toEqual(ids);
  });

  it('are 19 characters of a lower-case alphabet without l and o', () => {
    const id = timeSortedId(new Date('2026-12-04T16:00:00Z'), Uint8Array.from([0, 1, 2, 33, 34, 35, 100, 200, 254, 255]));
    expect(id).toHaveLength(19);
    expect([...id].every((c) => ID_ALPHABET.includes(c))).toBe(true);
    expect(ID_ALPHABET).not.toMatch(/[lo]/);
  });

  it('are the same for the same instant and bytes, and differ when the bytes do', () => {
    const at = new Date('2026-12-04T16:00:00Z');
    expect(timeSortedId(at, bytes(7))).toBe(timeSortedId(at.getTime(), bytes(7)));
    expect(timeSortedId(at, bytes(7))).not.toBe(timeSortedId(at, bytes(8)));
  });

  it('refuses fewer random bytes than it needs', () => {
    expect(() => timeSortedId(0, new Uint8Array(9))).toThrow(RangeError);
  });
});
