/**
 * The small state machine of a safety case kind (hazard, illegal building), as data: its states, which are open, and
 * the actions that move a case, who may fire each and what each needs. The kinds are the shape the case engine
 * (shared/cases) declares its kinds in, so they can move onto it. Pure.
 */
export type StaffLevel = 'grid' | 'community';

export interface ActionDef {
  action: string;
  zh: string;
  en: string;
  from: readonly string[];
  to: string;
  /** 'grid': a grid worker of the community may fire it too; 'community': community workers and officers only */
  who: StaffLevel;
  needsPhoto?: boolean;
  needsNote?: boolean;
  /** the action records an outcome from the kind's list */
  needsOutcome?: boolean;
  /** the action may set a new deadline */
  setsDeadline?: boolean;
}

export interface CaseKindDef {
  kind: string;
  zh: string;
  en: string;
  states: readonly { state: string; zh: string; en: string; open: boolean }[];
  initial: string;
  actions: readonly ActionDef[];
  outcomes?: readonly { outcome: string; zh: string; en: string }[];
}

export function actionOf(kind: CaseKindDef, action: string): ActionDef | undefined {
  return kind.actions.find((a) => a.action === action);
}

export function isOpen(kind: CaseKindDef, state: string): boolean {
  return kind.states.find((s) => s.state === state)?.open ?? false;
}

/** The actions that may be fired from a state (by anyone; the caller's level is checked apart). */
export function actionsFrom(kind: CaseKindDef, state: string): ActionDef[] {
  return kind.actions.filter((a) => a.from.includes(state));
}
