import { text } from '../../../shared/notifications/texts';
import { ESCALATE_AFTER_MINUTES } from '../../../shared/elderCare/rules';
import type { Emergency } from '../../../shared/elderCare/schemas';
import type { Location } from '../../../shared/sayItDay/schemas';
import type { z } from 'zod';
import type { Ctx, UserCtx } from '../../platform/context';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { figureAdds } from '../../platform/figures';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { notificationWrites, type Notification } from '../../platform/notify';
import * as store from '../store';
import type { EmergencyRecord } from '../store';
import { mayActFor, mayHandleFor, mayManageCommunity, type Elder } from './common';

/** People told in one transaction: 4 writes each (inbox, unread, outbox, dedupe), 20 × 4 + the request and its counters < 100. */
export const TELL_PER_TRANSACTION = 20;

/** The holders of a role on a unit (its grid workers, its community workers), from the unit's grant index. */
export async function holdersOf(ctx: Ctx, unitId: string, role: string): Promise<string[]> {
  const out = await ctx.db.query<{ userId: string }>({ index: 'gsi1', pk: keys.grantByUnit(unitId, role, '').gsi1pk, prefix: `GRANT#${role}#`, limit: 100 });
  return out.items.map((i) => i.userId);
}

export function helpNotice(e: EmergencyRecord, userId: string, escalated: boolean): Notification {
  const where = e.location?.address ?? (e.location?.latitude !== undefined ? `${e.location.latitude.toFixed(5)},${e.location.longitude!.toFixed(5)}` : '位置未知');
  return {
    userId,
    template: 'emergencyHelp',
    text: text('elderCare.emergency', { elder: e.elderName, where, escalatedAfterMinutes: escalated ? ESCALATE_AFTER_MINUTES : undefined }),
    link: `/packages/elderCare/emergency/index?id=${e.id}`,
    data: { thing1: e.elderName.slice(0, 20), thing2: where.slice(0, 20), time3: e.createdAt.slice(0, 16).replace('T', ' ') },
    dedupeKey: `sos#${e.id}#${escalated ? 'esc' : 'first'}#${userId}`,
  };
}

function emergencyView(e: EmergencyRecord): Emergency {
  const { subdistrictId, familyIds, version, ...rest } = e;
  void subdistrictId, familyIds, version;
  return rest;
}

/**
 * 助急: one tap. The request goes, in its own transaction, to the elder's grid worker(s) and confirmed family (inbox and
 * subscribe message), counted for the work summary. Nobody to tell at all: it is due for escalation at once. Otherwise
 * the escalation job (every minute) tells the community's workers when nobody has acknowledged it within
 * ESCALATE_AFTER_MINUTES.
 */
export async function sendEmergency(ctx: UserCtx, input: { location?: z.infer<typeof Location>; elderId?: string }): Promise<Emergency> {
  const who = await mayHandleFor(ctx, input.elderId ?? ctx.principal.userId);
  if (!who) throw new NotFoundError('elder');
  const elder: Elder = who.elder;
  const [gridWorkers, family] = await Promise.all([elder.gridId ? holdersOf(ctx, elder.gridId, 'gridWorker') : Promise.resolve([]), store.familyOfElder(ctx.db, elder.userId)]);
  const familyIds = family.filter((f) => f.status === 'confirmed').map((f) => f.familyId);
  const told = [...new Set([...gridWorkers, ...familyIds])].filter((u) => u !== ctx.principal.userId).slice(0, TELL_PER_TRANSACTION);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const e: EmergencyRecord = {
    id: ctx.newId(),
    elderId: elder.userId,
    elderName: elder.name,
    subdistrictId: elder.subdistrictId,
    communityId: elder.communityId,
    gridId: elder.gridId,
    location: input.location,
    state: 'open',
    escalated: false,
    escalateAt: told.length ? new Date(now.getTime() + ESCALATE_AFTER_MINUTES * 60_000).toISOString() : at,
    createdAt: at,
    told: told.length,
    familyIds,
    version: 0,
  };
  return transactCreate(
    ctx,
    [
      { put: store.emergencyItem(e), if: { expr: 'attribute_not_exists(#pk)' } },
      ...figureAdds({ subdistrictId: e.subdistrictId, communityId: e.communityId }, now, 'elderCare', { emergencyRequests: 1 }),
      ...told.flatMap((u) => notificationWrites(ctx, helpNotice(e, u, false))),
    ],
    emergencyView(e),
  );
}

async function mayRespond(ctx: UserCtx, e: EmergencyRecord): Promise<boolean> {
  if (e.elderId === ctx.principal.userId || e.familyIds.includes(ctx.principal.userId)) return true;
  return mayActFor(ctx.principal, { userId: e.elderId, name: e.elderName, subdistrictId: e.subdistrictId, communityId: e.communityId, gridId: e.gridId });
}

async function visible(ctx: UserCtx, id: string): Promise<EmergencyRecord> {
  const e = await store.getEmergency(ctx.db, id);
  if (!e || !(await mayRespond(ctx, e))) throw new NotFoundError('emergency');
  return e;
}

export async function getEmergency(ctx: UserCtx, id: string): Promise<Emergency> {
  return emergencyView(await visible(ctx, id));
}

/** "I am on it": stops the escalation; counted as in time when it came before the escalation was due. */
export async function acknowledge(ctx: UserCtx, id: string): Promise<Emergency> {
  const e = await visible(ctx, id);
  if (e.state !== 'open') return emergencyView(e);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const inTime = !e.escalated && at < e.escalateAt;
  const next: EmergencyRecord = { ...e, state: 'acknowledged', acknowledgedAt: at, acknowledgedBy: { userId: ctx.principal.userId, name: ctx.principal.displayName ?? '' }, version: e.version + 1 };
  await ctx.db.transact([
    { put: store.emergencyItem(next), if: { expr: '#version = :v AND #state = :open', values: { ':v': e.version, ':open': 'open' } }, fails: 'STALE_VERSION' },
    // counted in the month the request was made, as the request itself was
    ...(inTime ? figureAdds({ subdistrictId: e.subdistrictId, communityId: e.communityId }, e.createdAt, 'elderCare', { emergencyAckInTime: 1 }) : []),
    ...(e.elderId !== ctx.principal.userId
      ? notificationWrites(ctx, {
          userId: e.elderId,
          template: 'emergencyHelp',
          text: text('elderCare.emergencyAcknowledged', { by: next.acknowledgedBy!.name || undefined }),
          link: `/packages/elderCare/emergency/index?id=${e.id}`,
          data: { thing1: e.elderName.slice(0, 20), thing2: (next.acknowledgedBy!.name || '工作人员').slice(0, 20), time3: at.slice(0, 16).replace('T', ' ') },
          dedupeKey: `sosAck#${e.id}`,
        })
      : []),
  ]);
  return emergencyView(next);
}

export async function resolve(ctx: UserCtx, id: string, input: { note: string }): Promise<Emergency> {
  const e = await visible(ctx, id);
  if (e.state === 'resolved') throw new ConflictError('EMERGENCY_CLOSED');
  if (e.state === 'open') {
    await acknowledge(ctx, id);
    return resolve(ctx, id, input);
  }
  const next: EmergencyRecord = { ...e, state: 'resolved', resolvedAt: ctx.clock.now().toISOString(), note: input.note, version: e.version + 1 };
  await ctx.db.put(store.emergencyItem(next), { expr: '#version = :v', values: { ':v': e.version } }, { fails: 'STALE_VERSION' });
  return emergencyView(next);
}

export async function communityEmergencies(ctx: UserCtx, communityId: string): Promise<{ items: Emergency[] }> {
  const items = await store.emergenciesOfCommunity(ctx.db, communityId, { limit: 50 });
  const first = items[0];
  const subdistrictId = first?.subdistrictId ?? ctx.principal.grants.find((g) => g.unitPath.includes(communityId))?.unitPath[0] ?? '';
  const allowed = mayManageCommunity(ctx.principal, subdistrictId, communityId) || ctx.principal.grants.some((g) => g.role === 'gridWorker' && g.unitPath.includes(communityId));
  if (!allowed) throw new NotFoundError('community');
  return { items: items.map(emergencyView) };
}
