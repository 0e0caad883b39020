import type { CaseKindDef } from './machine';
import { cityCaseKind } from './kinds/cityCase';
import { mediationKind } from './kinds/mediation';

/**
 * Every case kind the engine runs, by name. A new kind is a file in shared/cases/kinds/ (a `caseKind({...})`) and one
 * line here; the engine, its routes and its pages read everything else from the declaration.
 */
export const caseKinds: Readonly<Record<string, CaseKindDef>> = {
  mediation: mediationKind,
  cityCase: cityCaseKind,
};

export const caseKindNames = Object.keys(caseKinds);

export const kindOf = (kind: string): CaseKindDef | undefined => (Object.prototype.hasOwnProperty.call(caseKinds, kind) ? caseKinds[kind] : undefined);
