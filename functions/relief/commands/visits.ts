import { reliefCan } from '../../../shared/relief/permissions';
import { mustVisitDays } from '../../../shared/relief/screening';
import { chinaDay } from '../../../shared/platform/chinaTime';
import type { Ctx, UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { TransactionCancelled, type TxWrite } from '../../platform/db';
import * as store from '../store';
import { mustVisitDoneWrites, pairingMadeWrites, pairingVisitWrites } from '../visitFigures';
import type { LogRecord, MustVisitRecord, PairingRecord } from '../store';
import { communityUnit, registryView } from './registry';
import { notesTo } from './common';
import { maskName } from '../../../shared/platform/masking';
import { reliefNotices } from '../../../shared/relief/notices';
import { notificationWrites } from '../../platform/notify';

/** the mini-program's visits page of the community, with the visit to show */
const visitLink = (communityId: string, id: string) => `/packages/relief/visits/index?communityId=${communityId}&visitId=${id}`;

/** Photos of a visit are the visitor's own photo uploads. */
function checkPhotos(ctx: UserCtx, photos: readonly string[]) {
  // a visit's photos are read by reliefMoney (uploads/ only): a relief document is never one of them
  const own = [`uploads/${ctx.principal.userId}/`];
  if (photos.some((k) => !own.some((o) => k.startsWith(o)))) throw new ForbiddenError('UPLOAD_NOT_YOURS');
}

const logView = async (ctx: Ctx, l: LogRecord) => ({
  id: l.id,
  at: l.at,
  byName: l.byName,
  found: l.found,
  photos: await Promise.all(l.photoKeys.map(async (key) => ({ key, url: await ctx.storage.readUrl(key) }))),
});

async function visitView(ctx: Ctx, v: MustVisitRecord, logs: LogRecord[]) {
  return {
    id: v.id,
    communityId: v.communityId,
    householdId: v.householdId,
    headName: v.headName,
    kind: v.kind,
    note: v.note,
    occurredOn: v.occurredOn,
    deadlineAt: v.deadlineAt,
    assigneeId: v.assigneeId,
    assigneeName: v.assigneeName,
    status: v.status,
    overdue: v.status === 'open' && v.deadlineAt < ctx.clock.now().toISOString(),
    logs: await Promise.all(logs.map((l) => logView(ctx, l))),
    createdAt: v.createdAt,
  };
}

async function household(ctx: UserCtx, communityId: string, householdId: string) {
  const unit = await communityUnit(ctx, communityId);
  const entry = await store.getRegistryEntry(ctx.db, communityId, householdId);
  const scope = { subdistrictId: unit.path[0]!, communityId, gridId: entry?.gridId };
  if (!reliefCan.listRegistry(ctx.principal, scope)) throw new NotFoundError('community');
  if (!entry) throw new NotFoundError('household', 'HOUSEHOLD_NOT_IN_REGISTRY');
  if (!reliefCan.workRegistry(ctx.principal, scope)) throw new NotFoundError('household', 'HOUSEHOLD_NOT_IN_REGISTRY');
  return { unit, entry };
}

/** 四必访: an event recorded by a worker starts a visit, due within the days its kind allows. */
export async function recordEvent(ctx: UserCtx, communityId: string, input: { householdId: string; kind: MustVisitRecord['kind']; note: string; occurredOn: string; assigneeId?: string }) {
  const { entry } = await household(ctx, communityId, input.householdId);
  let assigneeName = ctx.principal.displayName ?? '';
  if (input.assigneeId && input.assigneeId !== ctx.principal.userId) {
    const [u] = await store.getProfiles(ctx.db, [input.assigneeId]);
    if (!u) throw new NotFoundError('user');
    assigneeName = u.displayName ?? '';
  }
  const now = ctx.clock.now();
  const v: MustVisitRecord = {
    id: ctx.newId(),
    communityId,
    gridId: entry.gridId,
    householdId: input.householdId,
    headName: entry.headName,
    kind: input.kind,
    note: input.note,
    occurredOn: input.occurredOn,
    deadlineAt: new Date(now.getTime() + mustVisitDays[input.kind] * 86_400_000).toISOString(),
    assigneeId: input.assigneeId ?? ctx.principal.userId,
    assigneeName,
    status: 'open',
    createdAt: now.toISOString(),
    version: 0,
  };
  // the assignee hears of it (not a worker who assigned it to themselves)
  const notes = notesTo(ctx, [v.assigneeId], 'reliefVisit', reliefNotices.mustVisit(v.headName, v.kind, chinaDay(v.deadlineAt)), visitLink(communityId, v.id), {
    thing1: `${maskName(v.headName)}家走访`,
    phrase2: '待走访',
    date3: chinaDay(v.deadlineAt),
  });
  return transactCreate(ctx, [{ put: store.mustVisitItem(v), if: { expr: 'attribute_not_exists(#pk)' } }, ...notes.flatMap((n) => notificationWrites(ctx, n))], await visitView(ctx, v, []));
}

/** A page of the must-visits the caller may see (a page may hold fewer than asked: other grids' are left out). */
export async function listMustVisits(ctx: UserCtx, communityId: string, q: { status?: 'open' | 'done'; cursor?: string; limit?: number }) {
  const unit = await communityUnit(ctx, communityId);
  const scope = { subdistrictId: unit.path[0]!, communityId };
  if (!reliefCan.listRegistry(ctx.principal, scope)) throw new NotFoundError('community');
  const page = await store.listMustVisitsPage(ctx.db, communityId, q.status, { limit: q.limit ?? 50, cursor: q.cursor });
  const mine = page.items.filter((v) => reliefCan.workRegistry(ctx.principal, { ...scope, gridId: v.gridId }) || v.assigneeId === ctx.principal.userId);
  return { items: await Promise.all(mine.map((v) => visitView(ctx, v, []))), cursor: page.cursor };
}

/** Open and overdue visits per worker: what the community's page flags. */
export async function overdueByWorker(ctx: UserCtx, communityId: string) {
  const unit = await communityUnit(ctx, communityId);
  if (!reliefCan.manageCommunity(ctx.principal, { subdistrictId: unit.path[0]!, communityId })) throw new NotFoundError('community');
  const now = ctx.clock.now().toISOString();
  const by = new Map<string, { workerId: string; workerName: string; open: number; overdue: number }>();
  for (const v of await store.listMustVisits(ctx.db, communityId, 'open')) {
    const acc = by.get(v.assigneeId) ?? { workerId: v.assigneeId, workerName: v.assigneeName, open: 0, overdue: 0 };
    acc.open += 1;
    if (v.deadlineAt < now) acc.overdue += 1;
    by.set(v.assigneeId, acc);
  }
  return { items: [...by.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open) };
}

/**
 * Logs a visit (who, when, what was found, photos); the first log closes the visit and dates the household's last visit.
 * Idempotent: a retry with the same Idempotency-Key answers the first log (the http layer replays it before the version check).
 */
export async function logVisit(ctx: UserCtx, visitId: string, input: { found: string; photos: string[] }) {
  const { visit: v, logs } = await store.readMustVisit(ctx.db, visitId);
  if (!v) throw new NotFoundError('visit');
  const unit = await communityUnit(ctx, v.communityId);
  const scope = { subdistrictId: unit.path[0]!, communityId: v.communityId, gridId: v.gridId };
  if (v.assigneeId !== ctx.principal.userId && !reliefCan.workRegistry(ctx.principal, scope)) throw new NotFoundError('visit');
  checkPhotos(ctx, input.photos);
  await ctx.storage.keep(input.photos);
  const at = ctx.clock.now().toISOString();
  const log: LogRecord = { id: ctx.newId(), at, byId: ctx.principal.userId, byName: ctx.principal.displayName ?? '', found: input.found, photoKeys: input.photos };
  const next: MustVisitRecord = { ...v, status: 'done', version: v.version + 1 };
  const writes: TxWrite[] = [
    { put: store.mustVisitItem(next), if: { expr: '#version = :v', values: { ':v': v.version } }, fails: new ConflictError('STALE_VERSION', { version: v.version }) },
    { put: store.mustVisitLogItem(v, log), if: { expr: 'attribute_not_exists(#pk)' } },
    {
      update: keys.registryEntry(v.communityId, v.householdId),
      spec: { set: { lastVisitAt: at }, if: { expr: 'attribute_exists(#pk)' } },
      fails: new NotFoundError('household', 'HOUSEHOLD_NOT_IN_REGISTRY'),
    },
    // the work summary counts the visit made when its first log closes it (the version condition: once)
    ...(v.status === 'open' ? mustVisitDoneWrites(scope, at, v.deadlineAt) : []),
  ];
  return transactCreate(ctx, writes, await visitView(ctx, next, [...logs, log]));
}

// --- 结对帮扶: pairing ---
async function pairingsView(ctx: UserCtx, communityId: string, householdId: string) {
  const { pairings, visits } = await store.listPairings(ctx.db, communityId, householdId);
  return pairingsOf(ctx, pairings, visits);
}

async function pairingsOf(ctx: Ctx, pairings: PairingRecord[], visits: (LogRecord & { userId: string })[]) {
  return {
    items: await Promise.all(
      pairings.map(async (p) => ({
        householdId: p.householdId,
        userId: p.userId,
        userName: p.userName,
        role: p.role,
        createdAt: p.createdAt,
        visits: await Promise.all(visits.filter((v) => v.userId === p.userId).map((v) => logView(ctx, v))),
      })),
    ),
  };
}

export async function pair(ctx: UserCtx, communityId: string, input: { householdId: string; userId: string; role: 'partyMember' | 'volunteer' }) {
  const { unit, entry } = await household(ctx, communityId, input.householdId);
  const [u] = await store.getProfiles(ctx.db, [input.userId]);
  if (!u) throw new NotFoundError('user');
  const createdAt = ctx.clock.now().toISOString();
  const p: PairingRecord = { communityId, householdId: input.householdId, userId: input.userId, userName: u.displayName ?? '', role: input.role, createdAt };
  // the paired person's own index of their households is written with the pairing (GET /me/relief/pairings reads it)
  const mine = { put: store.myPairingItem(input.userId, { communityId, householdId: input.householdId, headName: entry.headName, role: input.role, createdAt }) };
  try {
    // a new pairing, counted for the work summary in the same transaction
    await ctx.db.transact([{ put: store.pairingItem(p), if: { expr: 'attribute_not_exists(#pk)' }, tag: 'new' }, mine, ...pairingMadeWrites({ subdistrictId: unit.path[0]!, communityId }, createdAt)]);
  } catch (e) {
    if (!(e instanceof TransactionCancelled && e.failed('new'))) throw e;
    // paired already: the role (and name) change, the pairing keeps its date and is not counted again
    await ctx.db.transact([{ update: keys.pairing(communityId, input.householdId, input.userId), spec: { set: { role: p.role, userName: p.userName } } }, mine]);
  }
  const all = await pairingsView(ctx, communityId, input.householdId);
  return all.items.find((p) => p.userId === input.userId)!;
}

export async function pairings(ctx: UserCtx, communityId: string, householdId: string) {
  const isPaired = (await store.listPairings(ctx.db, communityId, householdId)).pairings.some((p) => p.userId === ctx.principal.userId);
  if (!isPaired) await household(ctx, communityId, householdId);
  return pairingsView(ctx, communityId, householdId);
}

/** The paired party member or volunteer logs a visit. */
export async function pairingVisit(ctx: UserCtx, communityId: string, householdId: string, input: { found: string; photos: string[] }) {
  const { pairings: ps, visits } = await store.listPairings(ctx.db, communityId, householdId);
  const mine = ps.find((p) => p.userId === ctx.principal.userId);
  if (!mine) throw new NotFoundError('pairing');
  const unit = await communityUnit(ctx, communityId);
  checkPhotos(ctx, input.photos);
  await ctx.storage.keep(input.photos);
  const at = ctx.clock.now().toISOString();
  const log = { id: ctx.newId(), at, userId: ctx.principal.userId, byId: ctx.principal.userId, byName: ctx.principal.displayName ?? '', found: input.found, photoKeys: input.photos };
  const answer = (await pairingsOf(ctx, [mine], [...visits.filter((v) => v.userId === mine.userId), log])).items[0]!;
  return transactCreate(
    ctx,
    [
      { put: store.pairingVisitItem(communityId, householdId, log), if: { expr: 'attribute_not_exists(#pk)' } },
      {
        update: keys.registryEntry(communityId, householdId),
        spec: { set: { lastVisitAt: at }, if: { expr: 'attribute_exists(#pk)' } },
        fails: new NotFoundError('household', 'HOUSEHOLD_NOT_IN_REGISTRY'),
      },
      // counted for the work summary (a retry with the same Idempotency-Key writes nothing)
      ...pairingVisitWrites({ subdistrictId: unit.path[0]!, communityId }, at),
    ],
    answer,
  );
}

/** The households I am paired with (the head's name masked), newest first: the visits page lists them to log a visit. */
export async function myPairings(ctx: UserCtx) {
  const items = await store.listMyPairings(ctx.db, ctx.principal.userId);
  return { items: items.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((p) => ({ ...p, headName: maskName(p.headName) })) };
}

/**
 * One registry household for its readers (the grid's worker, the community's workers, officers; 404 for anyone else):
 * the entry and, in one query on gsi2, its must-visits with their logs and its pairings with their visits.
 */
export async function registryHousehold(ctx: UserCtx, communityId: string, householdId: string) {
  const { entry } = await household(ctx, communityId, householdId);
  const h = await store.readHousehold(ctx.db, communityId, householdId);
  // open ones first, soonest deadline first; then the done ones, latest first
  const visits = [...h.visits].sort((a, b) =>
    a.status !== b.status ? (a.status === 'open' ? -1 : 1) : a.status === 'open' ? a.deadlineAt.localeCompare(b.deadlineAt) : b.deadlineAt.localeCompare(a.deadlineAt),
  );
  return {
    entry: registryView(entry),
    mustVisits: await Promise.all(visits.map((v) => visitView(ctx, v, (h.logs.get(v.id) ?? []).sort((a, b) => a.at.localeCompare(b.at))))),
    pairings: (await pairingsOf(ctx, h.pairings, h.pairingVisits)).items,
  };
}
