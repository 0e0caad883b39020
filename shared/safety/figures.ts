import { chinaInstant, chinaMonth, chinaYear } from '../platform/chinaTime';
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

/**
 * The street fronts' signing rate (签订率) is agreementsSigned / shopsDue of a period. shopsDue counts each shop once a
 * year: in the month it is registered, and in January of every later year (the yearly job countShopsDue adds a
 * community's register, shops registered before the year, at 00:00 China time on 1 January). agreementsSigned counts
 * an agreement for the year it is recorded in; one for an earlier year entered late counts as lateAgreements instead,
 * and one for next year (signed in December) counts in January of its year: see `agreementFigure`.
 */
export const streetFrontsLedger = ledger({
  ledger: 'streetFronts',
  zh: '门前三包与违建',
  en: 'Street fronts and illegal buildings',
  figures: [
    { key: 'shops', zh: '登记沿街店铺', en: 'Shops registered', measureZh: '家', unit: 'count' },
    { key: 'shopsDue', zh: '应签店铺', en: 'Shops due to sign', measureZh: '家', unit: 'count' },
    { key: 'agreementsSigned', zh: '签订门前三包责任书', en: 'Agreements signed', measureZh: '份', unit: 'count' },
    { key: 'lateAgreements', zh: '补录上年度责任书', en: 'Last year\'s agreements entered late', measureZh: '份', unit: 'count', hideWhenZero: true },
    { key: 'illegalBuildingReports', zh: '上报违建', en: 'Illegal buildings reported', measureZh: '件', unit: 'count' },
    { key: 'passedOn', zh: '移交执法', en: 'Passed to enforcement', measureZh: '件', unit: 'count' },
    { key: 'corrected', zh: '拆除或整改', en: 'Demolished or corrected', measureZh: '件', unit: 'count' },
  ],
  rates: [{ key: 'signingRate', zh: '签订率', en: 'Signing rate', numerator: 'agreementsSigned', denominator: 'shopsDue' }],
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

/** 00:00 China time on 1 January of a year: when a year's shops due are counted (the job's run and its January). */
export function startOfChinaYear(year: number): Date {
  return chinaInstant(`${year}-01-01`);
}

/**
 * Where a shop's agreement counts: for the year it is recorded in, as signed in that month; for an earlier year (a
 * paper one entered late), as a late agreement in that month, outside the rate; for next year (signed in December), as
 * signed in January of its year, beside the shops due that year.
 */
export function agreementFigure(year: number, recordedAt: string): { at: string; key: 'agreementsSigned' | 'lateAgreements' } {
  const recordedIn = chinaYear(recordedAt);
  if (year < recordedIn) return { at: recordedAt, key: 'lateAgreements' };
  if (year > recordedIn) return { at: startOfChinaYear(year).toISOString(), key: 'agreementsSigned' };
  return { at: recordedAt, key: 'agreementsSigned' };
}

export interface StreetFrontRecords {
  shops: readonly { communityId: string; createdAt: string }[];
  agreements: readonly { communityId: string; year: number; recordedAt: string }[];
  reports: readonly { communityId: string; createdAt: string; state: string; outcome?: string }[];
  /** the years whose January gets the register's shops due (shops registered before the year): the job's years */
  dueYears: readonly number[];
}

/** The street-front counters from the records: `${communityId}#${month}` → figures. */
export function recountStreetFronts(r: StreetFrontRecords): Recounted {
  const out: Recounted = {};
  for (const s of r.shops) {
    bump(out, s.communityId, s.createdAt, 'shops');
    bump(out, s.communityId, s.createdAt, 'shopsDue');
    for (const y of r.dueYears) {
      const start = startOfChinaYear(y);
      if (Date.parse(s.createdAt) < start.getTime()) bump(out, s.communityId, start.toISOString(), 'shopsDue');
    }
  }
  for (const a of r.agreements) {
    const f = agreementFigure(a.year, a.recordedAt);
    bump(out, a.communityId, f.at, f.key);
  }
  for (const b of r.reports) {
    bump(out, b.communityId, b.createdAt, 'illegalBuildingReports');
    if (b.state !== 'reported') bump(out, b.communityId, b.createdAt, 'passedOn');
    if (b.outcome && correctedOutcomes.includes(b.outcome)) bump(out, b.communityId, b.createdAt, 'corrected');
  }
  return out;
}
