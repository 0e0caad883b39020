import { figureLine, monthsBetween, sumFigures, summaryRanges, toFen } from './figures';
import { bornInAnyOf, screen } from './screening';
import { defaultRegionRules } from './types';

describe('figures', () => {
  it('prints exactly as a work summary does', () => {
    expect(figureLine({ type: 'dibao', householdTimes: 817, personTimes: 1259, amount: 533805 })).toBe('低保 817户次 1259人次 533805元');
    expect(figureLine({ type: 'temporaryRelief', householdTimes: 3, personTimes: 7, amount: 1234.5 })).toBe('临时救助 3户次 7人次 1234.50元');
  });

  it('counts each payment as one household-time and its persons as person-times', () => {
    const f = sumFigures([
      { type: 'dibao', persons: 3, amountFen: toFen(1000) },
      { type: 'dibao', persons: 2, amountFen: toFen(800.5) },
      { type: 'seniorAllowance', persons: 1, amountFen: toFen(200) },
    ]);
    expect(f).toEqual([
      { type: 'dibao', householdTimes: 2, personTimes: 5, amount: 1800.5 },
      { type: 'seniorAllowance', householdTimes: 1, personTimes: 1, amount: 200 },
    ]);
  });

  it('sums counters the same way as the payments behind them', () => {
    const counters = [
      { type: 'dibao' as const, householdTimes: 2, personTimes: 5, amountFen: 180050 },
      { type: 'dibao' as const, householdTimes: 1, personTimes: 1, amountFen: 10 },
    ];
    expect(sumFigures(counters)).toEqual([{ type: 'dibao', householdTimes: 3, personTimes: 6, amount: 1800.6 }]);
  });

  it('lists the months of a period across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('screening', () => {
  const base = { tags: [] as string[], benefits: [], bornIn: bornInAnyOf([]), createdAt: '2025-01-01T00:00:00.000Z' };
  it('flags the annual dibao review twelve months after approval', () => {
    const h = { ...base, benefits: [{ type: 'dibao' as const, since: '2025-12-10' }] };
    expect(screen(h, '2026-12', defaultRegionRules).map((f) => f.kind)).toEqual(['annualReview']);
    expect(screen(h, '2026-11', defaultRegionRules)).toEqual([]);
  });
  it('flags a member who reaches the senior-allowance age this month, unless already paid it', () => {
    const h = { ...base, bornIn: bornInAnyOf(['1936-12-15']) };
    expect(screen(h, '2026-12', defaultRegionRules).map((f) => f.kind)).toEqual(['ageThreshold']);
    expect(screen({ ...h, benefits: [{ type: 'seniorAllowance' as const, since: '2026-01-01' }] }, '2026-12', defaultRegionRules)).toEqual([]);
  });
  it('flags an expiring benefit and a visit due for a household living alone', () => {
    const h = { ...base, tags: ['elderlyAlone'], benefits: [{ type: 'housingSubsidy' as const, since: '2026-01-01', until: '2026-12-28' }], lastVisitAt: '2026-08-01T00:00:00.000Z' };
    expect(screen(h, '2026-12', defaultRegionRules).map((f) => f.kind).sort()).toEqual(['benefitExpiring', 'visitDue']);
    expect(screen({ ...h, lastVisitAt: '2026-11-20T00:00:00.000Z' }, '2026-12', defaultRegionRules).map((f) => f.kind)).toEqual(['benefitExpiring']);
  });
});

describe('summaryRanges', () => {
  it('gives the half-year so far and the last whole one, in either half', () => {
    expect(summaryRanges('2026-11')).toEqual({
      month: { from: '2026-11', to: '2026-11' },
      half: { from: '2026-07', to: '2026-11' },
      lastHalf: { from: '2026-01', to: '2026-06' },
      year: { from: '2026-01', to: '2026-11' },
    });
    expect(summaryRanges('2027-03').half).toEqual({ from: '2027-01', to: '2027-03' });
    expect(summaryRanges('2027-06').lastHalf).toEqual({ from: '2026-07', to: '2026-12' });
    expect(summaryRanges('2026-07').half).toEqual({ from: '2026-07', to: '2026-07' });
  });
});
