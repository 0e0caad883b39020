import type { Role } from '../org/schemas';
import { availableActions, fiveListActions, fiveListStates, transition, transitions, type Actor, type FiveListAction, type FiveListState, type Provided } from './machine';

const allRoles: Actor[] = ['resident', 'gridWorker', 'communityWorker', 'subdistrictOfficer', 'jointCommittee', 'unitContact', 'organizer', 'admin', 'system'];

/** Everything each action needs, so that only state and role decide. */
const full: Provided = { note: '已处理', unitId: 'p-water', deadline: '2026-12-10T00:00:00.000Z', photos: ['uploads/u/a.jpg'], target: 'm2' };

const expected: Record<FiveListAction, { from: FiveListState[]; to?: FiveListState; roles: Actor[] }> = {
  dispatch: { from: ['collected', 'returned'], to: 'dispatched', roles: ['subdistrictOfficer'] },
  confirm: { from: ['dispatched'], to: 'reviewed', roles: ['jointCommittee', 'subdistrictOfficer'] },
  merge: { from: ['collected', 'dispatched', 'returned'], to: 'merged', roles: ['jointCommittee', 'subdistrictOfficer'] },
  return: { from: ['dispatched'], to: 'returned', roles: ['jointCommittee', 'subdistrictOfficer'] },
  claim: { from: ['reviewed', 'reopened'], to: 'claimed', roles: ['unitContact'] },
  requestExtension: { from: ['claimed'], roles: ['unitContact'] },
  decideExtension: { from: ['claimed'], roles: ['subdistrictOfficer'] },
  resolve: { from: ['claimed'], to: 'resolved', roles: ['unitContact'] },
  rate: { from: ['resolved', 'rated'], to: 'rated', roles: ['resident', 'gridWorker', 'communityWorker'] },
  reopen: { from: ['resolved', 'rated'], to: 'reopened', roles: ['resident', 'gridWorker', 'communityWorker'] },
  close: { from: ['collected', 'returned', 'resolved', 'rated'], to: 'closed', roles: ['subdistrictOfficer', 'system'] },
};

describe('the five-lists state machine', () => {
  const cases = fiveListActions.flatMap((action) => fiveListStates.flatMap((state) => allRoles.map((role) => [action, state, role] as const)));

  it.each(cases)('%s from %s by %s: allowed exactly where the table says', (action, state, role) => {
    const e = expected[action];
    const r = transition(state, action, [role], full);
    if (!e.from.includes(state)) expect(r).toEqual({ ok: false, code: 'CASE_WRONG_STATE' });
    else if (!e.roles.includes(role)) expect(r).toEqual({ ok: false, code: 'FORBIDDEN' });
    else expect(r).toEqual({ ok: true, to: e.to ?? state });
  });

  it('matches the documented table', () => {
    for (const a of fiveListActions) {
      expect({ a, from: [...transitions[a].from].sort(), to: transitions[a].to, roles: [...transitions[a].roles].sort() }).toEqual({
        a,
        from: [...expected[a].from].sort(),
        to: expected[a].to,
        roles: [...expected[a].roles].sort(),
      });
    }
  });

  it('refuses a transition whose needs are missing, naming the first', () => {
    expect(transition('collected', 'dispatch', ['subdistrictOfficer'], { deadline: 'x' })).toEqual({ ok: false, code: 'UNIT_REQUIRED' });
    expect(transition('collected', 'dispatch', ['subdistrictOfficer'], { unitId: 'p' })).toEqual({ ok: false, code: 'DEADLINE_REQUIRED' });
    expect(transition('dispatched', 'return', ['subdistrictOfficer'], { note: '  ' })).toEqual({ ok: false, code: 'NOTE_REQUIRED' });
    expect(transition('dispatched', 'merge', ['subdistrictOfficer'], {})).toEqual({ ok: false, code: 'MERGE_TARGET_REQUIRED' });
    expect(transition('claimed', 'resolve', ['unitContact'], { note: '修好了', photos: [] })).toEqual({ ok: false, code: 'PHOTOS_REQUIRED' });
    expect(transition('claimed', 'resolve', ['unitContact'], { photos: ['p'] })).toEqual({ ok: false, code: 'NOTE_REQUIRED' });
    expect(transition('claimed', 'requestExtension', ['unitContact'], { note: '材料未到' })).toEqual({ ok: false, code: 'DEADLINE_REQUIRED' });
    expect(transition('rated', 'close', ['system'], {})).toEqual({ ok: false, code: 'NOTE_REQUIRED' });
  });

  it('checks state before role and role before needs', () => {
    expect(transition('closed', 'dispatch', ['resident'], {})).toEqual({ ok: false, code: 'CASE_WRONG_STATE' });
    expect(transition('collected', 'dispatch', ['resident'], {})).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('lets any one of several roles suffice', () => {
    const roles: Role[] = ['resident', 'unitContact'];
    expect(transition('reviewed', 'claim', roles, {})).toEqual({ ok: true, to: 'claimed' });
  });

  it('leaves merged and closed as final states', () => {
    expect(availableActions('merged', allRoles)).toEqual([]);
    expect(availableActions('closed', allRoles)).toEqual([]);
  });

  it('gives the joint committee the review of a dispatch and nothing else', () => {
    expect(availableActions('dispatched', ['jointCommittee'])).toEqual(['confirm', 'merge', 'return']);
    expect(availableActions('collected', ['jointCommittee'])).toEqual(['merge']);
    expect(availableActions('claimed', ['jointCommittee'])).toEqual([]);
    expect(availableActions('resolved', ['jointCommittee'])).toEqual([]);
  });

  it('answers the buttons a unit contact sees on a claimed matter', () => {
    expect(availableActions('claimed', ['unitContact'])).toEqual(['requestExtension', 'resolve']);
  });
});
