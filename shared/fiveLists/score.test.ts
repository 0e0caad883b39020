import { matterRatingValue, rankUnits, starsFor, unitScore, type ScoredMatter } from './score';

const none = { satisfied: 0, partly: 0, notSatisfied: 0, starSum: 0 };
const happy = (i: number, onTime = true): ScoredMatter => ({ matterId: `m${i}`, resolved: true, onTime, ratings: { satisfied: 1, partly: 0, notSatisfied: 0, starSum: 5 } });

describe('unit score', () => {
  it('values a rating from its level and stars', () => {
    expect(matterRatingValue({ satisfied: 1, partly: 0, notSatisfied: 0, starSum: 5 })).toBe(1);
    expect(matterRatingValue({ satisfied: 0, partly: 0, notSatisfied: 1, starSum: 1 })).toBe(0);
    expect(matterRatingValue({ satisfied: 0, partly: 1, notSatisfied: 0, starSum: 3 })).toBeCloseTo(0.5);
    expect(matterRatingValue(none)).toBeNull();
  });

  it('gives 100 and five stars to a unit whose every matter is on time and fully satisfied', () => {
    const s = unitScore([1, 2, 3, 4, 5].map((i) => happy(i)));
    expect(s).toMatchObject({ score: 100, starRating: 5, ranked: true, rated: 5, resolutionRate: 1, satisfactionRate: 1, timeliness: 1 });
  });

  it('counts an unrated matter as unrated, never as satisfied', () => {
    const s = unitScore([happy(1), { matterId: 'u', resolved: true, onTime: true, ratings: none }]);
    expect(s.rated).toBe(1);
    expect(s.unrated).toBe(1);
    expect(s.satisfiedMatters).toBe(1);
    expect(s.satisfactionRate).toBe(1); // of rated matters; the unrated one adds nothing
    expect(s.meanRating).toBe(1);
  });

  it('has no score with no rated matter', () => {
    expect(unitScore([{ matterId: 'u', resolved: true, onTime: true, ratings: none }])).toMatchObject({ score: null, starRating: null, ranked: false });
    expect(unitScore([])).toMatchObject({ score: null, resolutionRate: null, satisfactionRate: null, matters: 0 });
  });

  it('does not rank a unit below the minimum of rated matters, so one bad rating does not sink it', () => {
    const small = unitScore([{ matterId: 'x', resolved: true, onTime: false, ratings: { satisfied: 0, partly: 0, notSatisfied: 1, starSum: 1 } }]);
    expect(small).toMatchObject({ score: 0, ranked: false, starRating: null });
    expect(unitScore([1, 2, 3].map((i) => happy(i)), 3).ranked).toBe(true);
  });

  it('weighs timeliness at 30%', () => {
    const late = unitScore([1, 2, 3, 4, 5].map((i) => happy(i, false)));
    expect(late.score).toBe(70);
    expect(late.starRating).toBe(3);
  });

  it('counts unresolved matters against the resolution rate', () => {
    const s = unitScore([happy(1), { matterId: 'open', resolved: false, onTime: false, ratings: none }]);
    expect(s.resolutionRate).toBe(0.5);
  });

  it('rates a matter satisfied only when more than half its ratings are', () => {
    const s = unitScore([{ matterId: 'm', resolved: true, onTime: true, ratings: { satisfied: 1, partly: 1, notSatisfied: 0, starSum: 8 } }]);
    expect(s.satisfiedMatters).toBe(0);
  });

  it('maps scores to stars', () => {
    expect([95, 85, 75, 65, 10].map(starsFor)).toEqual([5, 4, 3, 2, 1]);
  });

  it('ranks ranked units by score, ties sharing a rank, unranked last', () => {
    const a = { id: 'a', figures: unitScore([1, 2, 3, 4, 5].map((i) => happy(i))) };
    const b = { id: 'b', figures: unitScore([1, 2, 3, 4, 5].map((i) => happy(i, false))) };
    const c = { id: 'c', figures: unitScore([happy(1)]) };
    const d = { id: 'd', figures: unitScore([1, 2, 3, 4, 5].map((i) => happy(i))) };
    expect(rankUnits([c, b, a, d]).map((u) => [u.id, u.rank])).toEqual([
      ['a', 1],
      ['d', 1],
      ['b', 3],
      ['c', null],
    ]);
  });
});
