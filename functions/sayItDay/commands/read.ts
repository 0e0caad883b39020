import type { Matter, MatterDetail, Session, SessionAgenda } from '../../../shared/sayItDay/schemas';
import { isOpenForMatters } from '../../../shared/sayItDay/schedule';
import { chinaDay } from '../../../shared/platform/chinaTime';
import { can } from '../../../shared/org/permissions';
import type { UserCtx } from '../../platform/context';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { getUnit } from '../../platform/units';
import * as store from '../store';
import { agendaOrder, matterShownTo, matterView, readableSession, scopeOf } from './view';

async function readableCommunity(ctx: UserCtx, communityId: string) {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community' || !can.readCommunity(ctx.principal, { subdistrictId: unit.path[0]!, communityId })) {
    throw new NotFoundError('community');
  }
}

const DAY = 86_400_000;
/** the default range (a year back, 60 days ahead) and a little */
const MAX_RANGE_DAYS = 430;

export async function listSessions(ctx: UserCtx, communityId: string, q: { from?: string; to?: string }): Promise<{ items: Session[] }> {
  await readableCommunity(ctx, communityId);
  const now = ctx.clock.now();
  const from = q.from ?? chinaDay(now.getTime() - 365 * DAY);
  const to = q.to ?? chinaDay(now.getTime() + 60 * DAY);
  // every session of the range comes in one answer (a rule makes at most one a day): the range is bounded instead
  if (Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS * DAY) throw new ValidationError([{ path: 'to', message: `at most ${MAX_RANGE_DAYS} days after from` }]);
  return { items: await store.listSessions(ctx.db, communityId, from, to, false) };
}

/** The next session still taking matters: one query over the coming weeks. */
export async function nextSession(ctx: UserCtx, communityId: string): Promise<{ session: Session | null }> {
  await readableCommunity(ctx, communityId);
  const now = ctx.clock.now();
  const upcoming = await store.listSessions(ctx.db, communityId, chinaDay(now), chinaDay(now.getTime() + 62 * DAY), true, 10);
  return { session: upcoming.find((s) => isOpenForMatters(s, now)) ?? null };
}

export async function sessionAgenda(ctx: UserCtx, sessionId: string): Promise<SessionAgenda> {
  const session = await readableSession(ctx, sessionId);
  const matters = await store.listMattersOfSession(ctx.db, sessionId);
  // residents see what their neighbours raised, not what was withdrawn
  const staff = can.runSession(ctx.principal, scopeOf(session));
  const shown = matters.filter((m) => (staff || m.status !== 'withdrawn' || m.authorId === ctx.principal.userId) && matterShownTo(m, ctx.principal)).sort(agendaOrder);
  return { session, matters: await Promise.all(shown.map((m) => matterView(ctx, m, ctx.principal))) };
}

export async function communityMatters(ctx: UserCtx, communityId: string, q: { cursor?: string; limit?: number }): Promise<{ items: Matter[]; cursor?: string }> {
  await readableCommunity(ctx, communityId);
  const page = await store.listBoard(ctx.db, communityId, q.limit ?? 20, q.cursor);
  const items = await Promise.all(page.items.filter((m) => m.status !== 'withdrawn' && matterShownTo(m, ctx.principal)).map((m) => matterView(ctx, m, ctx.principal)));
  return { items, cursor: page.cursor };
}

export async function myMatters(ctx: UserCtx, q: { cursor?: string; limit?: number }): Promise<{ items: Matter[]; cursor?: string }> {
  const page = await store.listByAuthor(ctx.db, ctx.principal.userId, q.limit ?? 20, q.cursor);
  return { items: await Promise.all(page.items.map((m) => matterView(ctx, m, ctx.principal))), cursor: page.cursor };
}

/** A matter with its session and what this reader may do: two round trips. */
export async function matterDetail(ctx: UserCtx, matterId: string): Promise<MatterDetail> {
  const { matter, seconded } = await store.getMatterAndSecond(ctx.db, matterId, ctx.principal.userId);
  if (!matter || !can.readCommunity(ctx.principal, scopeOf(matter)) || !matterShownTo(matter, ctx.principal)) throw new NotFoundError('matter');
  const session = await store.getSession(ctx.db, matter.sessionId);
  if (!session) throw new NotFoundError('session');
  const now = ctx.clock.now().toISOString();
  const mine = matter.authorId === ctx.principal.userId;
  return {
    matter: await matterView(ctx, matter, ctx.principal),
    session,
    mine,
    secondedByMe: seconded,
    canEdit: mine && matter.status === 'submitted' && matter.cutoffAt > now,
    canSecond: !mine && !seconded && matter.status !== 'withdrawn' && can.secondMatter(ctx.principal, scopeOf(matter)),
  };
}
