import { ageInYear, eligibilityOf, slotTimes, subsidyFor } from './rules';

describe('elder-care rules', () => {
  it('gives the largest subsidy an elder is eligible for, never more than the price', () => {
    const item = { priceFen: 1500, subsidyFen: { senior: 500, dibao: 1000, disability: 2000 } };
    expect(subsidyFor(item, []).subsidyFen).toBe(0);
    expect(subsidyFor(item, ['senior'])).toEqual({ subsidyFen: 500, payFen: 1000, subsidyFor: ['senior'] });
    expect(subsidyFor(item, ['senior', 'dibao']).subsidyFen).toBe(1000);
    expect(subsidyFor(item, ['disability'])).toMatchObject({ subsidyFen: 1500, payFen: 0 });
  });

  it('counts 高龄 from the birth year in the China year', () => {
    expect(ageInYear(1946, '2026-12-31T17:00:00Z')).toBe(81); // already 2027 in China
    expect(eligibilityOf(ageInYear(1946, '2026-06-01T00:00:00Z'), 80, { dibao: false, disability: false })).toEqual(['senior']);
    expect(eligibilityOf(79, 80, { dibao: true, disability: false })).toEqual(['dibao']);
    expect(eligibilityOf(undefined, 80, { dibao: false, disability: false })).toEqual([]);
  });

  it('closes a lunch at 09:00 China time that day', () => {
    expect(slotTimes('2026-12-07', '11:30', 60, '09:00')).toEqual({ startsAt: '2026-12-07T03:30:00.000Z', endsAt: '2026-12-07T04:30:00.000Z', cutoffAt: '2026-12-07T01:00:00.000Z' });
  });
});
