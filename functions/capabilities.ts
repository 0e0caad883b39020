import { announcementsCapability } from './announcements/capability';
import { authCapability } from './auth/capability';
import { casesCapability } from './cases/capability';
import { elderCareCapability } from './elderCare/capability';
import { fiveListsCapability } from './fiveLists/capability';
import { notificationsCapability } from './notifications/capability';
import { orgCapability } from './org/capability';
import type { CapabilityDeclaration, FunctionDeclaration } from './platform/capability';
import { platformCapability } from './platform/declaration';
import { reliefCapability } from './relief/capability';
import { safetyCapability } from './safety/capability';
import { sayItDayCapability } from './sayItDay/capability';
import { signupsCapability } from './signups/capability';
import { uploadsCapability } from './uploads/capability';
import { employmentCapability } from './employment/capability';
import { microProjectsCapability } from './microProjects/capability';
import { workbenchCapability } from './workbench/capability';
import { workSummaryCapability } from './workSummary/capability';
import { privacyCapability } from './privacy/capability';
import { moderationCapability } from './moderation/capability';

/** Every capability's declaration: serverless.yml (cloud/functions.js, cloud/iam.js), the app's route table and the guard read these. */
export const capabilities: CapabilityDeclaration[] = [
  platformCapability,
  authCapability,
  orgCapability,
  sayItDayCapability,
  notificationsCapability,
  uploadsCapability,
  fiveListsCapability,
  signupsCapability,
  reliefCapability,
  announcementsCapability,
  elderCareCapability,
  employmentCapability,
  microProjectsCapability,
  workbenchCapability,
  workSummaryCapability,
  casesCapability,
  safetyCapability,
  privacyCapability,
  moderationCapability,
];

export const functionDeclarations: FunctionDeclaration[] = capabilities.flatMap((c) => Object.values(c.functions));

export function functionNamed(name: string): FunctionDeclaration {
  const fn = functionDeclarations.find((f) => f.name === name);
  if (!fn) throw new Error(`no function ${name} is declared`);
  return fn;
}
