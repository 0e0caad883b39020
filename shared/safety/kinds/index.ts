import { hazardKind } from './hazard';
import { illegalBuildingKind } from './illegalBuilding';
import type { CaseKindDef } from './machine';

export const safetyCaseKinds = ['hazard', 'illegalBuilding'] as const;
export type SafetyCaseKind = (typeof safetyCaseKinds)[number];

export const safetyKindDefs: Readonly<Record<SafetyCaseKind, CaseKindDef>> = { hazard: hazardKind, illegalBuilding: illegalBuildingKind };
