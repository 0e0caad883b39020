import { fiveListsIntake } from './fiveLists/intake';
import type { Ports } from './platform/ports';
import { reliefEligibility } from './relief/eligibility';
import { reservationEngine } from './signups/enginePort';

/**
 * Where the capabilities are composed: each port (functions/platform/ports.ts) bound to the capability that provides it.
 * A capability that needs a port imports `ports` from here, never the provider's folder.
 */
export const ports: Ports = {
  fiveListsIntake,
  reservations: reservationEngine,
  reliefEligibility,
};
