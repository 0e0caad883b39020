import { chinaDay, chinaYear } from '../../../shared/platform/chinaTime';
import { agreementFigure } from '../../../shared/safety/figures';
import type { Agreement, RegisterShopInput, Shop, ShopsOfYear, SignAgreementInput } from '../../../shared/safety/schemas';
import type { UserCtx } from '../../platform/context';
import { NotFoundError, UnprocessableError } from '../../platform/errors';
import { figureAdds } from '../../platform/figures';
import { transactCreate } from '../../platform/idempotency';
import * as store from '../store';
import type { AgreementRecord, ShopRecord } from '../store';
import { byName, checkPhotoKeys, communityScope, photosOf, requireSee, requireWork } from './common';

async function agreementView(ctx: UserCtx, a: AgreementRecord): Promise<Agreement> {
  return {
    shopId: a.shopId,
    year: a.year,
    signedOn: a.signedOn,
    photo: a.photoKey ? (await photosOf(ctx, [a.photoKey]))[0] : undefined,
    recordedByName: a.recordedByName,
    recordedAt: a.recordedAt,
  };
}

function shopView(s: ShopRecord): Shop {
  const { subdistrictId, ...rest } = s;
  void subdistrictId;
  return rest;
}

/**
 * A community worker (or officer) registers a street-front shop: counted in the street-fronts ledger's shops, and due
 * to sign this year (shopsDue; the yearly job countShopsDue counts it again each January after).
 */
export async function registerShop(ctx: UserCtx, communityId: string, input: RegisterShopInput): Promise<Shop> {
  const scope = await communityScope(ctx, communityId, 'community');
  const now = ctx.clock.now();
  const record: ShopRecord = { id: ctx.newId(), ...scope, ...input, createdAt: now.toISOString() };
  return transactCreate(ctx, [{ put: store.shopItem(record), if: { expr: 'attribute_not_exists(#pk)' } }, ...figureAdds(scope, now, 'streetFronts', { shops: 1, shopsDue: 1 })], shopView(record));
}

/** The shops with the year's agreement and the signing rate (signed / shops): two queries. */
export async function shopsOfYear(ctx: UserCtx, communityId: string, year?: number): Promise<ShopsOfYear> {
  await communityScope(ctx, communityId, 'grid');
  const y = year ?? chinaYear(ctx.clock.now());
  const [shops, agreements] = await Promise.all([store.listShopsOfCommunity(ctx.db, communityId), store.listAgreementsOfYear(ctx.db, communityId, y)]);
  const byShop = new Map(agreements.map((a) => [a.shopId, a]));
  const items = await Promise.all(
    shops.map(async (s) => {
      const a = byShop.get(s.id);
      return { ...shopView(s), agreement: a ? await agreementView(ctx, a) : undefined };
    }),
  );
  // unsigned first, so the worker's round starts with what is left
  items.sort((a, b) => Number(!!a.agreement) - Number(!!b.agreement));
  const signed = items.filter((i) => i.agreement).length;
  return { year: y, items, shops: shops.length, signed, signingRate: shops.length ? signed / shops.length : undefined };
}

/**
 * Records a shop's signed agreement for a year: once a shop and year (a second signing is refused with
 * AGREEMENT_ALREADY_SIGNED; a retried request with its Idempotency-Key gets the first answer). Counted where
 * agreementFigure says: signed this month, late (an earlier year's) this month, or signed in January of next year.
 */
export async function signAgreement(ctx: UserCtx, shopId: string, input: SignAgreementInput): Promise<Agreement> {
  const shop = await store.getShop(ctx.db, shopId);
  if (!shop) throw new NotFoundError('shop');
  requireSee(ctx, shop, 'shop');
  requireWork(ctx, shop, 'grid');
  const now = ctx.clock.now();
  const thisYear = chinaYear(now);
  if (input.year > thisYear + 1 || input.year < thisYear - 1 || input.signedOn > chinaDay(now)) {
    throw new UnprocessableError('AGREEMENT_DATE_INVALID');
  }
  if (input.photo) checkPhotoKeys(ctx, [input.photo]);
  if (input.photo) await ctx.storage.keep([input.photo]);
  const record: AgreementRecord = {
    shopId,
    communityId: shop.communityId,
    year: input.year,
    signedOn: input.signedOn,
    photoKey: input.photo,
    recordedById: ctx.principal.userId,
    recordedByName: byName(ctx),
    recordedAt: now.toISOString(),
  };
  // this year's counts now; last year's entered late apart from the rate; next year's in its January
  const counted = agreementFigure(record.year, record.recordedAt);
  return transactCreate(
    ctx,
    [{ put: store.agreementItem(record), if: { expr: 'attribute_not_exists(#pk)' }, fails: 'AGREEMENT_ALREADY_SIGNED' }, ...figureAdds(shop, counted.at, 'streetFronts', { [counted.key]: 1 })],
    await agreementView(ctx, record),
  );
}
