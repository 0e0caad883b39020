import { parseIdNumber } from '../../../shared/platform/idNumber';
import { reliefCan } from '../../../shared/relief/permissions';
import type { ReliefType } from '../../../shared/relief/schemas';
import type { Ctx, UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { getUnit, type UnitRecord } from '../../platform/units';
import * as store from '../store';
import { birthMonthHash, type RegistryRecord } from '../store';
import { vault } from './common';

export async function communityUnit(ctx: Ctx, communityId: string): Promise<UnitRecord> {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community') throw new NotFoundError('community');
  return unit;
}

export function registryView(r: RegistryRecord) {
  const benefits = Object.entries(r)
    .filter(([k, v]) => k.startsWith('benefit_') && v)
    .map(([k, v]) => ({ type: k.slice('benefit_'.length) as ReliefType, since: (v as { since: string }).since, until: (v as { until?: string }).until }));
  return {
    householdId: r.householdId,
    communityId: r.communityId,
    gridId: r.gridId,
    headName: r.headName,
    tags: r.tags as never[],
    benefits,
    source: r.source,
    note: r.note,
    flags: r.flags ?? [],
    screenedMonth: r.screenedMonth,
    lastVisitAt: r.lastVisitAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

/** A grid worker sees their grid's part of the registry; the community's workers and officers all of it. */
export async function listRegistry(ctx: UserCtx, communityId: string, q: { gridId?: string; flagged?: 'true' | 'false'; cursor?: string }) {
  const unit = await communityUnit(ctx, communityId);
  const scope = { subdistrictId: unit.path[0]!, communityId };
  if (!reliefCan.listRegistry(ctx.principal, scope)) throw new NotFoundError('community');
  let gridId = q.gridId;
  if (!reliefCan.manageCommunity(ctx.principal, scope)) {
    const own = ctx.principal.grants.filter((g) => g.role === 'gridWorker' && g.unitPath.includes(communityId)).map((g) => g.unitId);
    if (gridId && !own.includes(gridId)) throw new NotFoundError('grid');
    gridId ??= own[0];
  }
  const page = await store.listRegistry(ctx.db, communityId, { gridId, flagged: q.flagged === 'true', cursor: q.cursor });
  return { items: page.items.map(registryView), cursor: page.cursor };
}

/** A worker adds a household in difficulty; the head's ID number is kept sealed and found again by its keyed hash. */
export async function addToRegistry(ctx: UserCtx, communityId: string, input: { gridId?: string; headName: string; headIdNumber: string; tags: string[]; note?: string }) {
  const unit = await communityUnit(ctx, communityId);
  const scope = { subdistrictId: unit.path[0]!, communityId, gridId: input.gridId };
  if (!reliefCan.listRegistry(ctx.principal, scope)) throw new NotFoundError('community');
  if (!reliefCan.workRegistry(ctx.principal, scope)) throw new ForbiddenError();
  if (input.gridId) {
    const grid = await getUnit(ctx.db, input.gridId);
    if (!grid || grid.parentId !== communityId) throw new NotFoundError('grid');
  }
  const v = vault();
  const householdId = v.hash('household', input.headIdNumber);
  const parsed = parseIdNumber(input.headIdNumber);
  const now = ctx.clock.now().toISOString();
  const r: RegistryRecord = {
    householdId,
    communityId,
    gridId: input.gridId,
    headName: input.headName,
    tags: [...new Set(input.tags)],
    source: 'worker',
    note: input.note,
    birthMonthHashes: parsed.ok ? [birthMonthHash((purpose, value) => v.hash(purpose, value), householdId, parsed.birthDate.slice(0, 7))] : [],
    flags: [],
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  const sealed = await v.seal({ headIdNumber: input.headIdNumber }, `relief:registry:${communityId}:${householdId}`);
  const item = { ...keys.registryEntry(communityId, householdId), ...(input.gridId ? keys.registryByGrid(input.gridId, householdId) : {}), entity: 'registryEntry', ...r, sealed };
  return transactCreate(ctx, [{ put: item, if: { expr: 'attribute_not_exists(#pk)' }, fails: 'ALREADY_IN_REGISTRY' }], registryView(r));
}

export async function tagRegistry(ctx: UserCtx, communityId: string, householdId: string, input: { tags: string[]; version: number }) {
  const unit = await communityUnit(ctx, communityId);
  const r = await store.getRegistryEntry(ctx.db, communityId, householdId);
  const scope = { subdistrictId: unit.path[0]!, communityId, gridId: r?.gridId };
  if (!r || !reliefCan.workRegistry(ctx.principal, scope)) throw new NotFoundError('household');
  const out = await ctx.db.update<Record<string, unknown>>(
    keys.registryEntry(communityId, householdId),
    { set: { tags: [...new Set(input.tags)], updatedAt: ctx.clock.now().toISOString() }, add: { version: 1 }, if: { expr: '#version = :v', values: { ':v': input.version } } },
    { fails: new ConflictError('STALE_VERSION', { version: r.version }) },
  );
  return registryView(store.strip<RegistryRecord>(out));
}
