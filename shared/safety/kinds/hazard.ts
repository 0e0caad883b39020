import type { CaseKindDef } from './machine';

/**
 * 隐患: a fault an inspection found at a checklist item of a site. It is open until a re-inspection (复查) finds it
 * rectified, with a photo; a re-inspection that finds it not yet rectified notes why and may set a new deadline.
 * Overdue: open past its deadline (computed on read, flagged in the lists).
 */
export const hazardKind: CaseKindDef = {
  kind: 'hazard',
  zh: '安全隐患',
  en: 'Hazard',
  initial: 'open',
  states: [
    { state: 'open', zh: '待整改', en: 'To rectify', open: true },
    { state: 'closed', zh: '已整改销号', en: 'Rectified, closed', open: false },
  ],
  actions: [
    { action: 'reinspectRectified', zh: '复查：已整改', en: 'Re-inspected: rectified', from: ['open'], to: 'closed', who: 'grid', needsPhoto: true },
    { action: 'reinspectNotYet', zh: '复查：未整改', en: 'Re-inspected: not yet', from: ['open'], to: 'open', who: 'grid', needsNote: true, setsDeadline: true },
  ],
};
