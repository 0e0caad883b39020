import { ledger, percent, ratesOf } from '../platform/figures';

/**
 * The five lists' figures for a work summary (functions/fiveLists/figures.ts writes and recounts them):
 * - fiveLists: what the units did with the matters given them, mirroring each matter's score entry (the record the
 *   units' stars are made from): counted when a unit resolves a matter (on time or not) and when a resident rates it,
 *   in the month of the resolution; a reopen takes the round's resolution and ratings back out of that month, as it
 *   clears the score entry. Each unit's ratings and stars are counters of their own (`unitFigureKey`).
 * - councils: a council meeting counts when it is recorded (in the month it was held), with its attendance, topics and
 *   resolutions; a resolution counts as implemented while it is marked so (marking it not implemented takes it back).
 * - consultations: a consultation counts when it is put to the residents, in the month its vote opens. Votes are a
 *   burst of taps and are not counted here; the result (counts per option) is on the consultation itself.
 */

const UNIT_PREFIX = { ratings: 'unitRatings_', stars: 'unitStars_', satisfied: 'unitSatisfied_' } as const;
/** A unit's own counter (ids may hold '-', attribute names in expressions may not). */
export const unitFigureKey = (what: keyof typeof UNIT_PREFIX, unitId: string) => `${UNIT_PREFIX[what]}${unitId.replace(/_/g, '_u').replace(/-/g, '_d')}`;

/** Each unit's ratings in a ledger's values: count, average stars, share satisfied; most rated first. The summary names the units. */
export function unitRatingsOf(values: Readonly<Record<string, number>>): { unitId: string; ratings: number; averageStars: number; satisfiedRate: number }[] {
  const decode = (s: string) => s.replace(/_d/g, '-').replace(/_u/g, '_');
  return Object.entries(values)
    .filter(([k, n]) => k.startsWith(UNIT_PREFIX.ratings) && n > 0)
    .map(([k, ratings]) => {
      const id = k.slice(UNIT_PREFIX.ratings.length);
      return {
        unitId: decode(id),
        ratings,
        averageStars: (values[`${UNIT_PREFIX.stars}${id}`] ?? 0) / ratings,
        satisfiedRate: (values[`${UNIT_PREFIX.satisfied}${id}`] ?? 0) / ratings,
      };
    })
    .sort((a, b) => b.ratings - a.ratings || a.unitId.localeCompare(b.unitId));
}

export const fiveListsLedger = /* @__PURE__ */ ledger({
  ledger: 'fiveLists',
  zh: '五单工作法',
  en: 'The five lists',
  figures: [
    { key: 'resolved', zh: '办结事项', en: 'matters resolved', measureZh: '件', unit: 'count' },
    { key: 'resolvedOnTime', zh: '按期办结', en: 'resolved on time', measureZh: '件', unit: 'count' },
    { key: 'ratings', zh: '群众评单', en: 'ratings', measureZh: '人次', unit: 'count' },
    { key: 'satisfied', zh: '满意', en: 'satisfied', measureZh: '人次', unit: 'count' },
    { key: 'partly', zh: '基本满意', en: 'partly satisfied', measureZh: '人次', unit: 'count' },
    { key: 'notSatisfied', zh: '不满意', en: 'not satisfied', measureZh: '人次', unit: 'count' },
    { key: 'stars', zh: '评价星数', en: 'stars given', measureZh: '星', unit: 'count' },
  ],
  rates: [
    { key: 'onTimeRate', zh: '按期办结率', en: 'on time', numerator: 'resolvedOnTime', denominator: 'resolved' },
    { key: 'satisfactionRate', zh: '满意率', en: 'satisfied', numerator: 'satisfied', denominator: 'ratings' },
  ],
  sentences(v, period) {
    const n = (k: string) => v[k] ?? 0;
    const r = ratesOf(fiveListsLedger, v);
    const units = unitRatingsOf(v).length;
    const avg = n('ratings') ? (n('stars') / n('ratings')).toFixed(1) : '—';
    return {
      zh:
        `${period.zh}通过"五单"工作法办结群众诉求${n('resolved')}件，按期办结率${percent(r.onTimeRate)}；群众评单${n('ratings')}人次，` +
        `满意率${percent(r.satisfactionRate)}，平均${avg}星${units ? `，${units}家共建单位接受评价` : ''}`,
      en:
        `In ${period.en}, the five lists resolved ${n('resolved')} matters, ${percent(r.onTimeRate)} on time; residents rated them ${n('ratings')} times, ` +
        `${percent(r.satisfactionRate)} satisfied, ${avg} stars on average${units ? `, across ${units} partner units` : ''}.`,
    };
  },
  recordsPage: '/packages/fiveLists/board/index',
});

export const councilsLedger = /* @__PURE__ */ ledger({
  ledger: 'councils',
  zh: '居民议事会',
  en: "Residents' councils",
  figures: [
    { key: 'councilsHeld', zh: '召开居民议事会', en: 'council meetings', measureZh: '次', unit: 'count' },
    { key: 'attendance', zh: '参会居民', en: 'attendance', measureZh: '人次', unit: 'count' },
    { key: 'topics', zh: '研究讨论议题', en: 'topics discussed', measureZh: '个', unit: 'count' },
    { key: 'resolutions', zh: '形成决议', en: 'resolutions', measureZh: '个', unit: 'count' },
    { key: 'implemented', zh: '落实决议', en: 'resolutions implemented', measureZh: '个', unit: 'count' },
  ],
  rates: [{ key: 'implementationRate', zh: '决议落实率', en: 'implemented', numerator: 'implemented', denominator: 'resolutions' }],
  sentences(v, period) {
    const n = (k: string) => v[k] ?? 0;
    const rate = percent(ratesOf(councilsLedger, v).implementationRate);
    return {
      zh: `${period.zh}召开居民议事会${n('councilsHeld')}次，参会居民${n('attendance')}人次，研究讨论的议题${n('topics')}个，形成决议${n('resolutions')}个（落实${n('implemented')}个，落实率${rate}）`,
      en: `In ${period.en}, ${n('councilsHeld')} residents' council meetings were held (attendance ${n('attendance')}), discussing ${n('topics')} topics and passing ${n('resolutions')} resolutions, ${n('implemented')} of them implemented (${rate}).`,
    };
  },
  recordsPage: '/packages/fiveLists/councils/index',
});

export const consultationsLedger = /* @__PURE__ */ ledger({
  ledger: 'consultations',
  zh: '民生决策咨询',
  en: 'Public consultations',
  figures: [
    { key: 'consultationsHeld', zh: '开展民生决策咨询', en: 'consultations held', measureZh: '项', unit: 'count' },
    { key: 'options', zh: '提供备选方案', en: 'options put to the vote', measureZh: '个', unit: 'count' },
  ],
  sentences(v, period) {
    return {
      zh: `${period.zh}就重大民生事项开展决策咨询${v.consultationsHeld ?? 0}项，提供备选方案${v.options ?? 0}个`,
      en: `In ${period.en}, ${v.consultationsHeld ?? 0} major decisions were put to the residents, with ${v.options ?? 0} options in all.`,
    };
  },
  recordsPage: '/packages/fiveLists/consultations/index',
});
