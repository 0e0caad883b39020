import { chinaMonth } from '../platform/chinaTime';
import { ledger, percent, ratesOf } from '../platform/figures';
import { correctedOutcomes } from './kinds/illegalBuilding';

/**
 * The work summary's safety and street-front figures. Each is counted at one moment of one record, in that change's
 * transaction, in the China month of the record's birth: a hazard's rectification counts in the month it was found
 * (so "整改率" of a period is the share of that period's hazards rectified, never over 100%), an illegal-building
 * report's passing on and outcome in the month it was reported. `recount*` rebuild the same counters from records.
 */
export const safetyLedger = ledger({
  ledger: 'safety',
  zh: '安全生产',
  en: 'Safety inspections',
  figures: [
    { key: 'sites', zh: '新登记重点部位', en: 'Sites registered', measureZh: '个', unit: 'count' },
    { key: 'inspections', zh: '安全检查', en: 'Inspections', measureZh: '次', unit: 'count' },
    { key: 'hazardsFound', zh: '排查隐患', en: 'Hazards found', measureZh: '处', unit: 'count' },
    { key: 'rectified', zh: '已整改', en: 'Rectified', measureZh: '处', unit: 'count' },
    { key: 'rectifiedInTime', zh: '按期整改', en: 'Rectified in time', measureZh: '处', unit: 'count' },
  ],
  rates: [
    { key: 'rectificationRate', zh: '整改率', en: 'Rectification rate', numerator: 'rectified', denominator: 'hazardsFound' },
    { key: 'inTimeRate', zh: '按期整改率', en: 'Rectified in time', numerator: 'rectifiedInTime', denominator: 'rectified' },
  ],
  sentences(v, period) {
    const r = ratesOf(safetyLedger, v);
    const n = (k: string) => v[k] ?? 0;
    return {
      zh: `${period.zh}开展安全生产检查${n('inspections')}次，排查隐患${n('hazardsFound')}处，整改率${percent(r.rectificationRate)}`,
      en: `${period.en}: ${n('inspections')} safety inspections, ${n('hazardsFound')} hazards found, ${percent(r.rectificationRate)} rectified`,
    };
  },
  recordsPage: '/packages/safety/hazards/index',
});

export const streetFrontsLedger = ledger({
  ledger: 'streetFronts',
  zh: '门前三包与违建',
  en: 'Street fronts and illegal buildings',
  figures: [
    { key: 'shops', zh: '登记沿街店铺', en: 'Shops registered', measureZh: '家', unit: 'count' },
    { key: 'agreementsSigned', zh: '签订门前三包责任书', en: 'Agreements signed', measureZh: '份', unit: 'count' },
    { key: 'illegalBuildingReports', zh: '上报违建', en: 'Illegal buildings reported', measureZh: '件', unit: 'count' },
    { key: 'passedOn', zh: '移交执法', en: 'Passed to enforcement', measureZh: '件', unit: 'count' },
    { key: 'corrected', zh: '拆除或整改', en: 'Demolished or corrected', measureZh: '件', unit: 'count' },
  ],
  rates: [{ key: 'signingRate', zh: '签订率', en: 'Signing rate', numerator: 'agreementsSigned', denominator: 'shops' }],
  sentences(v, period) {
    const r = ratesOf(streetFrontsLedger, v);
    const n = (k: string) => v[k] ?? 0;
    return {
      zh: `${period.zh}签订门前三包责任书${n('agreementsSigned')}份，签订率${percent(r.signingRate)}；上报巡查发现违建${n('illegalBuildingReports')}件，移交执法${n('passedOn')}件，拆除或整改${n('corrected')}件`,
      en: `${period.en}: ${n('agreementsSigned')} street-front agreements signed (${percent(r.signingRate)}); ${n('illegalBuildingReports')} illegal buildings reported, ${n('passedOn')} passed to enforcement, ${n('corrected')} demolished or corrected`,
    };
  },
  recordsPage: '/packages/safety/shops/index',
});

/** A counter rebuilt from records: per community and China month. */
export type Recounted = Record<string, Record<string, number>>;

function bump(out: Recounted, communityId: string, at: string, key: string, n = 1): void {
  if (n === 0) return;
  const acc = (out[`${communityId}#${chinaMonth(at)}`] ??= {});
  acc[key] = (acc[key] ?? 0) + n;
}

export interface SafetyRecords {
  sites: readonly { communityId: string; createdAt: string }[];
  inspections: readonly { communityId: string; at: string; hazards: number }[];
  hazards: readonly { communityId: string; createdAt: string; state: string; inTime?: boolean }[];
}

/** The safety counters from the records: `${communityId}#${month}` → figures. */
export function recountSafety(r: SafetyRecords): Recounted {
  const out: Recounted = {};
  for (const s of r.sites) bump(out, s.communityId, s.createdAt, 'sites');
  for (const i of r.inspections) {
    bump(out, i.communityId, i.at, 'inspections');
    bump(out, i.communityId, i.at, 'hazardsFound', i.hazards);
  }
  for (const h of r.hazards) {
    if (h.state !== 'closed') continue;
    bump(out, h.communityId, h.createdAt, 'rectified');
    if (h.inTime) bump(out, h.communityId, h.createdAt, 'rectifiedInTime');
  }
  return out;
}

export interface StreetFrontRecords {
  shops: readonly { communityId: string; createdAt: string }[];
  agreements: readonly { communityId: string; recordedAt: string }[];
  reports: readonly { communityId: string; createdAt: string; state: string; outcome?: string }[];
}

/** The street-front counters from the records: `${communityId}#${month}` → figures. */
export function recountStreetFronts(r: StreetFrontRecords): Recounted {
  const out: Recounted = {};
  for (const s of r.shops) bump(out, s.communityId, s.createdAt, 'shops');
  for (const a of r.agreements) bump(out, a.communityId, a.recordedAt, 'agreementsSigned');
  for (const b of r.reports) {
    bump(out, b.communityId, b.createdAt, 'illegalBuildingReports');
    if (b.state !== 'reported') bump(out, b.communityId, b.createdAt, 'passedOn');
    if (b.outcome && correctedOutcomes.includes(b.outcome)) bump(out, b.communityId, b.createdAt, 'corrected');
  }
  return out;
}
