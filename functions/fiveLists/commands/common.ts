import type { NotificationText } from '../../../shared/notifications/texts';
import { isOverdue } from '../../../shared/fiveLists/deadlines';
import { chinaDay } from '../../../shared/platform/chinaTime';
import { transition, type Actor, type FiveListAction, type FiveListState, type Provided } from '../../../shared/fiveLists/machine';
import { canReadMatter, canSeeAnonymous, rolesOver } from '../../../shared/fiveLists/permissions';
import type { FiveListMatter } from '../../../shared/fiveLists/schemas';
import type { Principal } from '../../../shared/org/schemas';
import type { TemplateKey } from '../../../shared/notifications/schemas';
import type { Ctx, UserCtx } from '../../platform/context';
import { TransactionCancelled, type TxWrite } from '../../platform/db';
import { ApiError, BusyError, ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { fiveListItem, historyItem, type FiveListRecord } from '../intake';
import { DEDUPED, notificationWrites, type Notification } from '../../platform/notify';
import { tellWrite } from '../../platform/work';
import * as store from '../store';
import { FIVE_LISTS_QUEUE } from '../work';

export const anonymousName = '匿名居民';
export const residentName = '居民';

export const stateWords: Record<FiveListState, string> = {
  collected: '已收单',
  dispatched: '已分单',
  reviewed: '已审单',
  claimed: '已领单',
  resolved: '已办结',
  rated: '已评价',
  returned: '已退回',
  merged: '已合并',
  reopened: '已重启',
  closed: '已关闭',
};

export const scopeOfRecord = (r: FiveListRecord) => ({ subdistrictId: r.subdistrictId, communityId: r.communityId, gridId: r.gridId, unitId: r.unitId, state: r.state });

/** A matter the caller may read, or not found: an id guessed from another community or unit serves nothing. */
export function readable(ctx: UserCtx, r: FiveListRecord | undefined): FiveListRecord {
  if (!r || !canReadMatter(ctx.principal, scopeOfRecord(r))) throw new NotFoundError('matter');
  return r;
}

export function actorRoles(p: Principal, r: FiveListRecord): Actor[] {
  return rolesOver(p, scopeOfRecord(r));
}

/** Checks the machine: the next state, or the error the caller sees. */
export function authorize(ctx: UserCtx, r: FiveListRecord, action: FiveListAction, provided: Provided): FiveListState {
  const res = transition(r.state, action, actorRoles(ctx.principal, r), provided);
  if (res.ok) return res.to;
  if (res.code === 'FORBIDDEN') throw new ForbiddenError();
  if (res.code === 'CASE_WRONG_STATE') throw new ConflictError('CASE_WRONG_STATE', { state: r.state });
  throw new UnprocessableError(res.code);
}

export function checkVersion(r: FiveListRecord, version: number) {
  if (r.version !== version) throw new ConflictError('STALE_VERSION', { version: r.version });
}

/** A matter may carry only photos the actor uploaded: upload keys are `uploads/<userId>/<id>.<ext>`. */
export function checkPhotoKeys(ctx: UserCtx, photoKeys: readonly string[]): void {
  const own = `uploads/${ctx.principal.userId}/`;
  if (photoKeys.some((k) => !k.startsWith(own)) || new Set(photoKeys).size !== photoKeys.length) throw new ForbiddenError('UPLOAD_NOT_YOURS');
}

const photos = (ctx: Ctx, photoKeys: readonly string[]) => Promise.all(photoKeys.map(async (key) => ({ key, url: await ctx.storage.readUrl(key) })));

/** What a reader may see: an anonymous submitter's name only for the submitter and the community's staff. */
export async function matterView(ctx: Ctx, r: FiveListRecord, reader: Principal): Promise<FiveListMatter> {
  const showSubmitter = !r.anonymous || r.submitterId === reader.userId || canSeeAnonymous(reader, scopeOfRecord(r));
  return {
    id: r.id,
    communityId: r.communityId,
    subdistrictId: r.subdistrictId,
    gridId: r.gridId,
    source: r.source,
    submitterId: showSubmitter ? r.submitterId : undefined,
    submitterName: showSubmitter ? r.submitterName : anonymousName,
    anonymous: r.anonymous,
    category: r.category,
    text: r.text,
    photos: await photos(ctx, r.photoKeys),
    location: r.location,
    state: r.state,
    unitId: r.unitId,
    unitName: r.unitName,
    resolveBy: r.resolveBy,
    deadlineAt: r.deadlineAt,
    overdue: isOverdue(r.deadlineAt, r.state, ctx.clock.now()),
    claimedByName: r.claimedByName,
    claimedAt: r.claimedAt,
    extension: r.extension,
    resolution: r.resolution
      ? { note: r.resolution.note, photos: await photos(ctx, r.resolution.photoKeys), at: r.resolution.at, byName: r.resolution.byName }
      : undefined,
    mergedInto: r.mergedInto,
    reopenCount: r.reopenCount,
    round: r.round,
    secondCount: r.secondCount,
    ratingCount: r.ratingCount,
    watchCount: r.watchCount ?? 0,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

export function short(text: string): string {
  return text.length > 18 ? `${text.slice(0, 18)}…` : text;
}

/** Notifications about a matter, one per person, never to the person who acted. */
export function aboutMatter(
  ctx: UserCtx | Ctx,
  r: FiveListRecord,
  userIds: readonly (string | undefined)[],
  template: TemplateKey,
  text: NotificationText,
  dedupe?: string,
): Notification[] {
  const actor = ctx.principal?.userId;
  const unique = [...new Set(userIds.filter((u): u is string => !!u && u !== actor))];
  return unique.map((userId) => ({
    userId,
    template,
    text,
    link: `/packages/fiveLists/matter/index?id=${r.id}`,
    data: { thing1: short(r.text).slice(0, 20), phrase2: stateWords[r.state], date3: chinaDay(ctx.clock.now()) },
    // only a re-runnable job needs a dedupe key: it makes the inbox id a hash, which does not sort by time
    dedupeKey: dedupe ? `${dedupe}#${userId}` : undefined,
  }));
}

/** Who hears of a matter's progress besides the staff: its submitter, its backers and its watchers. */
export interface Residents {
  submitterId: string;
  backers: readonly string[];
  watchers: readonly string[];
}

/**
 * Progress told to the residents a matter concerns, each once: the submitter in the words for their own matter, backers
 * and watchers in the words for one they follow. `skip`: people told otherwise in the same change.
 */
export function toResidents(
  ctx: UserCtx | Ctx,
  r: FiveListRecord,
  who: Residents,
  own: NotificationText,
  followed: NotificationText,
  skip: readonly string[] = [],
): Notification[] {
  const submitter = skip.includes(who.submitterId) ? [] : [who.submitterId];
  const followers = [...who.backers, ...who.watchers].filter((u) => u !== who.submitterId && !skip.includes(u));
  return [
    ...aboutMatter(ctx, r, submitter, 'fiveListsProgress', own),
    ...aboutMatter(ctx, r, followers, 'fiveListsProgress', followed),
  ];
}

/** A transaction takes 100 writes. */
const TX_LIMIT = 100;
/**
 * At most this many people are told inside the transaction (3 writes each, 4 with a dedupe key); the rest by a work item
 * written in the same transaction (fiveLists/work.ts), so nobody is left untold when the request dies after its commit.
 */
const IN_TX = 20;
/** Lost races on the watch count alone (a resident watched meanwhile) are retried this often with the fresh count. */
const WATCH_RACE_ATTEMPTS = 3;

export interface TransitionOpts {
  action: FiveListAction;
  note?: string;
  /** a resident acting (rating, reopening): their name is shown only to staff and themselves */
  byResident?: boolean;
  /** more writes in the same transaction, after the matter and its history entry */
  extra?: TxWrite[];
  notify?: Notification[];
}

/**
 * Moves a matter to `next` with one conditional write on its state and version, its history entry (who, when, note)
 * and its notifications in the same transaction. A lost race answers what happened: already claimed, moved on, or stale.
 * The `extra` writes name the errors their conditions mean (`fails`); the matter's own come first, so they are asked first.
 */
export async function applyTransition(ctx: UserCtx, current: FiveListRecord, next: FiveListRecord, opts: TransitionOpts): Promise<FiveListRecord> {
  const by = { byId: ctx.principal.userId, byName: ctx.principal.displayName ?? '', byResident: !!opts.byResident };
  const notes = opts.notify ?? [];
  const extra = opts.extra ?? [];
  // as many people as the transaction has room for (a merge carries many backers in it), at most IN_TX; one item more
  // for the work item that tells the rest
  const inTx = Math.max(0, Math.min(IN_TX, Math.floor((TX_LIMIT - 3 - extra.length) / 4)));
  const rest = notes.length > inTx ? [tellWrite(ctx, FIVE_LISTS_QUEUE, current.id, notes.slice(inTx))] : [];
  let read = current;
  for (let attempt = 1; ; attempt++) {
    // the matter's own writes failing means someone acted first: read it again and say what happened (never answered as is)
    const lostRace = new ConflictError('CONFLICT');
    const writes = transitionWrites(ctx.clock.now().toISOString(), read, next, { ...opts, ...by }).map((w): TxWrite => ({ ...w, fails: lostRace }));
    const now = notes.slice(0, inTx).flatMap((n) => notificationWrites(ctx, n));
    try {
      await ctx.db.transact([...writes, ...extra, ...now, ...rest]);
      break;
    } catch (e) {
      if (e instanceof TransactionCancelled) throw new ConflictError('CONFLICT');
      if (e !== lostRace) throw e;
      const fresh = await store.getFiveList(ctx.db, current.id);
      // only the watch count moved (a resident watched meanwhile): the same change, with the count as it is now.
      // `next` is the caller's record: it answers with the fresh count.
      if (fresh && fresh.state === current.state && fresh.version === current.version && attempt < WATCH_RACE_ATTEMPTS) {
        read = fresh;
        next.watchCount = fresh.watchCount;
        continue;
      }
      await explainLostRace(ctx, current, opts.action);
    }
  }
  return next;
}

/** The tag of a transition's own writes (the matter on its state and version, its history entry): they fail when someone acted first. */
export const TRANSITION = 'transition';

export function transitionWrites(
  at: string,
  current: FiveListRecord,
  next: FiveListRecord,
  h: { action: string; note?: string; byId?: string; byName: string; byResident: boolean },
): TxWrite[] {
  // the put replaces the item: it carries the watch count as read, so it holds only if nobody watched or unwatched since
  const watchCount = current.watchCount ?? 0;
  const watched = watchCount === 0 ? '(attribute_not_exists(#watchCount) OR #watchCount = :w)' : '#watchCount = :w';
  return [
    {
      put: fiveListItem({ ...next, watchCount: current.watchCount }),
      if: { expr: `#state = :s AND #version = :v AND ${watched}`, values: { ':s': current.state, ':v': current.version, ':w': watchCount } },
      tag: TRANSITION,
    },
    {
      put: historyItem(next.id, next.version, { at, action: h.action, from: current.state, to: next.state, byId: h.byId, byName: h.byName, byResident: h.byResident, note: h.note }),
      if: { expr: 'attribute_not_exists(#pk)' },
      tag: TRANSITION,
    },
  ];
}

async function explainLostRace(ctx: UserCtx, current: FiveListRecord, action: FiveListAction): Promise<never> {
  const now = await store.getFiveList(ctx.db, current.id);
  if (!now) throw new NotFoundError('matter');
  if (action === 'claim' && now.state === 'claimed') throw new ConflictError('ALREADY_CLAIMED');
  if (now.state !== current.state) throw new ConflictError('CASE_WRONG_STATE', { state: now.state });
  throw new ConflictError('STALE_VERSION', { version: now.version });
}

/** Notifications past what one transaction holds, sent right after it (a failure here loses no state, only a message). */
export async function notifyRest(ctx: Ctx, rest: Notification[]) {
  for (const n of rest) {
    try {
      await ctx.db.transact(notificationWrites(ctx, n));
    } catch (e) {
      if (e instanceof TransactionCancelled && e.failed(DEDUPED)) continue; // told already
      if (!(e instanceof BusyError)) throw e;
      ctx.log.warn('notification not recorded: busy', { userId: n.userId, template: n.template });
    }
  }
}

/** The next record: the fields that change, the version and the time. */
export function advance(ctx: Ctx, r: FiveListRecord, to: FiveListState, changes: Partial<FiveListRecord>): FiveListRecord {
  return { ...r, ...changes, state: to, version: r.version + 1, updatedAt: ctx.clock.now().toISOString() };
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
