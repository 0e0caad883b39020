import { activeStates, availableActions, type FiveListState } from '../../../shared/fiveLists/machine';
import { canReadSubdistrictLists, canSeeAnonymous, canWatch, isContactOf, isOfficerOf } from '../../../shared/fiveLists/permissions';
import type { FiveListDetail, FiveListMatter } from '../../../shared/fiveLists/schemas';
import { can } from '../../../shared/org/permissions';
import type { UserCtx } from '../../platform/context';
import { NotFoundError } from '../../platform/errors';
import { getUnit } from '../../platform/units';
import * as store from '../store';
import { actorRoles, matterView, readable, residentName, scopeOfRecord, short } from './common';

/**
 * A matter with its timeline: one query of its item collection. Residents of its community and its staff read it; a
 * partner unit reads it once it is confirmed to them. A resident's name in the timeline (a rating, a reopen) and an
 * anonymous submitter's name are shown only to the community's staff and the person themselves.
 */
export async function matterDetail(ctx: UserCtx, matterId: string): Promise<FiveListDetail> {
  const col = await store.readCollection(ctx.db, matterId);
  const r = readable(ctx, col.matter);
  const me = ctx.principal.userId;
  const staff = canSeeAnonymous(ctx.principal, scopeOfRecord(r));
  const timeline = [
    ...col.history.map((h) => ({
      at: h.at,
      action: h.action as FiveListDetail['timeline'][number]['action'],
      from: h.from,
      to: h.to,
      byName: h.byResident && !staff && h.byId !== me ? residentName : h.byName,
      note: h.note,
    })),
    ...col.escalations.map((e) => ({ at: e.at, action: 'escalate' as const, to: e.step as FiveListState, byName: '系统', note: `逾期已上报（期限 ${e.deadlineAt.slice(0, 10)}）` })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const rater = r.submitterId === me || col.backers.includes(me);
  const ratedThisRound = col.ratings.some((x) => x.userId === me && x.round === r.round);
  const actions = availableActions(r.state, actorRoles(ctx.principal, r)).filter((a) => {
    if (a === 'rate') return rater && !ratedThisRound;
    if (a === 'reopen') return r.submitterId === me && r.reopenCount === 0 && !ratedThisRound;
    if (a === 'requestExtension') return !r.extension;
    if (a === 'decideExtension') return !!r.extension && !r.extension.decision;
    return true;
  });
  return {
    matter: await matterView(ctx, r, ctx.principal),
    timeline,
    ratings: col.ratings
      .map((x) => ({ level: x.level, stars: x.stars, comment: x.comment, round: x.round, at: x.at, mine: x.userId === me }))
      .sort((a, b) => a.at.localeCompare(b.at)),
    actions,
    share: { path: `/packages/fiveLists/matter/index?id=${r.id}`, title: `邻里五单：${short(r.text)}` },
    watch: canWatch(ctx.principal, scopeOfRecord(r))
      ? {
          watching: col.watchers.includes(me),
          watchCount: r.watchCount ?? 0,
          alreadyTold: r.submitterId === me ? ('submitter' as const) : col.backers.includes(me) ? ('backer' as const) : undefined,
        }
      : undefined,
  };
}

type Page = { items: FiveListMatter[]; cursor?: string };
type ListQuery = { state?: FiveListState; overdue?: 'true' | 'false'; cursor?: string; limit?: number };

/**
 * The sub-district's lists, by state and soonest deadline (its officers, joint committee and admins): the dispatch
 * board (collected, returned), the review queue (dispatched), and with `overdue=true` what is past its deadline. Without a state: every waiting state at once.
 */
export async function subdistrictMatters(ctx: UserCtx, subdistrictId: string, q: ListQuery): Promise<Page> {
  if (!canReadSubdistrictLists(ctx.principal, subdistrictId)) throw new NotFoundError('subdistrict');
  const limit = q.limit ?? 50;
  const before = q.overdue === 'true' ? ctx.clock.now().toISOString() : undefined;
  if (q.state) {
    const page = await store.listByState(ctx.db, subdistrictId, q.state, { limit, cursor: q.cursor, before });
    return { items: await Promise.all(page.items.map((m) => matterView(ctx, m, ctx.principal))), cursor: page.cursor };
  }
  const pages = await Promise.all(activeStates.map((s) => store.listByState(ctx.db, subdistrictId, s, { limit, before })));
  const items = pages.flatMap((p) => p.items).sort((a, b) => (a.deadlineAt ?? '').localeCompare(b.deadlineAt ?? '')).slice(0, limit);
  return { items: await Promise.all(items.map((m) => matterView(ctx, m, ctx.principal))) };
}

/** A unit's matters, for its contacts (what is confirmed to them) and the sub-district's officers (everything). */
export async function unitMatters(ctx: UserCtx, unitId: string, q: ListQuery): Promise<Page> {
  const unit = await getUnit(ctx.db, unitId);
  if (!unit || unit.kind !== 'partnerUnit') throw new NotFoundError('unit');
  const officer = isOfficerOf(ctx.principal, unit.path[0]!);
  if (!officer && !isContactOf(ctx.principal, unitId)) throw new NotFoundError('unit');
  const page = await store.listByUnit(ctx.db, unitId, { state: q.state, limit: q.limit ?? 50, cursor: q.cursor });
  const now = ctx.clock.now().toISOString();
  const shown = page.items
    .filter((m) => officer || m.state !== 'dispatched')
    .filter((m) => q.overdue !== 'true' || (m.deadlineAt !== undefined && m.deadlineAt < now && activeStates.includes(m.state)));
  return { items: await Promise.all(shown.map((m) => matterView(ctx, m, ctx.principal))), cursor: page.cursor };
}

/** The public board: the community's five-list matters and their state, newest first. */
export async function board(ctx: UserCtx, communityId: string, q: { cursor?: string; limit?: number }): Promise<Page> {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community' || !can.readCommunity(ctx.principal, { subdistrictId: unit.path[0]!, communityId })) throw new NotFoundError('community');
  const page = await store.listBoard(ctx.db, communityId, q.limit ?? 20, q.cursor);
  return { items: await Promise.all(page.items.map((m) => matterView(ctx, m, ctx.principal))), cursor: page.cursor };
}
