import type { FiveListState } from '../../shared/fiveLists/schemas';
import type { Db } from '../platform/db';
import type { FiveListRecord, HistoryRecord } from './intake';
import { keys } from '../platform/keys';

/** Access patterns of the five lists, councils and consultations; the table is in README.md. */

type Raw = Record<string, unknown>;

const indexAttrs = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'expiresAt'];
export function strip<T>(it: Raw): T {
  const out: Raw = {};
  for (const [k, v] of Object.entries(it)) if (!indexAttrs.includes(k)) out[k] = v;
  return out as T;
}

export async function getFiveList(db: Db, matterId: string): Promise<FiveListRecord | undefined> {
  const it = await db.get<Raw>(keys.fiveListMatter(matterId), true);
  return it ? strip<FiveListRecord>(it) : undefined;
}

export interface RatingRecord {
  userId: string;
  round: number;
  level: 'satisfied' | 'partly' | 'notSatisfied';
  stars: number;
  comment?: string;
  at: string;
}

export interface Collection {
  matter?: FiveListRecord;
  history: HistoryRecord[];
  ratings: RatingRecord[];
  /** the say-it day seconders and the backers carried over from merged duplicates: they may rate */
  backers: string[];
  /** residents who watch it (关注): told of its progress, they do not rate */
  watchers: string[];
  escalations: { step: string; deadlineAt: string; at: string }[];
}

/** Everything about a matter in one query of its item collection (matter, seconds, history, ratings, watchers). */
export async function readCollection(db: Db, matterId: string): Promise<Collection> {
  const out: Collection = { history: [], ratings: [], backers: [], watchers: [], escalations: [] };
  let cursor: string | undefined;
  do {
    const page = await db.query<Raw>({ pk: keys.fiveListMatter(matterId).pk, cursor, consistent: true });
    for (const it of page.items) {
      const sk = String(it.sk);
      if (sk === 'FL') out.matter = strip<FiveListRecord>(it);
      else if (sk.startsWith('FLHIST#')) out.history.push(strip<HistoryRecord>(it));
      else if (sk.startsWith('FLRATE#')) out.ratings.push(strip<RatingRecord>(it));
      else if (sk.startsWith(keys.second(matterId, '').sk)) out.backers.push(String(it.userId));
      else if (sk.startsWith(keys.fiveListWatcher(matterId, '').sk)) {
        // one item per person: `from` once carried over from a merged duplicate, `watching` while they watch
        if (it.from !== undefined) out.backers.push(String(it.userId));
        if (it.watching === true) out.watchers.push(String(it.userId));
      }
      else if (sk.startsWith('FLESC#')) out.escalations.push(strip(it));
    }
    cursor = page.cursor;
  } while (cursor);
  out.backers = [...new Set(out.backers)];
  out.watchers = [...new Set(out.watchers)];
  return out;
}

export interface MyPart {
  matter?: FiveListRecord;
  /** seconded it, or carried over as a backer from a merged duplicate: may rate */
  backer: boolean;
  /** watches it */
  watching: boolean;
  /** the watcher item carries `from` (a backer's item): unwatching keeps it, removing only `watching` */
  carried: boolean;
}

/** The matter and this person's part in it, in one round trip: what rating and watching need. */
export async function getMyPart(db: Db, matterId: string, userId: string): Promise<MyPart> {
  const items = await db.batchGet<Raw>([keys.fiveListMatter(matterId), keys.second(matterId, userId), keys.fiveListWatcher(matterId, userId)]);
  const m = items.find((i) => i.sk === 'FL');
  const second = items.some((i) => i.sk === keys.second(matterId, userId).sk);
  const w = items.find((i) => i.sk === keys.fiveListWatcher(matterId, userId).sk);
  const carried = w?.from !== undefined;
  return { matter: m ? strip<FiveListRecord>(m) : undefined, backer: second || carried, watching: w?.watching === true, carried };
}

/**
 * The same, read as one snapshot (TransactGetItems): a watch answers from this read and the change it makes, so the
 * count must be the count of the watcher item it read. A BatchGet reads each item on its own: a watch committing
 * between the two (the same tap twice at once) showed `watching` without its count. Twice the read capacity of a
 * BatchGet, still one round trip.
 */
export async function getMyPartAtOnce(db: Db, matterId: string, userId: string): Promise<MyPart> {
  const [m, second, w] = await db.transactGet<Raw>([keys.fiveListMatter(matterId), keys.second(matterId, userId), keys.fiveListWatcher(matterId, userId)]);
  const carried = w?.from !== undefined;
  return { matter: m ? strip<FiveListRecord>(m) : undefined, backer: second !== undefined || carried, watching: w?.watching === true, carried };
}

export async function listByState(db: Db, subdistrictId: string, state: FiveListState, opts: { limit: number; cursor?: string; before?: string }) {
  const { gsi1pk } = keys.fiveListByState(subdistrictId, state, '', '');
  const page = await db.query<Raw>({ index: 'gsi1', pk: gsi1pk, limit: opts.limit, cursor: opts.cursor, ...(opts.before ? { between: ['0', opts.before] as [string, string] } : {}) });
  return { items: page.items.map((i) => strip<FiveListRecord>(i)), cursor: page.cursor };
}

export async function listByUnit(db: Db, unitId: string, opts: { state?: FiveListState; limit: number; cursor?: string }) {
  const { gsi2pk } = keys.fiveListByUnit(unitId, '', '', '');
  const page = await db.query<Raw>({ index: 'gsi2', pk: gsi2pk, prefix: opts.state ? `${opts.state}#` : undefined, limit: opts.limit, cursor: opts.cursor });
  return { items: page.items.map((i) => strip<FiveListRecord>(i)), cursor: page.cursor };
}

export async function listBoard(db: Db, communityId: string, limit: number, cursor?: string) {
  const { gsi3pk } = keys.fiveListOnBoard(communityId, '', '');
  const page = await db.query<Raw>({ index: 'gsi3', pk: gsi3pk, ascending: false, limit, cursor });
  return { items: page.items.map((i) => strip<FiveListRecord>(i)), cursor: page.cursor };
}

export interface ScoreEntry {
  unitId: string;
  matterId: string;
  resolved: boolean;
  onTime: boolean;
  round: number;
  satisfied: number;
  partly: number;
  notSatisfied: number;
  starSum: number;
}

/** The score ledger of a sub-district's year; of one unit when `unitId` is given. */
export async function listScoreEntries(db: Db, subdistrictId: string, year: number, unitId?: string): Promise<ScoreEntry[]> {
  const { pk } = keys.unitScoreEntry(subdistrictId, year, '', '');
  const out: ScoreEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Raw>({ pk, prefix: unitId ? `${unitId}#` : undefined, cursor });
    out.push(...page.items.map((i) => strip<ScoreEntry>(i)));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** Who holds a role on a unit (unit contacts of a partner unit, officers or admins of a sub-district): all of them, page after page (they were cut at 200). */
export async function holdersOf(db: Db, unitId: string, role: string): Promise<string[]> {
  const { gsi1pk, gsi1sk } = keys.grantByUnit(unitId, role, '');
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<{ userId: string }>({ index: 'gsi1', pk: gsi1pk, prefix: gsi1sk, cursor });
    out.push(...page.items.map((i) => i.userId));
    cursor = page.cursor;
  } while (cursor);
  return out;
}
