import type { LedgerRecount } from '../platform/figures';
import { safetyRecount, streetFrontsRecount } from '../safety/figures';
import { elderCareRecount } from '../elderCare/figures';
import { employmentRecount } from '../employment/figures';
import { microProjectsRecount } from '../microProjects/figures';
import { sayItDayRecount } from '../sayItDay/figures';

/**
 * Every ledger's recount (functions/platform/figures.ts LedgerRecount), for the recount test only: no function bundle
 * imports this file. A ledger in shared/workSummary/ledgers.ts adds its recount here: one line.
 */
export const recounts: readonly LedgerRecount[] = [
  sayItDayRecount,
  employmentRecount,
  microProjectsRecount,
  elderCareRecount,
  safetyRecount,
  streetFrontsRecount,
];
