import type { CaseKindDef } from './machine';

/**
 * 违建: a report of an unauthorised building found on patrol (place, photos, description), passed on to the
 * enforcement bureau (城管执法) and closed with the outcome it reports back.
 */
export const illegalBuildingKind: CaseKindDef = {
  kind: 'illegalBuilding',
  zh: '违建',
  en: 'Illegal building',
  initial: 'reported',
  states: [
    { state: 'reported', zh: '已上报', en: 'Reported', open: true },
    { state: 'passedOn', zh: '已移交执法', en: 'Passed to enforcement', open: true },
    { state: 'closed', zh: '已办结', en: 'Closed', open: false },
  ],
  actions: [
    { action: 'passOn', zh: '移交城管执法', en: 'Pass to the enforcement bureau', from: ['reported'], to: 'passedOn', who: 'community' },
    { action: 'recordOutcome', zh: '登记处置结果', en: 'Record the outcome', from: ['passedOn'], to: 'closed', who: 'community', needsOutcome: true },
  ],
  outcomes: [
    { outcome: 'demolished', zh: '已拆除', en: 'Demolished' },
    { outcome: 'corrected', zh: '已整改', en: 'Corrected' },
    { outcome: 'notIllegal', zh: '经核查非违建', en: 'Found not illegal' },
    { outcome: 'pending', zh: '执法局立案处理中', en: 'Case opened by the bureau' },
  ],
};

/** the outcomes the street-fronts ledger counts as dealt with (拆除 / 整改) */
export const correctedOutcomes: readonly string[] = ['demolished', 'corrected'];
