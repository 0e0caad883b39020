import type { Matter, Session } from '../../../shared/sayItDay/schemas';
import { can } from '../../../shared/org/permissions';
import type { Principal, Scope } from '../../../shared/org/schemas';
import type { Ctx } from '../../platform/context';
import { NotFoundError } from '../../platform/errors';
import type { MatterRecord } from '../store';
import * as store from '../store';
import { canModerate } from '../../../shared/moderation/permissions';
import { markOf, shownTo, visiblePhotos, type Reader } from '../../../shared/moderation/visibility';

export const anonymousName = '匿名居民';

export function scopeOf(o: { subdistrictId: string; communityId: string; gridId?: string }): Scope {
  return { subdistrictId: o.subdistrictId, communityId: o.communityId, gridId: o.gridId };
}

/** The reader as moderation sees them: the matter's author, or staff who moderate its community. */
export function moderationReader(m: MatterRecord, reader: Principal): Reader {
  return { author: m.authorId === reader.userId, staff: canModerate(reader, scopeOf(m)) };
}

/** Whether a reader gets the matter at all: one in review or hidden only its author and the moderating staff. */
export function matterShownTo(m: MatterRecord, reader: Principal): boolean {
  return shownTo(m.modState, moderationReader(m, reader));
}

/** What a reader may see of a matter: an anonymous author's name only for its author and the community's staff. */
export async function matterView(ctx: Ctx, m: MatterRecord, reader: Principal): Promise<Matter> {
  const showAuthor = !m.anonymous || m.authorId === reader.userId || can.seeAnonymousAuthor(reader, scopeOf(m));
  const { id, sessionId, communityId, subdistrictId, gridId, anonymous, category, text, location, status, outcome, secondCount, createdAt, updatedAt, version, authorId, authorName } = m;
  const who = moderationReader(m, reader);
  const photos = visiblePhotos(m, m.photoKeys, who);
  const moderation = markOf(m, photos.held, who);
  return {
    ...{ id, sessionId, communityId, subdistrictId, gridId, anonymous, category, text, location, status, outcome, secondCount, createdAt, updatedAt, version },
    authorId: showAuthor ? authorId : undefined,
    authorName: showAuthor ? authorName : anonymousName,
    photos: await Promise.all(photos.shown.map(async (key) => ({ key, url: await ctx.storage.readUrl(key) }))),
    ...(moderation ? { moderation } : {}),
  };
}

/** A session the reader may see, or not found: an id guessed from another community serves nothing. */
export async function readableSession(ctx: Ctx & { principal: Principal }, sessionId: string): Promise<Session> {
  const session = await store.getSession(ctx.db, sessionId);
  if (!session || !can.readCommunity(ctx.principal, scopeOf(session))) throw new NotFoundError('session');
  return session;
}

export async function readableMatter(ctx: Ctx & { principal: Principal }, matterId: string): Promise<MatterRecord> {
  const matter = await store.getMatter(ctx.db, matterId);
  if (!matter || !can.readCommunity(ctx.principal, scopeOf(matter)) || !matterShownTo(matter, ctx.principal)) throw new NotFoundError('matter');
  return matter;
}

/** The agenda: most seconded first, then the earliest raised. */
export function agendaOrder(a: { secondCount: number; createdAt: string }, b: { secondCount: number; createdAt: string }): number {
  return b.secondCount - a.secondCount || a.createdAt.localeCompare(b.createdAt);
}
