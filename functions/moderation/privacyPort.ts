import type { TxWrite } from '../platform/db';
import { modKeys } from '../platform/contentSecurity';
import type { PersonalRecords } from '../platform/privacyPorts';

/** entries of one closing step (one write each) */
const CLOSE_PAGE = 90;

/**
 * Moderation's copies of a resident's name, for privacy: a queue entry (MODITEM#<kind>#<ref>/MOD) copies the author's
 * name when the item enters the queue, and keeps it after the decision. The entries are found by their author (gsi3
 * MODBY#, written with every entry since this index was added; entries written before it are not found until the item
 * is queued again). The download lists each entry's kind and state; at closure `authorName` gets the pseudonym,
 * conditioned on the author's id. The workers' names on decisions (audit `byName`) are staff's, not handled here.
 */
export const moderationPersonalRecords: PersonalRecords = {
  section: 'moderation',
  async export(ctx, userId) {
    const out: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.db.query<{ kind: string; state: string; at: string; authorId?: string }>({ index: 'gsi3', pk: modKeys.byAuthor(userId, 'matter', '').gsi3pk, limit: 100, cursor });
      out.push(...page.items.filter((e) => e.authorId === userId).map((e) => ({ kind: e.kind, state: e.state, at: e.at })));
      cursor = page.cursor;
    } while (cursor);
    return out;
  },
  async closeStep(ctx, userId, pseudonym, cursor) {
    const page = await ctx.db.query<{ pk: string; sk: string; authorId?: string; authorName?: string }>({ index: 'gsi3', pk: modKeys.byAuthor(userId, 'matter', '').gsi3pk, limit: CLOSE_PAGE, cursor: cursor || undefined });
    const writes: TxWrite[] = page.items
      .filter((e) => e.authorId === userId && e.authorName !== pseudonym)
      .map((e) => ({ update: { pk: e.pk, sk: e.sk }, spec: { set: { authorName: pseudonym }, if: { expr: '#authorId = :u', values: { ':u': userId } } } }));
    return { writes, next: page.cursor };
  },
};
