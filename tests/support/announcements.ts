import { grantItem } from '../../functions/org/store';
import { keys } from '../../functions/platform/keys';
import { publishAnnouncements } from '../../functions/announcements/jobs';
import type { Unit } from '../../shared/org/schemas';
import type { Harness, Person } from './harness';

/** A second grid of community c-a, beside the harness's g-a1. */
export const gridA2: Unit = { id: 'g-a2', kind: 'grid', name: '和平二网格', parentId: 'c-a', path: ['sd-t', 'c-a', 'g-a2'] };

function ok<T = any>(res: { status: number; body: T }, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The people and steps the announcement tests share. */
export function announcementWorld(h: Harness) {
  /** A resident bound to a community (and a grid), living in a building, told of new announcements or not. */
  async function resident(name: string, opts: { communityId?: string; gridId?: string; building?: string; notify?: boolean } = {}): Promise<Person> {
    const communityId = opts.communityId ?? 'c-a';
    const p = await h.person(name, [['resident', communityId]]);
    if (opts.gridId) await h.deps.db.put(grantItem(p.id, 'resident', h.units.find((u) => u.id === communityId)!, { displayName: name, gridId: opts.gridId }));
    if (opts.building || opts.notify) ok(await h.api.as(p).put('/me/announcement-settings', { building: opts.building ?? null, notify: !!opts.notify }), 'settings');
    return p;
  }

  /** Many residents of one community who asked to be told, written straight into the table (no tokens: they never call). */
  async function subscribers(n: number, communityId = 'c-a', prefix = 'sub'): Promise<string[]> {
    const unit = h.units.find((u) => u.id === communityId)!;
    const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
    // 48 residents (96 puts) a transaction: setting up many is a few calls, not hundreds
    for (let i = 0; i < ids.length; i += 48) {
      await h.deps.db.transact(
        ids.slice(i, i + 48).flatMap((id) => [
          { put: grantItem(id, 'resident', unit, { displayName: id }) },
          { put: { ...keys.announcementSettings(communityId, id), entity: 'announcementSettings', userId: id, communityId, notify: true } },
        ]),
      );
    }
    return ids;
  }

  async function post(by: Person, body: Record<string, unknown>) {
    return ok(await h.api.as(by).post('/announcements', { title: '停水通知', body: '12月3日 9:00–17:00 管网检修，请提前储水。', ...body }), 'post');
  }

  async function mine(p: Person, query = '') {
    return ok(await h.api.as(p).get(`/me/announcements${query}`), 'mine');
  }

  /** The inbox items of a user, read from the table (subscribers have no token). */
  async function inboxOf(userId: string): Promise<{ template: string; title: string; link?: string }[]> {
    const { items } = await h.deps.db.query<{ template: string; title: string; link?: string }>({ pk: keys.inboxItem(userId, '').pk, prefix: 'INBOX#' });
    return items;
  }

  const publish = () => publishAnnouncements(h.deps);

  return { resident, subscribers, post, mine, inboxOf, publish };
}
