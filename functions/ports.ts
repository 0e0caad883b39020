import { fiveListsIntake } from './fiveLists/intake';
import type { Ports } from './platform/ports';
import { reliefEligibility } from './relief/eligibility';
import { reservationEngine } from './signups/enginePort';
import { authPersonalRecords } from './auth/privacyPort';
import { elderCarePersonalRecords } from './elderCare/privacyPort';
import type { PersonalRecords, WithdrawnPhotos } from './platform/privacyPorts';
import { reliefPersonalRecords } from './relief/privacyPort';
import { sayItDayPersonalRecords, withdrawnMatterPhotos } from './sayItDay/privacyPort';
import { signupsPersonalRecords } from './signups/privacyPort';

/**
 * Where the capabilities are composed: each port (functions/platform/ports.ts) bound to the capability that provides it.
 * A capability that needs a port imports `ports` from here, never the provider's folder.
 */
export const ports: Ports = {
  fiveListsIntake,
  reservations: reservationEngine,
  reliefEligibility,
};

/** What each capability holding a person's records offers privacy (platform/privacyPorts.ts), in the download's order. */
export const privacyPorts: { personalRecords: readonly PersonalRecords[]; withdrawnMatterPhotos: WithdrawnPhotos } = {
  personalRecords: [authPersonalRecords, sayItDayPersonalRecords, reliefPersonalRecords, signupsPersonalRecords, elderCarePersonalRecords],
  withdrawnMatterPhotos,
};
