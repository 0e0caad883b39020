import type { LedgerRecount } from './platform/figures';
import { cityCasesRecount, mediationRecount } from './cases/figures';
import { safetyRecount, streetFrontsRecount } from './safety/figures';
import { elderCareRecount } from './elderCare/figures';
import { employmentRecount } from './employment/figures';
import { microProjectsRecount } from './microProjects/figures';
import { sayItDayRecount } from './sayItDay/figures';
import { consultationsRecount, councilsRecount, fiveListsRecount } from './fiveLists/figures';
import { visitsRecount } from './relief/visitFigures';
import { eventsRecount, timeBankRecount, volunteeringRecount } from './signups/figures';

/**
 * Every ledger's recount (functions/platform/figures.ts LedgerRecount), for the recount test only: no function bundle
 * imports this file. A ledger in shared/workSummary/ledgers.ts adds its recount here: one line.
 */
export const recounts: readonly LedgerRecount[] = [
  sayItDayRecount,
  fiveListsRecount,
  councilsRecount,
  consultationsRecount,
  visitsRecount,
  volunteeringRecount,
  eventsRecount,
  timeBankRecount,
  employmentRecount,
  microProjectsRecount,
  elderCareRecount,
  safetyRecount,
  streetFrontsRecount,
  mediationRecount,
  cityCasesRecount,
];
