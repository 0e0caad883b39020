/**
 * A partner unit's yearly score and star rating (星级), from its residents' ratings and its timeliness.
 *
 * The matters of a unit's year are those confirmed to it (reviewed) in that year (China time). For each:
 *   - a rating is worth  0.6 × level + 0.4 × (stars − 1) / 4,  where level is satisfied 1, partly 0.5, notSatisfied 0;
 *   - the matter's rating value is the mean of its ratings (of its latest round: a reopened matter is rated again);
 *   - an unrated matter has no rating value: it counts as unrated, never as satisfied, and adds nothing to the mean;
 *   - it is on time when resolved by its resolution deadline (an approved extension moves the deadline).
 * The unit's score (0–100) = 100 × (0.7 × mean rating value over rated matters + 0.3 × share of resolved matters on time).
 * With no resolved matter, timeliness counts 0; with no rated matter, there is no score.
 * Stars: 90+ ★★★★★, 80+ ★★★★, 70+ ★★★, 60+ ★★, below ★.
 * A unit is ranked (and given stars) only with at least `minRated` rated matters (default 5), so that one bad rating
 * does not sink a small unit; below that it shows its figures, unranked.
 * resolutionRate = resolved / matters; satisfactionRate = matters rated satisfied (more than half their ratings
 * satisfied) / rated matters.
 */
export type RatingLevel = 'satisfied' | 'partly' | 'notSatisfied';

export interface RatingTally {
  satisfied: number;
  partly: number;
  notSatisfied: number;
  /** sum of the 1–5 stars of these ratings */
  starSum: number;
}

/** One matter of the unit's year, as the ledger keeps it. */
export interface ScoredMatter {
  matterId: string;
  resolved: boolean;
  onTime: boolean;
  ratings: RatingTally;
}

export interface UnitScoreFigures {
  matters: number;
  resolved: number;
  onTime: number;
  rated: number;
  unrated: number;
  ratings: number;
  satisfiedMatters: number;
  /** 0–1, null without a denominator */
  resolutionRate: number | null;
  satisfactionRate: number | null;
  timeliness: number | null;
  meanRating: number | null;
  /** 0–100, one decimal; null with no rated matter */
  score: number | null;
  /** 1–5; null when not ranked */
  starRating: number | null;
  ranked: boolean;
}

export const DEFAULT_MIN_RATED = 5;
export const levelValue: Record<RatingLevel, number> = { satisfied: 1, partly: 0.5, notSatisfied: 0 };
export const WEIGHT_RATING = 0.7;
export const WEIGHT_TIMELINESS = 0.3;

export function ratingCount(t: RatingTally): number {
  return t.satisfied + t.partly + t.notSatisfied;
}

/** The mean rating value of one matter, or null when nobody rated it. */
export function matterRatingValue(t: RatingTally): number | null {
  const n = ratingCount(t);
  if (n === 0) return null;
  const level = (t.satisfied * levelValue.satisfied + t.partly * levelValue.partly + t.notSatisfied * levelValue.notSatisfied) / n;
  const stars = (t.starSum / n - 1) / 4;
  return 0.6 * level + 0.4 * stars;
}

export function starsFor(score: number): number {
  if (score >= 90) return 5;
  if (score >= 80) return 4;
  if (score >= 70) return 3;
  if (score >= 60) return 2;
  return 1;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function unitScore(matters: readonly ScoredMatter[], minRated = DEFAULT_MIN_RATED): UnitScoreFigures {
  const resolved = matters.filter((m) => m.resolved);
  const onTime = resolved.filter((m) => m.onTime).length;
  const values = matters.map((m) => matterRatingValue(m.ratings)).filter((v): v is number => v !== null);
  const rated = values.length;
  const satisfiedMatters = matters.filter((m) => {
    const n = ratingCount(m.ratings);
    return n > 0 && m.ratings.satisfied * 2 > n;
  }).length;
  const meanRating = rated ? values.reduce((a, b) => a + b, 0) / rated : null;
  const timeliness = ratio(onTime, resolved.length);
  const score = meanRating === null ? null : Math.round(1000 * (WEIGHT_RATING * meanRating + WEIGHT_TIMELINESS * (timeliness ?? 0))) / 10;
  const ranked = rated >= minRated && score !== null;
  return {
    matters: matters.length,
    resolved: resolved.length,
    onTime,
    rated,
    unrated: matters.length - rated,
    ratings: matters.reduce((a, m) => a + ratingCount(m.ratings), 0),
    satisfiedMatters,
    resolutionRate: ratio(resolved.length, matters.length),
    satisfactionRate: ratio(satisfiedMatters, rated),
    timeliness,
    meanRating,
    score,
    starRating: ranked ? starsFor(score!) : null,
    ranked,
  };
}

/** Ranked units first, by score (highest first); unranked after, by name order of the caller. */
export function rankUnits<T extends { figures: UnitScoreFigures }>(units: readonly T[]): (T & { rank: number | null })[] {
  const ranked = units.filter((u) => u.figures.ranked).sort((a, b) => b.figures.score! - a.figures.score!);
  const rest = units.filter((u) => !u.figures.ranked);
  let rank = 0;
  let prev: number | null = null;
  const out = ranked.map((u, i) => {
    if (u.figures.score !== prev) rank = i + 1;
    prev = u.figures.score;
    return { ...u, rank };
  });
  return [...out, ...rest.map((u) => ({ ...u, rank: null }))];
}
