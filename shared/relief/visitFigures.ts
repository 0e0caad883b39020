import { ledger, percent, ratesOf } from '../platform/figures';

/**
 * The relief registry's visits for a work summary: the four must-visits (四必访) made, on time or late, and the pairings
 * (结对帮扶) made and their visits. Counted by functions/relief/visitFigures.ts in the transaction of each change, in the
 * month it happened: a must-visit when its first log closes it, a pairing when a household and a person are first
 * paired (pairing them again changes only the role), a pairing visit when it is logged. Relief's payments (户次/人次/
 * amounts) keep their own counters (shared/relief/figures.ts).
 */
export const visitsLedger = /* @__PURE__ */ ledger({
  ledger: 'visits',
  zh: '四必访与结对帮扶',
  en: 'Must-visits and pairings',
  figures: [
    { key: 'mustVisitsDone', zh: '开展"四必访"', en: 'must-visits made', measureZh: '户次', unit: 'count' },
    { key: 'mustVisitsOnTime', zh: '按期走访', en: 'made in time', measureZh: '户次', unit: 'count' },
    { key: 'pairingsMade', zh: '新结对子', en: 'pairings made', measureZh: '对', unit: 'count' },
    { key: 'pairingVisits', zh: '结对帮扶走访', en: 'pairing visits', measureZh: '次', unit: 'count' },
  ],
  rates: [{ key: 'onTimeRate', zh: '按期走访率', en: 'in time', numerator: 'mustVisitsOnTime', denominator: 'mustVisitsDone' }],
  sentences(v, period) {
    const n = (k: string) => v[k] ?? 0;
    const rate = percent(ratesOf(visitsLedger, v).onTimeRate);
    return {
      zh: `${period.zh}对困难家庭开展"四必访"${n('mustVisitsDone')}户次，按期走访率${rate}；新结成帮扶对子${n('pairingsMade')}对，结对走访${n('pairingVisits')}次`,
      en: `In ${period.en}, ${n('mustVisitsDone')} must-visits were made to households in difficulty (${rate} in time); ${n('pairingsMade')} pairings were made and paired helpers visited ${n('pairingVisits')} times.`,
    };
  },
  recordsPage: '/packages/relief/visits/index',
});
