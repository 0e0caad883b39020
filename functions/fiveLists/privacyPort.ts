import type { Ctx } from '../platform/context';
import type { TxWrite } from '../platform/db';
import { keys } from '../platform/keys';
import type { PersonalRecords } from '../platform/privacyPorts';

/** matters of one closing step: each has its five-list record and a few history entries (≤ 90 writes) */
const PAGE = 10;
const CLOSE_WRITES = 90;

/**
 * Five lists' copies of a resident's name, for privacy: a matter that entered the five lists from a say-it day carries
 * its author as `submitterName` (the five-list record lives beside the matter, MATTER#<id>/FL, under the matter's id),
 * and its history entries carry `byName` where the resident acted (rated, asked to reopen). The download lists each
 * such record's state; at closure the name gets the pseudonym. The matters are found by their author
 * (gsi2 AUTHOR#, the index say-it days keep), a page at a time.
 */
export const fiveListsPersonalRecords: PersonalRecords = {
  section: 'fiveLists',
  async export(ctx, userId) {
    const out: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.db.query<{ id: string }>({ index: 'gsi2', pk: keys.matterByAuthor(userId, '', '').gsi2pk, limit: 50, cursor });
      for (const m of page.items) {
        const r = await ctx.db.get<Record<string, unknown>>(keys.fiveListMatter(m.id));
        if (r && r.submitterId === userId) out.push({ id: r.id, state: r.state, category: r.category, unitId: r.unitId, createdAt: r.createdAt, updatedAt: r.updatedAt });
      }
      cursor = page.cursor;
    } while (cursor);
    return out;
  },
  async closeStep(ctx, userId, pseudonym, cursor) {
    if (cursor?.startsWith(COMMENTS)) return closeComments(ctx, userId, pseudonym, cursor.slice(COMMENTS.length));
    const page = await ctx.db.query<{ id: string }>({ index: 'gsi2', pk: keys.matterByAuthor(userId, '', '').gsi2pk, limit: PAGE, cursor });
    const writes: TxWrite[] = [];
    for (const m of page.items) {
      const items = (await ctx.db.query<{ pk: string; sk: string; submitterId?: string; submitterName?: string; byId?: string; byName?: string }>({ pk: keys.fiveListMatter(m.id).pk, prefix: 'FL', consistent: true })).items;
      for (const i of items) {
        if (i.sk === keys.fiveListMatter(m.id).sk && i.submitterId === userId && i.submitterName !== pseudonym)
          writes.push({ update: { pk: i.pk, sk: i.sk }, spec: { set: { submitterName: pseudonym }, if: { expr: '#submitterId = :u', values: { ':u': userId } } } });
        else if (i.byId === userId && i.byName !== pseudonym) writes.push({ update: { pk: i.pk, sk: i.sk }, spec: { set: { byName: pseudonym }, if: { expr: '#byId = :u', values: { ':u': userId } } } });
      }
    }
    // a page whose entries exceed one transaction is done again (what is written is passed over)
    if (writes.length > CLOSE_WRITES) return { writes: writes.slice(0, CLOSE_WRITES), next: cursor ?? '' };
    return { writes, next: page.cursor ?? COMMENTS };
  },
};

/** the cursor of the second part of a closure: the person's consultation comments (after their matters) */
const COMMENTS = 'comments:';

/**
 * A page of the person's consultation comments (gsi2 COMMENTBY#, written with each comment since this index was added;
 * comments written before it are not found), each kept under its consultation with `authorName` the pseudonym.
 */
async function closeComments(ctx: Ctx, userId: string, pseudonym: string, pageCursor: string): Promise<{ writes: TxWrite[]; next?: string }> {
  const page = await ctx.db.query<{ pk: string; sk: string; authorId?: string; authorName?: string }>({ index: 'gsi2', pk: keys.consultationCommentByAuthor(userId, '', '').gsi2pk, limit: CLOSE_WRITES, cursor: pageCursor || undefined });
  const writes: TxWrite[] = page.items
    .filter((c) => c.authorId === userId && c.authorName !== pseudonym)
    .map((c) => ({ update: { pk: c.pk, sk: c.sk }, spec: { set: { authorName: pseudonym }, if: { expr: '#authorId = :u', values: { ':u': userId } } } }));
  return { writes, next: page.cursor ? `${COMMENTS}${page.cursor}` : undefined };
}

/**
 * The person's consultation comments for the download (section `comments`): each with its consultation, text, time and
 * moderation state, found by their author (gsi2 COMMENTBY#, written with each comment since the index was added; older
 * comments are not listed). Closure is the five lists port's (`closeComments` above): this port only reads.
 */
export const consultationCommentsPersonalRecords: PersonalRecords = {
  section: 'comments',
  async export(ctx, userId) {
    const out: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.db.query<{ gsi2sk: string; id: string; authorId?: string; text?: string; at?: string; modState?: string }>({ index: 'gsi2', pk: keys.consultationCommentByAuthor(userId, '', '').gsi2pk, limit: 100, cursor });
      for (const c of page.items) if (c.authorId === userId) out.push({ consultationId: c.gsi2sk.split('#')[0], id: c.id, text: c.text, at: c.at, ...(c.modState ? { modState: c.modState } : {}) });
      cursor = page.cursor;
    } while (cursor);
    return out;
  },
};
