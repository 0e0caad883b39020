import { roleUnitKinds, type CreateUnitInput, type GrantInput, type Unit } from '../../../shared/org/schemas';
import { can } from '../../../shared/org/permissions';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import * as store from '../store';

const parentKinds: Record<Unit['kind'], Unit['kind'] | undefined> = {
  subdistrict: undefined,
  community: 'subdistrict',
  grid: 'community',
  partnerUnit: 'subdistrict',
};

function adminOf(ctx: UserCtx): string {
  const grant = ctx.principal.grants.find((g) => g.role === 'admin');
  if (!grant) throw new ForbiddenError();
  return grant.unitPath[0]!;
}

export async function listUnits(ctx: UserCtx) {
  const subdistrictId = adminOf(ctx);
  const units = await store.listUnits(ctx.db);
  return { items: units.filter((u) => u.path[0] === subdistrictId).map(({ inviteCode, ...u }) => (void inviteCode, u)) };
}

/** Public to any logged-in user: the communities one may bind to, with their grids. */
export async function listCommunities(ctx: UserCtx) {
  const units = await store.listUnits(ctx.db);
  const byId = new Map(units.map((u) => [u.id, u]));
  return {
    items: units
      .filter((u) => u.kind === 'community')
      .map((c) => ({
        id: c.id,
        name: c.name,
        subdistrictId: c.parentId!,
        subdistrictName: byId.get(c.parentId!)?.name ?? '',
        grids: units.filter((g) => g.kind === 'grid' && g.parentId === c.id).map((g) => ({ id: g.id, name: g.name })),
      })),
  };
}

/**
 * An invite code: 10 symbols from 31 that cannot be taken for one another when read aloud or off a notice board (no
 * 0/O, 1/I/L), about 2^49 codes. Guessing is also limited to 10 tries a day a person (platform/rateLimits.ts), and a
 * community's workers rotate a code that leaked (rotateInviteCode).
 */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 10;

export function newInviteCode(): string {
  let code = '';
  while (code.length < INVITE_CODE_LENGTH) {
    for (const b of crypto.getRandomValues(new Uint8Array(16))) {
      // bytes at or above the largest multiple of 31 are dropped, so every symbol is equally likely
      if (b < 248 && code.length < INVITE_CODE_LENGTH) code += INVITE_ALPHABET[b % INVITE_ALPHABET.length];
    }
  }
  return code;
}

export async function createUnit(ctx: UserCtx, input: CreateUnitInput): Promise<Unit> {
  const subdistrictId = adminOf(ctx);
  const parentKind = parentKinds[input.kind];
  if (!parentKind) throw new ForbiddenError(); // sub-districts are made when the app is set up, not by an admin
  const parent = input.parentId ? await store.getUnit(ctx.db, input.parentId) : undefined;
  if (!parent || parent.kind !== parentKind || parent.path[0] !== subdistrictId) throw new UnprocessableError('UNIT_HAS_WRONG_PARENT');
  const id = `${input.kind === 'grid' ? 'g' : input.kind === 'community' ? 'c' : 'p'}-${ctx.newId()}`;
  const unit: Unit = { id, kind: input.kind, name: input.name, parentId: parent.id, path: [...parent.path, id] };
  const inviteCode = input.kind === 'community' ? newInviteCode() : undefined;
  const writes = [{ put: { ...keys.unit(id), entity: 'unit', ...unit, inviteCode }, if: { expr: 'attribute_not_exists(#pk)' } }];
  if (inviteCode) writes.push({ put: { ...keys.inviteCode(inviteCode), entity: 'inviteCode', communityId: id } as never, if: { expr: 'attribute_not_exists(#pk)' } });
  return transactCreate(ctx, writes, unit);
}

export async function grantRole(ctx: UserCtx, input: GrantInput) {
  const subdistrictId = adminOf(ctx);
  const unit = await store.getUnit(ctx.db, input.unitId);
  if (!unit || unit.path[0] !== subdistrictId) throw new NotFoundError('unit');
  if (!roleUnitKinds[input.role].includes(unit.kind)) throw new UnprocessableError('GRANT_UNIT_MISMATCH');
  await store.putGrant(ctx.db, input.userId, input.role, unit);
  return { ok: true as const };
}

export async function revokeRole(ctx: UserCtx, input: GrantInput) {
  const subdistrictId = adminOf(ctx);
  const unit = await store.getUnit(ctx.db, input.unitId);
  if (!unit || unit.path[0] !== subdistrictId) throw new NotFoundError('unit');
  await store.deleteGrant(ctx.db, input.userId, input.role, input.unitId, ctx.clock.now().getTime());
  return { ok: true as const };
}

export async function listUnitGrants(ctx: UserCtx, unitId: string, q: { cursor?: string; limit?: number }) {
  const subdistrictId = adminOf(ctx);
  const unit = await store.getUnit(ctx.db, unitId);
  if (!unit || unit.path[0] !== subdistrictId) throw new NotFoundError('unit');
  const page = await store.listGrantsOfUnit(ctx.db, unitId, { limit: q.limit ?? 50, cursor: q.cursor });
  const grants = page.items;
  const names = await store.displayNames(ctx.db, grants.map((g) => g.userId));
  return { items: grants.map((g) => ({ user: { id: g.userId, displayName: names.get(g.userId) ?? '' }, role: g.role, unitId: g.unitId })), cursor: page.cursor };
}

export async function inviteCode(ctx: UserCtx, communityId: string) {
  const unit = await store.getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community' || !can.decideBinding(ctx.principal, { subdistrictId: unit.path[0]!, communityId })) throw new NotFoundError('community');
  return { communityId, code: unit.inviteCode ?? '' };
}


/**
 * A new invite code for a community, by its workers (or the sub-district's): the old code's item is deleted in the
 * same transaction, so it stops at once (the bind reads the code strongly consistent). Two rotations at once: the
 * second finds the code changed and answers STALE_VERSION.
 */
export async function rotateInviteCode(ctx: UserCtx, communityId: string) {
  const unit = await store.getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community' || !can.decideBinding(ctx.principal, { subdistrictId: unit.path[0]!, communityId })) throw new NotFoundError('community');
  const code = newInviteCode();
  await store.replaceInviteCode(ctx.db, communityId, unit.inviteCode, code);
  return { communityId, code };
}
