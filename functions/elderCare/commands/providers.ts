import { slotTimes } from '../../../shared/elderCare/rules';
import type { CreateProviderInput, CreateSlotsInput, Provider, PutMenuInput, ServiceMenu, Slot } from '../../../shared/elderCare/schemas';
import type { UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { getUnit } from '../../platform/units';
import { ports } from '../../ports';
import * as store from '../store';
import type { SlotRecord } from '../store';
import { communityScope, mayManageCommunity, mayServe, menuOf, slotView } from './common';

/** The menu of a sub-district: anyone bound within it (or staff over it) reads it; it is the same for everyone. */
export async function getMenu(ctx: UserCtx, subdistrictId: string): Promise<ServiceMenu> {
  if (!ctx.principal.grants.some((g) => g.unitPath[0] === subdistrictId)) throw new NotFoundError('subdistrict');
  return menuOf(ctx, subdistrictId);
}

/** Officers of the sub-district (or its admin) set the 6+X menu as data: a new local item needs no release. */
export async function putMenu(ctx: UserCtx, subdistrictId: string, input: PutMenuInput): Promise<ServiceMenu> {
  if (!ctx.principal.grants.some((g) => (g.role === 'subdistrictOfficer' || g.role === 'admin') && g.unitId === subdistrictId)) throw new ForbiddenError();
  const current = await store.getMenu(ctx.db, subdistrictId);
  if ((current?.version ?? 0) !== input.version) throw new ConflictError('STALE_VERSION');
  const menu: ServiceMenu = { subdistrictId, seniorAge: input.seniorAge, items: input.items, version: input.version + 1, updatedAt: ctx.clock.now().toISOString() };
  await ctx.db.transact([store.menuPut(menu, current ? current.version : undefined)]);
  return menu;
}

/** A community's workers add a provider (长者食堂, day-care centre, contracted company) with its service points. */
export async function createProvider(ctx: UserCtx, input: CreateProviderInput): Promise<Provider> {
  const scope = await communityScope(ctx, input.communityId);
  if (!mayManageCommunity(ctx.principal, scope.subdistrictId, scope.communityId)) throw new ForbiddenError();
  const menu = await menuOf(ctx, scope.subdistrictId);
  const unknown = input.services.filter((s) => !menu.items.some((i) => i.id === s));
  if (unknown.length) throw new UnprocessableError('SERVICE_NOT_ON_MENU', { services: unknown });
  if (input.partnerUnitId) {
    const unit = await getUnit(ctx.db, input.partnerUnitId);
    if (!unit || unit.kind !== 'partnerUnit' || unit.path[0] !== scope.subdistrictId) throw new UnprocessableError('PROVIDER_UNIT_INVALID');
  }
  const provider: Provider = {
    id: ctx.newId(),
    subdistrictId: scope.subdistrictId,
    communityId: scope.communityId,
    name: input.name,
    kind: input.kind,
    partnerUnitId: input.partnerUnitId,
    phone: input.phone,
    servicePoints: input.servicePoints,
    services: input.services,
    createdAt: ctx.clock.now().toISOString(),
  };
  return transactCreate(ctx, [store.providerPut(provider)], provider);
}

export async function listProviders(ctx: UserCtx, communityId: string): Promise<{ items: Provider[] }> {
  const scope = await communityScope(ctx, communityId);
  if (!ctx.principal.grants.some((g) => g.unitPath[0] === scope.subdistrictId)) throw new NotFoundError('community');
  return { items: await store.providersOfCommunity(ctx.db, communityId) };
}

/**
 * Opens slots of one service of a provider on several days (a week of lunches in one request): each day is a place on
 * the reservation engine (capacity, waitlist, cut-off) and a slot record, all in one transaction (2 items a day,
 * at most 14 days: 28 items and the idempotency record).
 */
export async function createSlots(ctx: UserCtx, input: CreateSlotsInput): Promise<{ items: Slot[] }> {
  const provider = await store.getProvider(ctx.db, input.providerId);
  if (!provider || !mayServe(ctx.principal, provider)) throw new NotFoundError('provider');
  if (!provider.services.includes(input.serviceId)) throw new UnprocessableError('SERVICE_NOT_OFFERED');
  const menu = await menuOf(ctx, provider.subdistrictId);
  const item = menu.items.find((i) => i.id === input.serviceId && i.active);
  if (!item) throw new UnprocessableError('SERVICE_NOT_ON_MENU', { services: [input.serviceId] });
  const point = input.servicePointId ? provider.servicePoints.find((p) => p.id === input.servicePointId) : undefined;
  if (input.servicePointId && !point) throw new NotFoundError('servicePoint');
  const now = ctx.clock.now().toISOString();
  const records: SlotRecord[] = input.days.map((day) => {
    const t = slotTimes(day, input.startTime, input.minutes, input.cutoffTime);
    return {
      id: ctx.newId(),
      providerId: provider.id,
      providerName: provider.name,
      subdistrictId: provider.subdistrictId,
      communityId: provider.communityId,
      servicePointId: point?.id,
      servicePointName: point?.name,
      serviceId: item.id,
      serviceKind: item.kind,
      serviceName: item.name,
      delivery: item.delivery,
      ...t,
      capacity: input.capacity,
      state: 'open' as const,
      createdAt: now,
    };
  });
  if (records.some((r) => r.cutoffAt <= now)) throw new UnprocessableError('BOOKING_CLOSED');
  const writes = records.flatMap((r) => [
    store.slotPut(r),
    ports.reservations.newPlaceWrite({
      id: r.id,
      kind: 'elderCare',
      ownerId: r.providerId,
      title: `${r.serviceName} · ${r.providerName}`,
      state: 'open',
      capacity: r.capacity,
      maxSeats: 1,
      maxCompanions: 0,
      // the engine closes bookings at the place's start: for a slot that is its cut-off (a lunch: 09:00 that day)
      startsAt: r.cutoffAt,
      endsAt: r.endsAt,
      cancelCutoffAt: r.cutoffAt,
      place: r.servicePointName ?? '上门服务',
      unitPath: [r.subdistrictId, r.communityId],
      organizerId: ctx.principal.userId,
    }),
  ]);
  const view = { items: records.map((r) => slotView(r, { capacity: r.capacity, taken: 0, free: r.capacity, waiting: 0 }, 'open')) };
  return transactCreate(ctx, writes, view);
}

/** A community's slots still open for booking, soonest first, with what is free (one query and one batch read). */
export async function listSlots(ctx: UserCtx, communityId: string, q: { kind?: string; from?: string; providerId?: string }): Promise<{ items: Slot[] }> {
  const scope = await communityScope(ctx, communityId);
  if (!ctx.principal.grants.some((g) => g.unitPath[0] === scope.subdistrictId)) throw new NotFoundError('community');
  const now = ctx.clock.now().toISOString();
  const slots = (await store.openSlotsOfCommunity(ctx.db, communityId, now)).filter(
    (s) => (!q.kind || s.serviceKind === q.kind) && (!q.providerId || s.providerId === q.providerId) && (!q.from || s.startsAt >= q.from),
  );
  const places = new Map((await ports.reservations.getPlaces(ctx, slots.map((s) => s.id))).map((p) => [p.id, p]));
  return {
    items: slots.flatMap((s) => {
      const p = places.get(s.id);
      return p ? [slotView(s, ports.reservations.availabilityOf(p), p.state)] : [];
    }),
  };
}
