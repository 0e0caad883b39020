import { keys } from '../../functions/platform/keys';
import type { Harness, Person } from './harness';

/**
 * Queues for the workbench's browser tests, written with the keys their capabilities document (platform/keys.ts), in
 * the harness's sub-district (sd-t, c-a, g-a1, p-water). The clock is the harness's START: 10:00 on 1 December 2026.
 */
export function workbenchWorld(h: Harness) {
  const now = h.clock.now().getTime();
  const past = (days: number) => new Date(now - days * 86_400_000).toISOString();
  const later = (days: number) => new Date(now + days * 86_400_000).toISOString();
  let n = 0;
  const id = (p: string) => `${p}wb${++n}`;
  const put = (item: Record<string, unknown>) => h.deps.db.put(item);

  return {
    past,
    later,
    /** community c-a: 2 binding requests, 3 applications to review, must-visits (1 overdue, 1 due), 1 scheduled announcement */
    async communityQueues(gridWorker?: Person) {
      for (let i = 0; i < 2; i++) await put({ ...keys.bindingRequest('c-a', id('u')), entity: 'bindingRequest', requestedAt: past(1) });
      for (const d of [4, 2, 1]) {
        const a = id('app');
        await put({ ...keys.reliefApplication(a), ...keys.reliefQueue('community', 'c-a', past(d), a), entity: 'reliefApplication', id: a, status: 'submitted', waitingSince: past(d) });
      }
      for (const [deadline, assignee] of [[past(2), gridWorker?.id ?? 'w-x'], [later(3), gridWorker?.id ?? 'w-x']] as const) {
        const v = id('mv');
        await put({ ...keys.mustVisit(v), ...keys.mustVisitByCommunity('c-a', 'open', deadline, v), entity: 'mustVisit', id: v, status: 'open', deadlineAt: deadline, assigneeId: assignee });
      }
      const ann = id('ann');
      await put({ ...keys.announcement(ann), ...keys.announcementOfUnit('c-a', past(0), ann), entity: 'announcement', id: ann, state: 'scheduled' });
    },
    /** a grid worker's proxy drafts in g-a1 */
    async proxyDrafts(worker: Person, count: number) {
      for (let i = 0; i < count; i++) {
        const a = id('app');
        await put({ ...keys.reliefApplication(a), ...keys.reliefByGrid('g-a1', past(1), a), entity: 'reliefApplication', id: a, status: 'draft', filedById: worker.id });
      }
    },
    /** five-list matters of sd-t: on the board (collected 2, 1 overdue), for review (dispatched 1, overdue), at p-water (reviewed 1, claimed 1 overdue) */
    async fiveLists() {
      const fl = async (state: string, deadlineAt: string, unitId?: string) => {
        const m = id('m');
        await put({ ...keys.fiveListMatter(m), ...keys.fiveListByState('sd-t', state, deadlineAt, m), ...(unitId ? keys.fiveListByUnit(unitId, state, deadlineAt, m) : {}), entity: 'fiveListMatter', id: m, state, deadlineAt });
      };
      await fl('collected', past(1));
      await fl('collected', later(1));
      await fl('dispatched', past(2));
      await fl('reviewed', later(1), 'p-water');
      await fl('claimed', past(3), 'p-water');
      const a = id('app');
      await put({ ...keys.reliefApplication(a), ...keys.reliefQueue('subdistrict', 'sd-t', past(2), a), entity: 'reliefApplication', id: a, status: 'communityApproved', waitingSince: past(2) });
    },
    /** an organizer's activity in c-a with a shift today (2 checked in) and one yesterday (1 volunteer's hours waiting); a team with their hours */
    async organizerWork(organizer: Person, volunteers: Person[]) {
      const a = id('act');
      const today = { id: id('sh'), startsAt: past(1 / 24), endsAt: later(3 / 24), place: '和平社区', slots: 5 };
      const yesterday = { id: id('sh'), startsAt: past(1.1), endsAt: past(1), place: '和平社区', slots: 5 };
      await put({ ...keys.activity(a), ...keys.activityByUnit('c-a', today.endsAt, a), entity: 'activity', id: a, unitId: 'c-a', unitPath: ['sd-t', 'c-a'], title: '冬季楼道清洁日', organizerId: organizer.id, organizerName: organizer.displayName, state: 'published', shifts: [yesterday, today] });
      const [v1, v2] = volunteers;
      await put({ ...keys.reservation(today.id, v1!.id), entity: 'reservation', status: 'confirmed', checkedInAt: past(0.5 / 24), hoursStatus: 'none' });
      await put({ ...keys.reservation(today.id, v2!.id), entity: 'reservation', status: 'confirmed', checkedInAt: past(0.4 / 24), hoursStatus: 'none' });
      await put({ ...keys.reservation(yesterday.id, v1!.id), entity: 'reservation', status: 'confirmed', checkedInAt: yesterday.startsAt, checkedOutAt: yesterday.endsAt, hoursStatus: 'pending' });
      await put({ ...keys.team('t-wb'), ...keys.teamByUnit('c-a', 't-wb'), entity: 'team', id: 't-wb', unitId: 'c-a', unitPath: ['sd-t', 'c-a'], name: '和平助老服务队', kind: 'other', leaderIds: [v1!.id], memberCount: volunteers.length, createdAt: past(300) });
      for (const [i, v] of volunteers.entries()) {
        await put({ ...keys.teamMember('t-wb', v.id), entity: 'teamMember', teamId: 't-wb', userId: v.id, displayName: v.displayName, role: i === 0 ? 'leader' : 'member', joinedAt: past(300) });
        const servedOn = '2026-11-20';
        await put({ ...keys.hoursEntry(v.id, servedOn, `sh-old-${i}`), entity: 'hoursEntry', userId: v.id, shiftId: `sh-old-${i}`, activityId: a, activityTitle: '冬季楼道清洁日', servedOn, minutes: 90 + 30 * i, claimedMinutes: 90 + 30 * i, confirmedBy: organizer.id, confirmedAt: past(10), elderToElder: false });
        await h.deps.db.update(keys.hoursTotal(v.id), { add: { totalMinutes: 90 + 30 * i, entries: 1 } });
      }
      return { teamId: 't-wb' };
    },
  };
}
