import type { Resident, ResidentsQuery } from '../../../shared/org/schemas';
import { can } from '../../../shared/org/permissions';
import { maskPhone } from '../../../shared/platform/masking';
import type { UserCtx } from '../../platform/context';
import { NotFoundError } from '../../platform/errors';
import * as store from '../store';

const DEFAULT_LIMIT = 30;

/**
 * A grid's residents, by name: first those whose binding names the grid, then the community's residents whose binding
 * names no grid (a grid worker may act for them too). The cursor says which of the two lists it continues.
 */
export async function listGridResidents(ctx: UserCtx, gridId: string, query: ResidentsQuery): Promise<{ items: Resident[]; cursor?: string }> {
  const grid = await store.getUnit(ctx.db, gridId);
  if (!grid || grid.kind !== 'grid' || !grid.parentId) throw new NotFoundError('grid');
  const communityId = grid.parentId;
  if (!can.readResidents(ctx.principal, { subdistrictId: grid.path[0]!, communityId, gridId })) throw new NotFoundError('grid');
  const limit = query.limit ?? DEFAULT_LIMIT;
  const [phase, inner] = splitCursor(query.cursor);
  let page = phase === 'g' ? await store.listResidents(ctx.db, { communityId, gridId }, { name: query.name, cursor: inner, limit }) : { items: [] as store.ResidentRecord[], cursor: undefined as string | undefined };
  let cursor = page.cursor ? `g.${page.cursor}` : undefined;
  if (!page.cursor && page.items.length < limit) {
    // the grid's list is done: fill the page from the community's residents with no grid
    const rest = await store.listResidents(ctx.db, { communityId, gridId: '-' }, { name: query.name, cursor: phase === 'u' ? inner : undefined, limit: limit - page.items.length });
    page = { items: [...page.items, ...rest.items], cursor: undefined };
    cursor = rest.cursor ? `u.${rest.cursor}` : undefined;
  } else if (!page.cursor) {
    cursor = 'u.';
  }
  return { items: await present(ctx, page.items), cursor };
}

/** A community's residents, by name: for its workers and the sub-district's officers. */
export async function listCommunityResidents(ctx: UserCtx, communityId: string, query: ResidentsQuery): Promise<{ items: Resident[]; cursor?: string }> {
  const community = await store.getUnit(ctx.db, communityId);
  if (!community || community.kind !== 'community') throw new NotFoundError('community');
  if (!can.readResidents(ctx.principal, { subdistrictId: community.path[0]!, communityId })) throw new NotFoundError('community');
  const page = await store.listResidents(ctx.db, { communityId }, { name: query.name, cursor: query.cursor, limit: query.limit ?? DEFAULT_LIMIT });
  return { items: await present(ctx, page.items), cursor: page.cursor };
}

function splitCursor(cursor: string | undefined): ['g' | 'u', string | undefined] {
  if (cursor?.startsWith('u.')) return ['u', cursor.slice(2) || undefined];
  if (cursor?.startsWith('g.')) return ['g', cursor.slice(2) || undefined];
  return ['g', undefined];
}

/** The current name (the index holds the name at binding), and a volunteer's phone number, masked. */
async function present(ctx: UserCtx, records: store.ResidentRecord[]): Promise<Resident[]> {
  const ids = records.map((r) => r.userId);
  const [names, phones] = ids.length ? await Promise.all([store.displayNames(ctx.db, ids), store.phonesOf(ctx.db, ids)]) : [new Map<string, string>(), new Map<string, string>()];
  return records.map((r) => {
    const phone = phones.get(r.userId);
    return {
      user: { id: r.userId, displayName: names.get(r.userId) ?? r.displayName },
      maskedPhone: phone ? maskPhone(phone) : undefined,
      gridId: r.gridId,
      note: r.note,
    };
  });
}
