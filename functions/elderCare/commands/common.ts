import { ageInYear, eligibilityOf } from '../../../shared/elderCare/rules';
import { defaultMenu } from '../../../shared/elderCare/rules';
import type { Booking, Consent, ElderProfile, Eligibility, Provider, ServiceMenu, Slot } from '../../../shared/elderCare/schemas';
import { hasRoleOver } from '../../../shared/org/permissions';
import type { Principal } from '../../../shared/org/schemas';
import type { Ctx, UserCtx } from '../../platform/context';
import { ConditionFailed } from '../../platform/db';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import { getUnit } from '../../platform/units';
import { ports } from '../../ports';
import * as store from '../store';
import type { BookingRecord, SlotRecord } from '../store';

/** A resident as elder care needs them: their community (and grid) from their resident grant, their name. */
export interface Elder {
  userId: string;
  name: string;
  subdistrictId: string;
  communityId: string;
  gridId?: string;
}

/** The resident's binding: the user item names the community, the resident grant the grid. */
export async function elderOf(ctx: Ctx, userId: string): Promise<Elder | undefined> {
  const user = await ctx.db.get<{ displayName?: string; communityId?: string }>(keys.user(userId));
  if (!user?.communityId) return undefined;
  const grant = await ctx.db.get<{ gridId?: string; unitPath?: string[] }>(keys.grant(userId, 'resident', user.communityId));
  if (!grant) return undefined;
  return { userId, name: user.displayName ?? '居民', subdistrictId: grant.unitPath?.[0] ?? '', communityId: user.communityId, gridId: grant.gridId };
}

export async function menuOf(ctx: Ctx, subdistrictId: string): Promise<ServiceMenu> {
  return (await store.getMenu(ctx.db, subdistrictId)) ?? { subdistrictId, ...defaultMenu, version: 0 };
}

/** 高龄 from the birth year; 低保 and disability from the relief registry, through its port. */
export async function eligibilityOfElder(ctx: Ctx, elder: Elder, menu: ServiceMenu): Promise<{ profile: ElderProfile; eligibility: Eligibility[] }> {
  const [profile, registry] = await Promise.all([store.getProfile(ctx.db, elder.userId), ports.reliefEligibility.of(ctx, elder.userId, elder.communityId)]);
  const age = profile?.birthYear ? ageInYear(profile.birthYear, ctx.clock.now()) : undefined;
  const eligibility = eligibilityOf(age, menu.seniorAge, registry);
  return { profile: { userId: elder.userId, name: elder.name, communityId: elder.communityId, birthYear: profile?.birthYear, age, eligibility }, eligibility };
}

const communityStaff = ['communityWorker', 'subdistrictOfficer'] as const;

/** A worker who may act for a resident: the community's workers, the sub-district's officers, the grid's worker. */
export function mayActFor(p: Principal, elder: Elder): boolean {
  if (hasRoleOver(p, communityStaff, { subdistrictId: elder.subdistrictId, communityId: elder.communityId })) return true;
  return p.grants.some((g) => g.role === 'gridWorker' && (elder.gridId ? g.unitId === elder.gridId : g.unitPath.includes(elder.communityId)));
}

export function isWorker(p: Principal): boolean {
  return p.grants.some((g) => g.role === 'gridWorker' || g.role === 'communityWorker' || g.role === 'subdistrictOfficer');
}

/** Who the caller books for and as what: themselves, an elder who confirmed them as family, or a resident they serve (with consent). */
export async function actingFor(ctx: UserCtx, elderId: string | undefined, consent: Consent | undefined): Promise<{ elder: Elder; as: 'self' | 'family' | 'worker'; consent?: Consent & { at: string } }> {
  const me = ctx.principal.userId;
  if (!elderId || elderId === me) {
    // myself: my community is on my token's resident grant, so nothing needs reading
    const g = ctx.principal.grants.find((x) => x.role === 'resident');
    if (!g) throw new ForbiddenError('NOT_BOUND');
    return { elder: { userId: me, name: ctx.principal.displayName ?? '居民', subdistrictId: g.unitPath[0]!, communityId: g.unitId }, as: 'self' };
  }
  const [elder, family] = await Promise.all([elderOf(ctx, elderId), store.getFamily(ctx.db, elderId, me)]);
  if (!elder) throw new NotFoundError('elder');
  if (family?.status === 'confirmed') return { elder, as: 'family' };
  if (!mayActFor(ctx.principal, elder)) throw new NotFoundError('elder');
  // 代办: a worker books for a resident only with the resident's consent, recorded with the booking
  if (!consent) throw new UnprocessableError('PROXY_CONSENT_REQUIRED');
  return { elder, as: 'worker', consent: { ...consent, at: ctx.clock.now().toISOString() } };
}

/** May the caller see and change this elder's bookings (cancel, rate)? The elder, confirmed family, or a worker over them. */
export async function mayHandleFor(ctx: UserCtx, elderId: string): Promise<{ elder: Elder; as: 'self' | 'family' | 'worker' } | undefined> {
  const me = ctx.principal.userId;
  const elder = await elderOf(ctx, elderId);
  if (!elder) return undefined;
  if (elderId === me) return { elder, as: 'self' };
  const family = await store.getFamily(ctx.db, elderId, me);
  if (family?.status === 'confirmed') return { elder, as: 'family' };
  if (mayActFor(ctx.principal, elder)) return { elder, as: 'worker' };
  return undefined;
}

/** The provider's own people (the unitContact grants of its partner unit) and the workers over its community. */
export function mayServe(p: Principal, provider: Provider): boolean {
  if (provider.partnerUnitId && p.grants.some((g) => g.role === 'unitContact' && g.unitId === provider.partnerUnitId)) return true;
  return hasRoleOver(p, communityStaff, { subdistrictId: provider.subdistrictId, communityId: provider.communityId });
}

export function mayManageCommunity(p: Principal, subdistrictId: string, communityId: string): boolean {
  return hasRoleOver(p, communityStaff, { subdistrictId, communityId });
}

export async function communityScope(ctx: Ctx, communityId: string): Promise<{ subdistrictId: string; communityId: string; name: string }> {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community') throw new NotFoundError('community');
  return { subdistrictId: unit.path[0]!, communityId, name: unit.name };
}

export function slotView(s: SlotRecord, availability: { capacity: number; taken: number; free: number; waiting: number }, state: Slot['state']): Slot {
  const { subdistrictId, createdAt, ...rest } = s;
  void subdistrictId, createdAt;
  return { ...rest, ...availability, state };
}

export async function bookingView(ctx: Ctx, b: BookingRecord, viewer: 'holder' | 'provider'): Promise<Booking> {
  const { subdistrictId, gridId, version, ...rest } = b;
  void subdistrictId, gridId, version;
  const now = ctx.clock.now().toISOString();
  return {
    ...rest,
    photoUrl: b.photoKey ? await ctx.storage.readUrl(b.photoKey) : undefined,
    canCancel: viewer === 'holder' && (b.status === 'confirmed' || b.status === 'waitlisted') && b.cutoffAt > now,
    canRate: viewer === 'holder' && b.status === 'served' && !b.rating,
  };
}

/**
 * A waitlisted booking whose place the engine has since given it (someone cancelled): the booking follows the
 * engine's reservation, which is what decides. Read-time repair, conditional on the booking still saying waitlisted.
 */
export async function followEngine(ctx: Ctx, bookings: BookingRecord[]): Promise<BookingRecord[]> {
  return Promise.all(
    bookings.map(async (b) => {
      if (b.status !== 'waitlisted') return b;
      const r = await ports.reservations.getReservation(ctx, b.slotId, b.elderId);
      if (!r || r.status === 'waitlisted') return r?.position !== undefined ? { ...b, position: r.position } : b;
      const next: BookingRecord = { ...b, status: r.status === 'confirmed' ? 'confirmed' : 'cancelled', position: undefined, updatedAt: ctx.clock.now().toISOString(), version: b.version + 1 };
      try {
        await ctx.db.put(store.bookingItem(next), { expr: '#version = :v', values: { ':v': b.version } });
      } catch (e) {
        // another reader repaired it first: what it wrote is the same
        if (!(e instanceof ConditionFailed)) throw e;
      }
      return next;
    }),
  );
}
