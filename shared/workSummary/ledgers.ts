import type { LedgerDef } from '../platform/figures';
import { cityCasesLedger, mediationLedger } from '../cases/figures';
import { safetyLedger, streetFrontsLedger } from '../safety/figures';
import { elderCareLedger } from '../elderCare/figures';
import { employmentLedger } from '../employment/figures';
import { microProjectsLedger } from '../microProjects/figures';
import { sayItDayLedger } from '../sayItDay/figures';
import { councilsLedger, consultationsLedger, fiveListsLedger } from '../fiveLists/figures';
import { visitsLedger } from '../relief/visitFigures';
import { eventsLedger, timeBankLedger, volunteeringLedger } from '../signups/figures';

/**
 * Every ledger a work summary prints, in the order of the seed reports. A capability that keeps figures declares its
 * ledger in shared/<capability>/figures.ts (with `ledger()` from shared/platform/figures.ts) and adds it here: one line.
 */
export const ledgers: readonly LedgerDef[] = [
  sayItDayLedger,
  fiveListsLedger,
  councilsLedger,
  consultationsLedger,
  visitsLedger,
  volunteeringLedger,
  eventsLedger,
  timeBankLedger,
  employmentLedger,
  microProjectsLedger,
  elderCareLedger,
  safetyLedger,
  streetFrontsLedger,
  mediationLedger,
  cityCasesLedger,
];
