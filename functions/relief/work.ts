import { tellStep, type WorkKinds } from '../platform/work';
import { importPaymentsStep } from './commands/disbursements';

export { RELIEF_QUEUE } from './commands/common';

/**
 * What the relief worker (drainReliefWork) knows how to do with the items of its queue: write a payments import in
 * chunks, and tell the people a decision's transaction had no room for.
 */
export const reliefWork: WorkKinds = { importPayments: importPaymentsStep, tell: tellStep };
