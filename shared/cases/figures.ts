import { ledger, percent, ratesOf } from '../platform/figures';

/**
 * The case engine's ledgers. Each case kind says in its declaration (shared/cases/kinds/<kind>.ts `figures`) what
 * each recorded step adds: the counters are added in the step's transaction, in the China month of the step, and the
 * recount adds up the same function over the cases' history entries.
 */
export const mediationLedger = ledger({
  ledger: 'mediation',
  zh: '人民调解',
  en: 'Mediation',
  figures: [
    { key: 'cases', zh: '受理矛盾纠纷', en: 'disputes received', measureZh: '起', unit: 'count' },
    { key: 'mediated', zh: '调解矛盾纠纷', en: 'disputes mediated', measureZh: '起', unit: 'count' },
    { key: 'agreements', zh: '达成调解协议', en: 'agreements reached', measureZh: '起', unit: 'count' },
    { key: 'followUps', zh: '回访', en: 'follow-ups', measureZh: '次', unit: 'count' },
  ],
  rates: [{ key: 'successRate', zh: '调解成功率', en: 'success rate', numerator: 'agreements', denominator: 'mediated' }],
  sentences(v, period) {
    const n = (k: string) => v[k] ?? 0;
    const rate = percent(ratesOf(mediationLedger, v).successRate);
    return {
      zh: `${period.zh}共调解矛盾纠纷${n('mediated')}起，成功率达${rate}，达成调解协议${n('agreements')}起，回访${n('followUps')}次`,
      en: `In ${period.en}, ${n('mediated')} disputes were mediated with a success rate of ${rate} (${n('agreements')} agreements); ${n('followUps')} follow-up visits were made.`,
    };
  },
  recordsPage: '/packages/cases/list/index?kind=mediation',
});

export const cityCasesLedger = ledger({
  ledger: 'cityCases',
  zh: '数字城管与政府热线',
  en: 'City cases and the hotline',
  figures: [
    { key: 'received', zh: '受理案件', en: 'cases received', measureZh: '件', unit: 'count' },
    { key: 'receivedPatrol', zh: '巡查发现', en: 'found on patrol', measureZh: '起', unit: 'count' },
    { key: 'receivedHotline', zh: '政府热线投诉', en: 'hotline complaints', measureZh: '件', unit: 'count' },
    { key: 'receivedResident', zh: '居民反映', en: 'reported by residents', measureZh: '件', unit: 'count' },
    { key: 'handled', zh: '已处置', en: 'handled', measureZh: '件', unit: 'count' },
    { key: 'handledInTime', zh: '按时处置', en: 'handled in time', measureZh: '件', unit: 'count' },
    { key: 'replied', zh: '回复来电人', en: 'callers replied to', measureZh: '件', unit: 'count' },
    { key: 'rated', zh: '满意度回访', en: 'satisfaction recorded', measureZh: '件', unit: 'count' },
    { key: 'satisfied', zh: '满意', en: 'satisfied', measureZh: '件', unit: 'count' },
    { key: 'backlogFollowedUp', zh: '积案督办', en: 'backlog followed up', measureZh: '次', unit: 'count' },
  ],
  rates: [
    { key: 'handledRate', zh: '处置率', en: 'handled in time', numerator: 'handledInTime', denominator: 'received' },
    { key: 'satisfactionRate', zh: '满意率', en: 'satisfaction', numerator: 'satisfied', denominator: 'rated' },
  ],
  sentences(v, period) {
    const n = (k: string) => v[k] ?? 0;
    const r = ratesOf(cityCasesLedger, v);
    const cityCases = n('receivedPatrol') + n('receivedResident');
    return {
      zh:
        `${period.zh}共处理数管案件${cityCases}起，政府热线投诉${n('receivedHotline')}件，处置率达${percent(r.handledRate)}` +
        (n('rated') > 0 ? `，满意率${percent(r.satisfactionRate)}` : '') +
        (n('backlogFollowedUp') > 0 ? `，督办积案${n('backlogFollowedUp')}次` : ''),
      en:
        `In ${period.en}, ${cityCases} city-management cases and ${n('receivedHotline')} hotline complaints were dealt with; ${percent(r.handledRate)} were handled in time` +
        (n('rated') > 0 ? `, ${percent(r.satisfactionRate)} of callers asked were satisfied` : '') +
        (n('backlogFollowedUp') > 0 ? `; old cases were followed up ${n('backlogFollowedUp')} times` : '') +
        '.',
    };
  },
  recordsPage: '/packages/cases/list/index?kind=cityCase',
});
