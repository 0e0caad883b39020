import { chinaDay, chinaMonth } from '../../../shared/platform/chinaTime';
import { residentCommunityId } from '../../../shared/org/permissions';
import { mayBeHelped, mayHelp } from '../../../shared/signups/hours';
import { ageInYearOn, ageOn } from '../../../shared/platform/idNumber';
import { canSee, canSetTimeBank, isStaffOver } from '../../../shared/signups/permissions';
import type { CreateHelpRequestInput, HelpRequest, TimeBankSettings } from '../../../shared/signups/schemas';
import type { UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { getUnit } from '../../platform/units';
import { isContention, pause } from '../reservations';
import { helpFigureWrites } from '../figures';
import * as store from '../store';
import { unitOf } from './common';

/**
 * The time bank: younger elders help older ones and bank the hours. Hours come in from elder-to-elder activities
 * (confirmed hours) and from help requests (moved from the helped to the helper on completion), and from a worker's
 * grant. A balance never goes below zero: every debit is conditional on the balance; every movement is an entry.
 */
export async function timeBankSettings(ctx: UserCtx, subdistrictId: string): Promise<TimeBankSettings> {
  const unit = await unitOf(ctx, subdistrictId, ['subdistrict']);
  if (!canSee(ctx.principal, unit.path)) throw new NotFoundError('subdistrict');
  return store.getTimeBankSettings(ctx, subdistrictId);
}

export async function putTimeBankSettings(
  ctx: UserCtx,
  subdistrictId: string,
  input: { helperMinAge: number; helperMaxAge: number; helpedMinAge: number; monthlyGrantMinutes?: number; version: number },
): Promise<TimeBankSettings> {
  const unit = await unitOf(ctx, subdistrictId, ['subdistrict']);
  if (!canSee(ctx.principal, unit.path)) throw new NotFoundError('subdistrict');
  if (!canSetTimeBank(ctx.principal, subdistrictId)) throw new ForbiddenError();
  const current = await store.getTimeBankSettings(ctx, subdistrictId);
  if (current.version !== input.version) throw new ConflictError('STALE_VERSION');
  const next: TimeBankSettings = {
    subdistrictId,
    helperMinAge: input.helperMinAge,
    helperMaxAge: input.helperMaxAge,
    helpedMinAge: input.helpedMinAge,
    monthlyGrantMinutes: input.monthlyGrantMinutes ?? current.monthlyGrantMinutes,
    version: input.version + 1,
  };
  await store.putTimeBankSettings(ctx, next, input.version);
  return next;
}

export const myTimeBank = (ctx: UserCtx) => store.getTimeBank(ctx, ctx.principal.userId);

/** An older resident asks for help, or a worker asks for them; the one helped must be in the helped age band. */
export async function createHelpRequest(ctx: UserCtx, input: CreateHelpRequestInput): Promise<HelpRequest> {
  const community = await unitOf(ctx, input.communityId, ['community']);
  if (!canSee(ctx.principal, community.path)) throw new NotFoundError('community');
  let requesterId = ctx.principal.userId;
  let requesterName = ctx.principal.displayName ?? '居民';
  if (input.forUserId && input.forUserId !== requesterId) {
    if (!isStaffOver(ctx.principal, community.path)) throw new ForbiddenError();
    const user = await ctx.db.get<{ displayName: string; communityId?: string }>(keys.user(input.forUserId));
    if (!user || user.communityId !== community.id) throw new NotFoundError('user');
    requesterId = input.forUserId;
    requesterName = user.displayName;
  } else if (residentCommunityId(ctx.principal) !== community.id) {
    throw new ForbiddenError('NOT_BOUND');
  }
  const settings = await store.getTimeBankSettings(ctx, community.path[0]!);
  const now = ctx.clock.now();
  if (!mayBeHelped(settings, ageOn(input.birthDate, chinaDay(now)))) throw new UnprocessableError('TIMEBANK_AGE');
  const at = now.toISOString();
  const request: HelpRequest = {
    id: ctx.newId(),
    communityId: community.id,
    subdistrictId: community.path[0]!,
    requesterId,
    requesterName,
    service: input.service,
    description: input.description,
    at: new Date(input.at).toISOString(),
    minutes: input.minutes,
    state: 'open',
    createdBy: ctx.principal.userId,
    createdAt: at,
    updatedAt: at,
    version: 0,
  };
  return transactCreate(ctx, [{ put: store.helpRequestItem(request), if: { expr: 'attribute_not_exists(#pk)' } }], request);
}

/** Help requests of the last week and to come (cancelled ones left out: a page may be short), a page at a time. */
export async function communityHelpRequests(ctx: UserCtx, communityId: string, q: { cursor?: string; limit?: number }): Promise<{ items: HelpRequest[]; cursor?: string }> {
  const community = await unitOf(ctx, communityId, ['community']);
  if (!canSee(ctx.principal, community.path)) throw new NotFoundError('community');
  const from = new Date(ctx.clock.now().getTime() - 7 * 86_400_000).toISOString();
  const page = await store.listHelpRequests(ctx, communityId, from, { limit: q.limit ?? 50, cursor: q.cursor });
  return { items: page.items.filter((r) => r.state !== 'cancelled'), cursor: page.cursor };
}

async function readableRequest(ctx: UserCtx, requestId: string): Promise<HelpRequest> {
  const r = await store.getHelpRequest(ctx, requestId);
  if (!r || !canSee(ctx.principal, [r.subdistrictId, r.communityId])) throw new NotFoundError('helpRequest');
  return r;
}

/** A younger elder (a registered volunteer in the helper age band) takes an open request: first come, by a condition. */
export async function takeHelpRequest(ctx: UserCtx, requestId: string): Promise<HelpRequest> {
  const r = await readableRequest(ctx, requestId);
  if (r.requesterId === ctx.principal.userId) throw new ConflictError('OWN_HELP_REQUEST');
  if (r.state !== 'open') throw new ConflictError('HELP_REQUEST_NOT_OPEN');
  const v = await store.getVolunteer(ctx, ctx.principal.userId);
  if (!v) throw new ForbiddenError('NOT_A_VOLUNTEER');
  // the volunteer record keeps only the birth year (issue 11 item 1): the age reached this year
  const birthYear = store.birthYearOf(v);
  if (birthYear === undefined) throw new UnprocessableError('BIRTH_DATE_REQUIRED');
  const settings = await store.getTimeBankSettings(ctx, r.subdistrictId);
  if (!mayHelp(settings, ageInYearOn(birthYear, chinaDay(ctx.clock.now())))) throw new UnprocessableError('TIMEBANK_AGE');
  const next: HelpRequest = { ...r, state: 'taken', helperId: v.userId, helperName: v.realName, updatedAt: ctx.clock.now().toISOString(), version: r.version + 1 };
  await ctx.db.put(store.helpRequestItem(next), { expr: '#state = :open AND #version = :v', values: { ':open': 'open', ':v': r.version } }, { fails: 'HELP_REQUEST_NOT_OPEN' });
  return next;
}

/**
 * The one helped (or whoever filed the request, or a worker) confirms the help: the minutes move from the helped
 * one's balance to the helper's, in one transaction whose debit is conditional on the balance. The helper never
 * confirms their own.
 */
export async function completeHelpRequest(ctx: UserCtx, requestId: string, minutes: number): Promise<HelpRequest> {
  for (let attempt = 0; ; attempt++) {
    const r = await readableRequest(ctx, requestId);
    const me = ctx.principal.userId;
    if (r.helperId === me) throw new ForbiddenError('OWN_HOURS');
    if (me !== r.requesterId && me !== r.createdBy && !isStaffOver(ctx.principal, [r.subdistrictId, r.communityId])) throw new ForbiddenError();
    if (r.state !== 'taken' || !r.helperId) throw new ConflictError('HELP_REQUEST_NOT_TAKEN');
    const next: HelpRequest = { ...r, state: 'done', minutes, updatedAt: ctx.clock.now().toISOString(), version: r.version + 1 };
    const reason = `互助服务：${r.description.slice(0, 30)}`;
    try {
      // the debit first: a balance too low is the answer (TIMEBANK_INSUFFICIENT), whatever else failed
      await ctx.db.transact([
        ...store.timeBankWrites(ctx, r.requesterId, { kind: 'spend', minutes: -minutes, reason, requestId }),
        { put: store.helpRequestItem(next), if: { expr: '#state = :taken AND #version = :v', values: { ':taken': 'taken', ':v': r.version } }, fails: 'HELP_REQUEST_NOT_TAKEN' },
        ...store.timeBankWrites(ctx, r.helperId, { kind: 'earn', minutes, reason, requestId }),
        // the work summary's counters: the request's state condition makes them count once
        ...helpFigureWrites(r, minutes),
      ]);
      return next;
    } catch (e) {
      if (attempt < 30 && isContention(e)) {
        await pause(attempt);
        continue;
      }
      throw e;
    }
  }
}

/**
 * A worker credits an older resident's time bank (the sub-district's allotment, a transfer from family). Minting is
 * bounded and on record: the month's grants across the sub-district may not pass the settings' allotment (one
 * conditional ADD on the month's total, in the same transaction as the credit), and each grant is an entry of the
 * sub-district's ledger of grants naming the worker, which officers read (timeGrants). A retry with the same
 * Idempotency-Key answers the first grant and grants nothing more.
 */
export async function grantTime(ctx: UserCtx, userId: string, input: { minutes: number; reason: string }) {
  if (userId === ctx.principal.userId) throw new ForbiddenError('OWN_HOURS');
  const user = await ctx.db.get<{ communityId?: string }>(keys.user(userId));
  const community = user?.communityId ? await getUnit(ctx.db, user.communityId) : undefined;
  if (!community || !isStaffOver(ctx.principal, community.path)) throw new NotFoundError('user');
  const subdistrictId = community.path[0]!;
  for (let attempt = 0; ; attempt++) {
    const [settings, before] = await Promise.all([store.getTimeBankSettings(ctx, subdistrictId), store.getTimeBank(ctx, userId)]);
    const now = ctx.clock.now();
    const at = now.toISOString();
    const month = chinaMonth(now);
    const grant = { kind: 'grant' as const, minutes: input.minutes, reason: input.reason, grantedBy: ctx.principal.userId };
    const writes = store.timeBankWrites(ctx, userId, grant);
    const entryId = String((writes[1] as { put: { id: string } }).put.id);
    const left = settings.monthlyGrantMinutes - input.minutes;
    if (left < 0) throw new ConflictError('TIMEBANK_ALLOTMENT_SPENT');
    const after = { ...before, balanceMinutes: before.balanceMinutes + input.minutes, entries: [{ id: entryId, at, ...grant }, ...before.entries] };
    try {
      return await transactCreate(
        ctx,
        [
          ...writes,
          {
            update: keys.timeGrantMonth(subdistrictId, month),
            spec: {
              add: { grantedMinutes: input.minutes },
              set: { entity: 'timeGrantMonth', subdistrictId, month },
              if: { expr: 'attribute_not_exists(#grantedMinutes) OR #grantedMinutes <= :left', values: { ':left': left } },
            },
            fails: 'TIMEBANK_ALLOTMENT_SPENT',
          },
          { put: { ...keys.timeGrant(subdistrictId, month, at, entryId), entity: 'timeGrant', id: entryId, userId, communityId: community.id, ...grant, at } },
        ],
        after,
      );
    } catch (e) {
      if (attempt < 30 && isContention(e)) {
        await pause(attempt);
        continue;
      }
      throw e;
    }
  }
}

/** A month of the sub-district's ledger of grants, newest first: for officers, who set the allotment. */
export async function timeGrants(ctx: UserCtx, subdistrictId: string, q: { month: string; cursor?: string; limit?: number }) {
  const unit = await unitOf(ctx, subdistrictId, ['subdistrict']);
  if (!canSee(ctx.principal, unit.path)) throw new NotFoundError('subdistrict');
  if (!canSetTimeBank(ctx.principal, subdistrictId)) throw new ForbiddenError();
  const [settings, total, page] = await Promise.all([
    store.getTimeBankSettings(ctx, subdistrictId),
    ctx.db.get<{ grantedMinutes?: number }>(keys.timeGrantMonth(subdistrictId, q.month), true),
    ctx.db.query({ pk: keys.timeGrantMonth(subdistrictId, q.month).pk, prefix: 'GRANT#', ascending: false, limit: q.limit ?? 50, cursor: q.cursor }),
  ]);
  const items = page.items.map((i) => ({ id: String(i.id), userId: String(i.userId), communityId: String(i.communityId), minutes: Number(i.minutes), reason: String(i.reason), grantedBy: String(i.grantedBy), at: String(i.at) }));
  return { month: q.month, monthlyGrantMinutes: settings.monthlyGrantMinutes, grantedMinutes: total?.grantedMinutes ?? 0, items, cursor: page.cursor };
}
