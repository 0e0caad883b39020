import { chinaDay } from '../../../shared/platform/chinaTime';
import { isStaffOver } from '../../../shared/signups/permissions';
import type { TeamHours } from '../../../shared/workbench/schemas';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { getUnit } from '../../platform/units';
import * as store from '../store';

/**
 * GET /workbench/units/{unitId}/volunteers/{userId}/hours: staff of a unit (its organizers, community workers,
 * officers above it) open a volunteer's hours, entries and total, only for a volunteer on one of the unit's teams or who
 * served one of its activities. Anyone else over the unit finds no such volunteer (404); someone not staff over the
 * unit may not ask (403). Round trips: the unit, the volunteer's entries and the unit's teams at once; then their
 * memberships and the entries' activities at once; the total and the name at once: 3.
 */
export async function volunteerHoursForStaff(ctx: UserCtx, unitId: string, userId: string) {
  const unit = await getUnit(ctx.db, unitId);
  if (!unit || !isStaffOver(ctx.principal, unit.path)) throw new ForbiddenError();
  const [entries, teams] = await Promise.all([store.hoursEntries(ctx.db, userId), store.teamsOfUnit(ctx.db, unitId)]);
  const activityIds = [...new Set(entries.map((e) => e.activityId))];
  const [onTeams, activities] = await Promise.all([
    teams.length ? store.teamsListing(ctx.db, teams.map((t) => t.id), userId) : Promise.resolve([]),
    activityIds.length ? store.activityUnits(ctx.db, activityIds) : Promise.resolve([]),
  ]);
  const servedHere = activities.some((a) => a.unitPath.includes(unitId));
  if (!onTeams.length && !servedHere) throw new NotFoundError('volunteer');
  const [totals, name] = await Promise.all([store.hoursTotals(ctx.db, [userId]), store.displayName(ctx.db, userId)]);
  return { userId, displayName: name ?? '', totalMinutes: totals.get(userId) ?? 0, entries: entries.reverse() };
}

/**
 * GET /workbench/volunteer-teams/{teamId}/hours?from&to: staff over the team's unit see its roster with each member's
 * total (their ledger's TOTAL item) and minutes in the period, and the team's figures for the period: the sum of the
 * members' confirmed entries served in it (every page of each member's `HOURS#u` between the days). Sign-ups keeps no
 * per-team counter yet, so the period figure is read from the entries (source `entries`). Default period: this year
 * (China) up to today. Round trips: the team with its roster; then the totals and every member's entries at once: 2.
 */
export async function teamHours(ctx: UserCtx, teamId: string, query: { from?: string; to?: string }): Promise<TeamHours> {
  const { team, members } = await store.teamWithRoster(ctx.db, teamId);
  if (!team) throw new NotFoundError('team');
  if (!isStaffOver(ctx.principal, team.unitPath)) throw new ForbiddenError();
  const today = chinaDay(ctx.clock.now());
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  const ids = members.map((m) => m.userId);
  const [totals, ledgers] = await Promise.all([store.hoursTotals(ctx.db, ids), Promise.all(ids.map((u) => store.hoursEntries(ctx.db, u, from, to)))]);
  const roster = members.map((m, i) => {
    const period = ledgers[i]!;
    return {
      userId: m.userId,
      displayName: m.displayName,
      role: m.role,
      totalMinutes: totals.get(m.userId) ?? 0,
      periodMinutes: period.reduce((n, e) => n + e.minutes, 0),
      periodEntries: period.length,
    };
  });
  roster.sort((a, b) => b.periodMinutes - a.periodMinutes || b.totalMinutes - a.totalMinutes || a.displayName.localeCompare(b.displayName, 'zh'));
  return {
    teamId,
    teamName: team.name,
    unitId: team.unitId,
    from,
    to,
    roster,
    period: {
      minutes: roster.reduce((n, r) => n + r.periodMinutes, 0),
      entries: roster.reduce((n, r) => n + r.periodEntries, 0),
      volunteers: roster.filter((r) => r.periodEntries > 0).length,
    },
    source: 'entries',
  };
}
