import { text } from '../../shared/notifications/texts';
import { chinaDateTime } from '../../shared/platform/chinaTime';
import { audienceKeyOf, listOrderKey } from '../../shared/announcements/rules';
import { loadDeps, makeCtx, type Ctx, type Deps } from '../platform/context';
import { ConditionFailed, TransactionCancelled, type TxWrite } from '../platform/db';
import { job } from '../platform/job';
import { keys } from '../platform/keys';
import { notificationWrites } from '../platform/notify';
import { listUnits } from '../platform/units';
import { announcementsCapability } from './capability';
import * as store from './store';
import { scopeOf, type AnnouncementRecord } from './store';

/**
 * Residents told per transaction: each is 3 writes (inbox item, unread count, outbox record), and the announcement's
 * progress is one more: 32 × 3 + 1 = 97, under DynamoDB's 100 items a transaction.
 */
export const FANOUT_CHUNK = 32;

export interface PublishRun {
  published: number;
  told: number;
  chunks: number;
}

/**
 * Every minute: scheduled announcements whose time has come are published (listed to the residents they reach), and
 * the residents of each published one who asked to be told get an inbox item and, where they hold a grant, a subscribe
 * message. The telling walks the settings of the audience's communities (`ANNSUB#c`) a chunk at a time; each chunk's
 * writes and the announcement's progress (`fanoutStep`, `fanoutCursor`) commit in one transaction conditioned on the
 * step read, so a re-run, a second runner or a crash half-way tells nobody twice and loses nobody. Withdrawn meanwhile:
 * the chunk's condition fails and the rest are not told. What is left when the budget runs out is done by the next run.
 */
export const publishAnnouncements = job(announcementsCapability.functions.publishAnnouncements!, async function publishAnnouncements(deps: Deps, opts: { budgetMs?: number } = {}): Promise<PublishRun> {
  const until = Date.now() + (opts.budgetMs ?? 45_000);
  const now = deps.clock.now().toISOString();
  const ctx = makeCtx(deps, `job-announcements-${now}`);
  const run: PublishRun = { published: 0, told: 0, chunks: 0 };
  let cursor: string | undefined;
  do {
    const page = await store.listDue(deps.db, now, cursor);
    for (const seen of page.items) {
      if (Date.now() >= until) break;
      await publishOne(ctx, seen.id, now, until, run);
    }
    cursor = page.cursor;
  } while (cursor && Date.now() < until);
  if (run.published || run.chunks) deps.log.info('publishAnnouncements', { ...run });
  return run;
});

export const publishAnnouncementsHandler = async () => publishAnnouncements(await loadDeps());

async function publishOne(ctx: Ctx, id: string, now: string, until: number, run: PublishRun): Promise<void> {
  let a = await store.getAnnouncement(ctx.db, id, true);
  if (!a) return;
  if (a.state === 'scheduled' && a.publishAt <= now) {
    try {
      await ctx.db.update(keys.announcement(id), {
        set: { state: 'published', version: a.version + 1, ...keys.announcementTo(audienceKeyOf(scopeOf(a)), listOrderKey(a.pinned, a.publishAt, a.id)) },
        if: { expr: '#version = :v AND #state = :scheduled', values: { ':v': a.version, ':scheduled': 'scheduled' } },
      });
    } catch (e) {
      if (e instanceof ConditionFailed) return; // edited or withdrawn meanwhile: the next run sees it as it is
      throw e;
    }
    a = { ...a, state: 'published', version: a.version + 1 };
    run.published++;
  }
  if (a.state !== 'published' || a.notifiedAt) return;
  const communities = await communitiesOf(ctx, a);
  while (Date.now() < until) {
    const chunk = await nextChunk(ctx, a, communities);
    const writes: TxWrite[] = chunk.userIds.flatMap((userId) => notificationWrites(ctx, notificationOf(a!, userId)));
    const held = { expr: '#fanoutStep = :step AND #state = :published', values: { ':step': a.fanoutStep, ':published': 'published' } };
    const progress: TxWrite =
      chunk.next === undefined
        ? { update: keys.announcement(id), spec: { set: { notifiedAt: ctx.clock.now().toISOString() }, add: { fanoutStep: 1, notifiedCount: chunk.userIds.length }, remove: ['fanoutCursor', 'gsi3pk', 'gsi3sk'], if: held } }
        : { update: keys.announcement(id), spec: { set: { fanoutCursor: chunk.next }, add: { fanoutStep: 1, notifiedCount: chunk.userIds.length }, if: held } };
    try {
      await ctx.db.transact([...writes, progress]);
    } catch (e) {
      if (e instanceof TransactionCancelled) return; // withdrawn, or another runner did this chunk: it goes on from there
      throw e;
    }
    run.chunks++;
    run.told += chunk.userIds.length;
    if (chunk.next === undefined) return;
    a = { ...a, fanoutStep: a.fanoutStep + 1, fanoutCursor: chunk.next };
  }
}

/** The communities whose residents it may reach, in a fixed order: the sub-district's all, or its one. */
async function communitiesOf(ctx: Ctx, a: AnnouncementRecord): Promise<string[]> {
  if (a.audience.kind !== 'subdistrict') return [a.communityId!];
  return (await listUnits(ctx.db))
    .filter((u) => u.kind === 'community' && u.path[0] === a.subdistrictId)
    .map((u) => u.id)
    .sort();
}

/**
 * The next residents to tell: one page of a community's settings after the cursor (`<communityId>|<sort key>`), those
 * who asked to be told, still bound there (their resident grant; one BatchGet) and reached (grid, building).
 */
async function nextChunk(ctx: Ctx, a: AnnouncementRecord, communities: string[]): Promise<{ userIds: string[]; next?: string }> {
  const [c, after] = a.fanoutCursor ? (a.fanoutCursor.split('|') as [string, string]) : [communities[0], ''];
  if (!c) return { userIds: [] };
  const page = await store.listSettings(ctx.db, c, FANOUT_CHUNK, after || undefined);
  const asked = page.items.filter((s) => s.notify && (a.audience.kind !== 'building' || s.building === a.audience.building));
  const grids = await store.gridsOf(ctx.db, c, asked.map((s) => s.userId));
  const userIds = asked.filter((s) => grids.has(s.userId) && (a.audience.kind !== 'grid' || grids.get(s.userId) === a.gridId)).map((s) => s.userId);
  const last = page.items[page.items.length - 1];
  if (page.more && last) return { userIds, next: `${c}|${last.sk}` };
  const following = communities[communities.indexOf(c) + 1];
  return { userIds, next: following ? `${following}|` : undefined };
}

function notificationOf(a: AnnouncementRecord, userId: string) {
  const where = a.audience.building ? `${a.audience.unitName}${a.audience.building}` : a.audience.unitName;
  return {
    userId,
    template: 'announcement' as const,
    text: text('announcements.published', { title: a.title, excerpt: a.body.length > 120 ? `${a.body.slice(0, 119)}…` : a.body }),
    link: `/packages/announcements/detail/index?id=${a.id}`,
    data: { thing1: a.title.slice(0, 20), thing2: where.slice(0, 20), time3: chinaDateTime(a.publishAt) },
  };
}
