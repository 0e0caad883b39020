import type { ErrorCode } from '../errors';
import type { Role } from '../org/schemas';

/**
 * The five lists (五单工作法) as a pure state machine: collect → dispatch → review → claim → resolve → rate.
 *
 *   collected ──dispatch──▶ dispatched ──confirm──▶ reviewed ──claim──▶ claimed ──resolve──▶ resolved ──rate──▶ rated
 *       ▲  │                  │   │                    ▲                 │  ▲                   │  │             │ │
 *       │  │                return merge               │                 │  └ requestExtension  │  └──reopen─────┼─┘
 *       │  merge               ▼   ▼                   │                 │    decideExtension   ▼                ▼
 *   (returned ─dispatch─▶)  returned merged         reopened ◀───────────┘ (reopen, once)   closed ◀──close── (rated)
 *
 * Who fires what is data (`transitions`): the roles are the grants a principal holds over the matter (see
 * permissions.ts `rolesOver`). The joint committee (大工委, `jointCommittee`) reviews: confirms, merges or returns.
 * Sub-district officers keep review too: in practice the committee's office sits in the sub-district, the matters
 * already in the table were reviewed by officers, and a sub-district with no committee member granted yet must not
 * have its review queue stall. `system` is the scheduled job (it closes matters whose rating window has passed).
 * The object-level rules the machine cannot see (only the submitter reopens, only the submitter and seconders rate,
 * a unit contact acts only on their own unit's matters) are the commands'.
 */
export const fiveListStates = ['collected', 'dispatched', 'reviewed', 'claimed', 'resolved', 'rated', 'returned', 'merged', 'reopened', 'closed'] as const;
export type FiveListState = (typeof fiveListStates)[number];

export const fiveListActions = [
  'dispatch',
  'confirm',
  'merge',
  'return',
  'claim',
  'requestExtension',
  'decideExtension',
  'resolve',
  'rate',
  'reopen',
  'close',
] as const;
export type FiveListAction = (typeof fiveListActions)[number];

export type Actor = Role | 'system';

/** What a transition needs besides the right state and role. */
export type Need = 'note' | 'unit' | 'deadline' | 'photos' | 'target';

export interface Transition {
  from: readonly FiveListState[];
  /** the state after; `undefined` = stays where it is (an extension does not move the matter) */
  to?: FiveListState;
  roles: readonly Actor[];
  needs: readonly Need[];
}

/** The joint committee reviews the dispatched list; officers keep the power (see above). */
const reviewers: readonly Actor[] = ['jointCommittee', 'subdistrictOfficer'];

/** Those who raised a matter and may rate it: residents, or the worker who took it in from a walk round or a call. */
const raters: readonly Actor[] = ['resident', 'gridWorker', 'communityWorker'];

export const transitions: Record<FiveListAction, Transition> = {
  dispatch: { from: ['collected', 'returned'], to: 'dispatched', roles: ['subdistrictOfficer'], needs: ['unit', 'deadline'] },
  confirm: { from: ['dispatched'], to: 'reviewed', roles: reviewers, needs: [] },
  merge: { from: ['collected', 'dispatched', 'returned'], to: 'merged', roles: reviewers, needs: ['target'] },
  return: { from: ['dispatched'], to: 'returned', roles: reviewers, needs: ['note'] },
  claim: { from: ['reviewed', 'reopened'], to: 'claimed', roles: ['unitContact'], needs: [] },
  requestExtension: { from: ['claimed'], roles: ['unitContact'], needs: ['note', 'deadline'] },
  decideExtension: { from: ['claimed'], roles: ['subdistrictOfficer'], needs: [] },
  resolve: { from: ['claimed'], to: 'resolved', roles: ['unitContact'], needs: ['note', 'photos'] },
  rate: { from: ['resolved', 'rated'], to: 'rated', roles: raters, needs: [] },
  reopen: { from: ['resolved', 'rated'], to: 'reopened', roles: raters, needs: [] },
  close: { from: ['collected', 'returned', 'resolved', 'rated'], to: 'closed', roles: ['subdistrictOfficer', 'system'], needs: ['note'] },
};

/** Matters still waiting for someone to act; their step has a deadline and they escalate when it passes. */
export const activeStates: readonly FiveListState[] = ['collected', 'returned', 'dispatched', 'reviewed', 'claimed', 'reopened'];
/** Matters waiting for ratings: when the window passes the job closes them (unrated stays unrated). */
export const ratingStates: readonly FiveListState[] = ['resolved', 'rated'];

export interface Provided {
  note?: string;
  unitId?: string;
  deadline?: string;
  photos?: readonly string[];
  target?: string;
}

const needCodes: Record<Need, ErrorCode> = {
  note: 'NOTE_REQUIRED',
  unit: 'UNIT_REQUIRED',
  deadline: 'DEADLINE_REQUIRED',
  photos: 'PHOTOS_REQUIRED',
  target: 'MERGE_TARGET_REQUIRED',
};

function has(need: Need, p: Provided): boolean {
  switch (need) {
    case 'note':
      return !!p.note && p.note.trim().length > 0;
    case 'unit':
      return !!p.unitId;
    case 'deadline':
      return !!p.deadline;
    case 'photos':
      return !!p.photos && p.photos.length > 0;
    case 'target':
      return !!p.target;
  }
}

export type TransitionResult = { ok: true; to: FiveListState } | { ok: false; code: ErrorCode };

/**
 * The next state of a matter in `state` when an actor holding `roles` fires `action`, or why not:
 * CASE_WRONG_STATE (not from here), FORBIDDEN (none of the roles may), or the code of the first missing need.
 * Without `provided` the needs are not checked (what a screen asks to know which buttons to show).
 */
export function transition(state: FiveListState, action: FiveListAction, roles: readonly Actor[], provided?: Provided): TransitionResult {
  const t = transitions[action];
  if (!t.from.includes(state)) return { ok: false, code: 'CASE_WRONG_STATE' };
  if (!roles.some((r) => t.roles.includes(r))) return { ok: false, code: 'FORBIDDEN' };
  if (provided) {
    const missing = t.needs.find((n) => !has(n, provided));
    if (missing) return { ok: false, code: needCodes[missing] };
  }
  return { ok: true, to: t.to ?? state };
}

/** The actions these roles may fire from this state (before object-level rules). */
export function availableActions(state: FiveListState, roles: readonly Actor[]): FiveListAction[] {
  return fiveListActions.filter((a) => transition(state, a, roles).ok);
}
