import type { PersonalRecords, WithdrawnPhotos } from '../platform/privacyPorts';
import type { TxWrite } from '../platform/db';
import { keys } from '../platform/keys';
import { listUnits } from '../platform/units';
import { toMatterRecord, type MatterRecord } from './store';

const PAGE = 50;

async function pageOfAuthor(ctx: Parameters<PersonalRecords['export']>[0], userId: string, cursor?: string) {
  const page = await ctx.db.query<Record<string, unknown>>({ index: 'gsi2', pk: keys.matterByAuthor(userId, '', '').gsi2pk, limit: PAGE, cursor });
  return { items: page.items.map(toMatterRecord), cursor: page.cursor };
}

/**
 * Say-it days' records of a person for privacy: the matters they raised. At closure the matters stay (they are the
 * session's record and may have entered the five lists) with the author's name pseudonymised.
 */
export const sayItDayPersonalRecords: PersonalRecords = {
  section: 'matters',
  async export(ctx, userId) {
    const out: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await pageOfAuthor(ctx, userId, cursor);
      for (const m of page.items)
        out.push({ id: m.id, sessionId: m.sessionId, communityId: m.communityId, category: m.category, text: m.text, status: m.status, anonymous: m.anonymous, photos: m.photoKeys.length, createdAt: m.createdAt, updatedAt: m.updatedAt });
      cursor = page.cursor;
    } while (cursor);
    return out;
  },
  async closeStep(ctx, userId, pseudonym, cursor) {
    const page = await pageOfAuthor(ctx, userId, cursor);
    const writes: TxWrite[] = page.items
      .filter((m) => m.authorName !== pseudonym)
      .map((m) => ({ update: keys.matter(m.id), spec: { set: { authorName: pseudonym }, if: { expr: 'attribute_exists(#pk)' } } }));
    return { writes, next: page.cursor };
  },
};

/**
 * Photos of withdrawn matters, for the purge job: each community's board (gsi3) is read a page at a time; a matter
 * withdrawn (its last change) before `before` that still has photos is due. The cursor is `<community index>|<page cursor>`.
 */
export const withdrawnMatterPhotos: WithdrawnPhotos = {
  async due(ctx, before, cursor) {
    const communities = (await listUnits(ctx.db)).filter((u) => u.kind === 'community').map((u) => u.id).sort();
    let [i, pageCursor] = cursor ? [Number(cursor.split('|')[0]), cursor.split('|').slice(1).join('|') || undefined] : [0, undefined];
    if (!(i < communities.length)) return { items: [] };
    const page = await ctx.db.query<Record<string, unknown>>({ index: 'gsi3', pk: keys.matterOnBoard(communities[i]!, '', '').gsi3pk, limit: PAGE, cursor: pageCursor });
    const items = page.items
      .map((it) => toMatterRecord(it) as MatterRecord)
      .filter((m) => m.status === 'withdrawn' && m.updatedAt < before && m.photoKeys.length > 0)
      .map((m) => ({ key: keys.matter(m.id), photoKeys: m.photoKeys }));
    if (page.cursor) return { items, next: `${i}|${page.cursor}` };
    i++;
    return { items, next: i < communities.length ? `${i}|` : undefined };
  },
  forgetWrite(item, at) {
    return { update: item.key, spec: { set: { photoKeys: [], photosPurgedAt: at }, if: { expr: '#status = :w AND size(#photoKeys) > :z', values: { ':w': 'withdrawn', ':z': 0 } } } };
  },
};
