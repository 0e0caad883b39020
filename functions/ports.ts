import { fiveListsIntake } from './fiveLists/intake';
import type { Ports } from './platform/ports';
import { reliefEligibility } from './relief/eligibility';
import { reservationEngine } from './signups/enginePort';
import { authPersonalRecords } from './auth/privacyPort';
import { elderCarePersonalRecords, emergencyLocations } from './elderCare/privacyPort';
import { consultationCommentsPersonalRecords, fiveListsPersonalRecords } from './fiveLists/privacyPort';
import { moderationPersonalRecords } from './moderation/privacyPort';
import type { ExpiringRecords, PersonalRecords, WithdrawnPhotos } from './platform/privacyPorts';
import { reliefAudits, reliefFiles, reliefPersonalRecords } from './relief/privacyPort';
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
export const privacyPorts: {
  personalRecords: readonly PersonalRecords[];
  withdrawnMatterPhotos: WithdrawnPhotos;
  /** the purge job's other kinds (shared/privacy/retention.ts), each owned by the capability that holds the records */
  expiring: { emergencyLocation: ExpiringRecords; reliefAudit: ExpiringRecords; reliefFile: ExpiringRecords };
} = {
  // appended, never inserted: a closure under way names its port by position (privacy/commands/close.ts)
  personalRecords: [authPersonalRecords, sayItDayPersonalRecords, reliefPersonalRecords, signupsPersonalRecords, elderCarePersonalRecords, fiveListsPersonalRecords, moderationPersonalRecords, consultationCommentsPersonalRecords],
  withdrawnMatterPhotos,
  expiring: { emergencyLocation: emergencyLocations, reliefAudit: reliefAudits, reliefFile: reliefFiles },
};
