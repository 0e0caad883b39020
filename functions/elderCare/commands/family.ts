import { text } from '../../../shared/notifications/texts';
import { randomBytes } from 'node:crypto';
import { ageInYear } from '../../../shared/elderCare/rules';
import type { ElderProfile, FamilyLink } from '../../../shared/elderCare/schemas';
import type { UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { ConditionFailed } from '../../platform/db';
import { keys } from '../../platform/keys';
import { notificationWrites } from '../../platform/notify';
import * as store from '../store';
import { eligibilityOfElder, elderOf, isWorker, menuOf } from './common';

/** The elder-care home: my profile and what it entitles me to, the menu, my family links, whom I book for. */
export async function home(ctx: UserCtx) {
  const me = ctx.principal.userId;
  const [elder, asElder, asFamily] = await Promise.all([elderOf(ctx, me), store.familyOfElder(ctx.db, me), store.eldersOfFamily(ctx.db, me)]);
  const subdistrictId = elder?.subdistrictId ?? ctx.principal.grants[0]?.unitPath[0];
  const menu = subdistrictId ? await menuOf(ctx, subdistrictId) : undefined;
  const mine = elder && menu ? (await eligibilityOfElder(ctx, elder, menu)).profile : ({ userId: me, name: ctx.principal.displayName ?? '', eligibility: [] } satisfies ElderProfile);
  const confirmed = asFamily.filter((f) => f.status === 'confirmed');
  const [profiles, bound] = await Promise.all([store.getProfiles(ctx.db, confirmed.map((f) => f.elderId)), Promise.all(confirmed.map((f) => elderOf(ctx, f.elderId)))]);
  const elders: ElderProfile[] = confirmed.map((f, i) => {
    const birthYear = profiles.find((p) => p.userId === f.elderId)?.birthYear;
    const age = birthYear ? ageInYear(birthYear, ctx.clock.now()) : undefined;
    return { userId: f.elderId, name: f.elderName, communityId: bound[i]?.communityId, birthYear, age, eligibility: age !== undefined && menu && age >= menu.seniorAge ? ['senior'] : [] };
  });
  // the providers whose bookings I serve: as a provider's contact, or as a worker of its community
  const contactUnits = ctx.principal.grants.filter((g) => g.role === 'unitContact').map((g) => g.unitId);
  const workerOf = ctx.principal.grants.filter((g) => g.role === 'communityWorker').map((g) => g.unitId);
  const providers = [
    ...(await Promise.all(contactUnits.map((u) => store.providersOfUnit(ctx.db, u)))).flat(),
    ...(await Promise.all(workerOf.map((c) => store.providersOfCommunity(ctx.db, c)))).flat(),
  ]
    .filter((p, i, all) => all.findIndex((x) => x.id === p.id) === i)
    .map((p) => ({ id: p.id, name: p.name }));
  return { me: mine, menu, elders, family: asElder, asFamily, worker: isWorker(ctx.principal), providers };
}

/** The elder's birth year: 高龄 comes from it. Never a full birth date. */
export async function putProfile(ctx: UserCtx, input: { birthYear: number }): Promise<ElderProfile> {
  const elder = await elderOf(ctx, ctx.principal.userId);
  if (!elder) throw new ForbiddenError('NOT_BOUND');
  const age = ageInYear(input.birthYear, ctx.clock.now());
  if (age < 0 || age > 120) throw new UnprocessableError('BIRTH_YEAR_INVALID');
  await ctx.db.put({ ...keys.elderProfile(elder.userId), entity: 'elderProfile', userId: elder.userId, birthYear: input.birthYear, updatedAt: ctx.clock.now().toISOString() });
  const menu = await menuOf(ctx, elder.subdistrictId);
  return (await eligibilityOfElder(ctx, elder, menu)).profile;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_HOURS = 24;

/** The elder makes a code (valid a day) that a family member types to ask for a link; the elder then confirms it. */
export async function familyCode(ctx: UserCtx): Promise<{ code: string; expiresAt: string }> {
  const elder = await elderOf(ctx, ctx.principal.userId);
  if (!elder) throw new ForbiddenError('NOT_BOUND');
  const expires = new Date(ctx.clock.now().getTime() + CODE_HOURS * 3600_000);
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = Array.from(randomBytes(6), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    try {
      await ctx.db.put(
        { ...keys.elderFamilyCode(code), entity: 'elderFamilyCode', elderId: elder.userId, elderName: elder.name, until: expires.toISOString(), expiresAt: Math.floor(expires.getTime() / 1000) },
        { expr: 'attribute_not_exists(#pk) OR #until < :now', values: { ':now': ctx.clock.now().toISOString() } },
      );
      return { code, expiresAt: expires.toISOString() };
    } catch (e) {
      if (!(e instanceof ConditionFailed)) throw e;
    }
  }
  throw new ConflictError('CONFLICT');
}

/** A family member asks to be linked, with the elder's code; the link waits for the elder, who is told. */
export async function requestFamilyLink(ctx: UserCtx, input: { code: string; relation: string }): Promise<FamilyLink> {
  const it = await ctx.db.get<{ elderId: string; elderName: string; until: string }>(keys.elderFamilyCode(input.code), true);
  if (!it || it.until <= ctx.clock.now().toISOString()) throw new UnprocessableError('FAMILY_CODE_INVALID');
  if (it.elderId === ctx.principal.userId) throw new UnprocessableError('OWN_FAMILY_CODE');
  const existing = await store.getFamily(ctx.db, it.elderId, ctx.principal.userId);
  if (existing) return existing;
  const link: FamilyLink = {
    elderId: it.elderId,
    elderName: it.elderName,
    familyId: ctx.principal.userId,
    familyName: ctx.principal.displayName ?? '家属',
    relation: input.relation,
    status: 'pending',
    createdAt: ctx.clock.now().toISOString(),
  };
  try {
    await ctx.db.transact([
      { put: store.familyItem(link), if: { expr: 'attribute_not_exists(#pk)' }, tag: 'link' },
      ...notificationWrites(ctx, {
        userId: it.elderId,
        template: 'elderCareBooking',
        text: text('elderCare.familyRequest', { family: link.familyName, relation: link.relation }),
        link: '/packages/elderCare/family/index',
        data: { thing1: '家属绑定申请', thing2: link.familyName.slice(0, 20) },
      }),
    ]);
  } catch (e) {
    const again = await store.getFamily(ctx.db, it.elderId, ctx.principal.userId);
    if (again) return again;
    throw e;
  }
  return link;
}

/** The elder confirms: from now on the family member may book for them and is told of their 助急 requests. */
export async function confirmFamilyLink(ctx: UserCtx, familyId: string): Promise<FamilyLink> {
  const link = await store.getFamily(ctx.db, ctx.principal.userId, familyId);
  if (!link) throw new NotFoundError('familyLink');
  if (link.status === 'confirmed') return link;
  const next: FamilyLink = { ...link, status: 'confirmed', confirmedAt: ctx.clock.now().toISOString() };
  await ctx.db.put(store.familyItem(next), { expr: '#status = :p', values: { ':p': 'pending' } });
  return next;
}

