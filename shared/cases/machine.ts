import type { Principal, Role } from '../org/schemas';

/**
 * The case engine's state machine (案件), as data: one engine, every case kind (案件类型) a value of `CaseKindDef` in
 * shared/cases/kinds/<kind>.ts, as sign-ups has one reservation engine for shifts and events. A kind gives its
 * categories (a data list), its states (which are open, the deadline of each step), the actions that move a case (who
 * may fire each and what each needs), the fields a case of it carries, which of them are sensitive (sealed, shown
 * masked), its outcome values, and the figures each recorded action adds to its ledger (a pure function of the
 * history entry, so a recount of the records gives the same figures as the counters). Pure: both sides use it.
 */

/**
 * Who fires an action, as the caller's standing over the case (`actorsOver`): a grid worker of the case's grid, a
 * community worker of its community, an officer of its sub-district, the case's handler (whoever it is assigned to:
 * the mediator, the community worker handling a ticket), or the system (a job, the import).
 */
export type CaseActor = 'gridWorker' | 'communityWorker' | 'subdistrictOfficer' | 'handler' | 'system';

export interface Duration {
  days?: number;
  hours?: number;
}

export interface CaseStateDef {
  state: string;
  zh: string;
  en: string;
  /** open: still waiting for someone (listed as open, in the backlog, may be overdue) */
  open: boolean;
  /** the step's deadline, counted from entering the state; passed while the case is still here = overdue */
  deadline?: Duration;
}

export interface CaseActionDef {
  action: string;
  zh: string;
  en: string;
  from: readonly string[];
  /** the state after; undefined = stays (a mediation session, a note, a backlog follow-up) */
  to?: string;
  roles: readonly CaseActor[];
  needsNote?: boolean;
  needsPhoto?: boolean;
  /** records an outcome from the kind's list */
  needsOutcome?: boolean;
  /** a dated entry (a mediation session's day, a follow-up's day): `on` */
  needsDate?: boolean;
  /** the reply to the caller (回复): `reply` */
  needsReply?: boolean;
  /** the caller's satisfaction: `satisfaction` */
  needsSatisfaction?: boolean;
  /** (re)assigns the handler: `handlerId` */
  setsHandler?: boolean;
  /** sets the day of the next follow-up check: `followUpOn` (optional) */
  setsFollowUp?: boolean;
  /** fired at most once on a case (a reply, a satisfaction): the case keeps the actions done */
  once?: boolean;
}

export interface CaseCategory {
  code: string;
  zh: string;
  en: string;
  /** the class it belongs to (数字城管's 5 classes), where the kind's list has classes */
  group?: string;
}

export interface CaseOutcome {
  outcome: string;
  zh: string;
  en: string;
}

export type CaseSource = 'patrol' | 'hotline' | 'resident';
export type SensitiveField = 'partyName' | 'partyPhone';
export type FieldUse = 'required' | 'optional';

/** One recorded step of a case as the figures see it (a history entry): what a ledger counts. */
export interface CaseFigureEvent {
  action: string;
  at: string;
  outcome?: string;
  satisfaction?: Satisfaction;
  /** the case as it stood (attributes that do not change after the raise, and the deadline) */
  source?: CaseSource;
  deadlineAt?: string;
}

export type Satisfaction = 'satisfied' | 'partly' | 'notSatisfied';

export interface CaseKindDef {
  kind: string;
  zh: string;
  en: string;
  categories: readonly CaseCategory[];
  categoryGroups?: readonly { code: string; zh: string; en: string }[];
  states: readonly CaseStateDef[];
  initial: string;
  actions: readonly CaseActionDef[];
  /** who may raise a case of this kind ('system': the import) */
  raisedBy: readonly CaseActor[];
  /** the fields a case of this kind carries; absent = not used */
  fields: {
    parties?: FieldUse;
    place?: FieldUse;
    ticketNo?: FieldUse;
    /** the sources it may come from */
    sources?: readonly CaseSource[];
    /** an overall deadline (the city system's); when not given, `defaultDeadline` from the raise */
    deadline?: FieldUse;
    /** a five-list matter may be linked */
    linkedMatter?: FieldUse;
  };
  defaultDeadline?: Duration;
  /** sealed (platform/crypto.ts) in an item of their own and shown masked; parties need a recorded consent */
  sensitive: readonly SensitiveField[];
  outcomes: readonly CaseOutcome[];
  /** open past this many days: the backlog (积案) an officer follows up */
  backlogAfterDays?: number;
  /** the work-summary ledger its figures count in (shared/cases/figures.ts) */
  ledger?: string;
  /** what one recorded step adds to the ledger's counters: pure, also what the recount adds up */
  figures?(e: CaseFigureEvent): Record<string, number>;
}

/** Declares a kind; checks once, when the module loads, that its states, actions and outcomes refer to each other. */
export function caseKind(def: CaseKindDef): CaseKindDef {
  const states = new Set(def.states.map((s) => s.state));
  if (!states.has(def.initial)) throw new Error(`case kind ${def.kind}: no initial state ${def.initial}`);
  const seen = new Set<string>();
  for (const a of def.actions) {
    if (seen.has(a.action) || a.action === 'raise') throw new Error(`case kind ${def.kind}: bad or repeated action ${a.action}`);
    seen.add(a.action);
    for (const s of [...a.from, ...(a.to ? [a.to] : [])]) if (!states.has(s)) throw new Error(`case kind ${def.kind}: action ${a.action} names no state ${s}`);
    if (a.needsOutcome && def.outcomes.length === 0) throw new Error(`case kind ${def.kind}: ${a.action} needs an outcome but the kind has none`);
  }
  const codes = new Set(def.categories.map((c) => c.code));
  if (codes.size !== def.categories.length || codes.size === 0) throw new Error(`case kind ${def.kind}: categories empty or repeated`);
  return def;
}

export const actionOf = (kind: CaseKindDef, action: string): CaseActionDef | undefined => kind.actions.find((a) => a.action === action);
export const stateOf = (kind: CaseKindDef, state: string): CaseStateDef | undefined => kind.states.find((s) => s.state === state);
export const isOpen = (kind: CaseKindDef, state: string): boolean => stateOf(kind, state)?.open ?? false;
export const outcomeOf = (kind: CaseKindDef, outcome: string): CaseOutcome | undefined => kind.outcomes.find((o) => o.outcome === outcome);
export const categoryOf = (kind: CaseKindDef, code: string): CaseCategory | undefined => kind.categories.find((c) => c.code === code);

/** Where a case sits in the tree: what every access check is computed from. */
export interface CaseScope {
  subdistrictId: string;
  communityId: string;
  gridId?: string;
  handlerId?: string;
}

/**
 * The caller's standing over a case: an officer of its sub-district, a community worker of its community, a grid
 * worker of its grid (a grid worker's grant path holds the community: one of the community's grid workers sees the
 * cases raised in their own grid only), its handler. Residents have none: they never see cases.
 */
export function actorsOver(p: Principal, c: CaseScope): CaseActor[] {
  const out = new Set<CaseActor>();
  for (const g of p.grants) {
    if (g.role === 'subdistrictOfficer' && g.unitId === c.subdistrictId) out.add('subdistrictOfficer');
    if (g.role === 'communityWorker' && g.unitId === c.communityId) out.add('communityWorker');
    if (g.role === 'gridWorker' && c.gridId !== undefined && g.unitId === c.gridId) out.add('gridWorker');
  }
  // a handler is staff of the case's community (checked when assigned) and stays so only while they hold a grant there
  if (c.handlerId !== undefined && c.handlerId === p.userId && p.grants.some((g) => staffRoles.includes(g.role) && g.unitPath.includes(c.communityId))) out.add('handler');
  return [...out];
}

export const staffRoles: readonly Role[] = ['gridWorker', 'communityWorker', 'subdistrictOfficer'];

/** May see the case at all (any standing). */
export const canSee = (p: Principal, c: CaseScope): boolean => actorsOver(p, c).length > 0;

/** May raise a case of the kind in this community (and grid): the kind's raisers among the caller's grants. */
export function canRaise(p: Principal, kind: CaseKindDef, at: { subdistrictId: string; communityId: string; gridId?: string }): boolean {
  return actorsOver(p, at).some((a) => kind.raisedBy.includes(a));
}

export type Refusal = 'CASE_STEP_NOT_ALLOWED' | 'FORBIDDEN';

/** Whether `action` may be fired now: the action exists, the case is in one of its states, and the caller may. */
export function checkAction(kind: CaseKindDef, state: string, action: string, actors: readonly CaseActor[]): CaseActionDef | Refusal {
  const a = actionOf(kind, action);
  if (!a || !a.from.includes(state)) return 'CASE_STEP_NOT_ALLOWED';
  if (!a.roles.some((r) => actors.includes(r))) return 'FORBIDDEN';
  return a;
}

/** The actions the caller may fire from the case's state (what the case page offers). */
export function actionsFor(kind: CaseKindDef, state: string, actors: readonly CaseActor[]): CaseActionDef[] {
  return kind.actions.filter((a) => a.from.includes(state) && a.roles.some((r) => actors.includes(r)));
}

export function addDuration(at: string, d: Duration): string {
  return new Date(new Date(at).getTime() + ((d.days ?? 0) * 24 + (d.hours ?? 0)) * 3600_000).toISOString();
}

/** The deadline of the step a case enters at `at` (undefined: the step has none, or the state is not open). */
export function stepDeadline(kind: CaseKindDef, state: string, at: string): string | undefined {
  const s = stateOf(kind, state);
  return s?.open && s.deadline ? addDuration(at, s.deadline) : undefined;
}

/**
 * Overdue, computed when read (no job writes it): an open case past its step's deadline or past its overall deadline.
 */
export function isOverdue(kind: CaseKindDef, c: { state: string; stepDeadlineAt?: string; deadlineAt?: string }, now: string): boolean {
  if (!isOpen(kind, c.state)) return false;
  return (c.stepDeadlineAt !== undefined && c.stepDeadlineAt < now) || (c.deadlineAt !== undefined && c.deadlineAt < now);
}

/** Backlog (积案): open and raised more than the kind's backlogAfterDays ago. */
export function isBacklog(kind: CaseKindDef, c: { state: string; createdAt: string }, now: string): boolean {
  if (!kind.backlogAfterDays || !isOpen(kind, c.state)) return false;
  return addDuration(c.createdAt, { days: kind.backlogAfterDays }) < now;
}
