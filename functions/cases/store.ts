import type { CaseHistoryEntry, Party } from '../../shared/cases/schemas';
import type { CaseSource, Satisfaction } from '../../shared/cases/machine';
import { isOpen } from '../../shared/cases/machine';
import { kindOf } from '../../shared/cases/kinds';
import type { Sealed } from '../platform/crypto';
import type { Db, Item } from '../platform/db';
import { keys } from '../platform/keys';

/** Access patterns of the case engine; the table is in README.md. */

export interface CaseRecord {
  id: string;
  kind: string;
  category: string;
  subdistrictId: string;
  communityId: string;
  gridId?: string;
  title: string;
  description?: string;
  place?: { text: string; latitude?: number; longitude?: number };
  /** masked (张*, 138****5678): the full values are sealed in the case's SEALED item */
  parties?: Party[];
  consentAt?: string;
  consentBy?: string;
  ticketNo?: string;
  source?: CaseSource;
  state: string;
  deadlineAt?: string;
  stepDeadlineAt?: string;
  handlerId?: string;
  handlerName?: string;
  raisedBy: string;
  raisedByName?: string;
  outcome?: string;
  reply?: string;
  satisfaction?: Satisfaction;
  followUpOn?: string;
  sessions: number;
  linkedMatterId?: string;
  photoKeys: string[];
  done: string[];
  /** the import it came from */
  importId?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type HistoryRecord = Omit<CaseHistoryEntry, 'photos'> & { caseId: string; photoKeys?: string[] };

type Raw = Record<string, unknown>;
const indexAttrs = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'expiresAt'];
function strip<T>(it: Raw): T {
  const out: Raw = {};
  for (const [k, v] of Object.entries(it)) if (!indexAttrs.includes(k)) out[k] = v;
  return out as T;
}

/** The case as stored, with the index keys its state puts it under: open ones in the sub-district's open list. */
export function caseItem(c: CaseRecord): Item {
  const kind = kindOf(c.kind);
  const open = kind ? isOpen(kind, c.state) : false;
  return {
    ...keys.caseItem(c.id),
    ...keys.caseOfCommunity(c.communityId, c.kind, c.createdAt, c.id),
    ...(open ? keys.caseOpenOfSubdistrict(c.subdistrictId, c.kind, c.createdAt, c.id) : {}),
    ...(c.handlerId ? keys.caseOfHandler(c.handlerId, open, (open ? c.stepDeadlineAt : c.updatedAt) ?? c.createdAt, c.id) : {}),
    entity: 'case',
    ...c,
  };
}

export function historyItem(h: HistoryRecord): Item {
  return { ...keys.caseHistory(h.caseId, h.version), entity: 'caseHistory', ...h };
}

export function sealedItem(caseId: string, sealed: Sealed): Item {
  return { ...keys.caseSealed(caseId), entity: 'caseSealed', caseId, sealed };
}

/** The additional authenticated data the parties are sealed under: they open only as this case's. */
export const partiesAad = (caseId: string) => `case:${caseId}:parties`;

export async function getCase(db: Db, caseId: string): Promise<CaseRecord | undefined> {
  const it = await db.get<Raw>(keys.caseItem(caseId), true);
  return it ? strip<CaseRecord>(it) : undefined;
}

export interface CaseCollection {
  record?: CaseRecord;
  history: HistoryRecord[];
  sealed?: Sealed;
}

/** The case, its history and its sealed part: one query of its item collection (audit entries left out). */
export async function readCase(db: Db, caseId: string): Promise<CaseCollection> {
  const out: CaseCollection = { history: [] };
  let cursor: string | undefined;
  do {
    // sort keys AUDIT# < CASE < HIST# < SEALED: reading from CASE leaves the audit entries out
    const page = await db.query<Raw>({ pk: keys.caseItem(caseId).pk, from: 'CASE', cursor, consistent: true });
    for (const it of page.items) {
      const sk = String(it.sk);
      if (sk === 'CASE') out.record = strip<CaseRecord>(it);
      else if (sk === 'SEALED') out.sealed = it.sealed as Sealed;
      else if (sk.startsWith('HIST#')) out.history.push(strip<HistoryRecord>(it));
    }
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export interface PageOf<T> {
  items: T[];
  cursor?: string;
}

/** A community's cases of a kind raised in [from, to) (UTC instants), newest first. */
export async function listOfCommunity(
  db: Db,
  communityId: string,
  kind: string,
  range: { from: string; to: string },
  opts: { cursor?: string; limit?: number; state?: string; openStates?: readonly string[] } = {},
): Promise<PageOf<CaseRecord>> {
  const filters: string[] = [];
  const values: Record<string, unknown> = {};
  if (opts.state) {
    filters.push('#state = :state');
    values[':state'] = opts.state;
  }
  if (opts.openStates) {
    const names = opts.openStates.map((s, i) => {
      values[`:o${i}`] = s;
      return `:o${i}`;
    });
    filters.push(names.length ? `#state IN (${names.join(', ')})` : 'attribute_not_exists(#state)');
  }
  const page = await db.query<Raw>({
    index: 'gsi1',
    pk: keys.caseOfCommunity(communityId, kind, '', '').gsi1pk,
    between: [range.from, `${range.to}`],
    ascending: false,
    limit: opts.limit ?? 50,
    cursor: opts.cursor,
    filter: filters.length ? { expr: filters.join(' AND '), values } : undefined,
  });
  return { items: page.items.map((it) => strip<CaseRecord>(it)), cursor: page.cursor };
}

/** Every case of a kind of a community raised before `to` (the recount: test and tools only, never a request path). */
export async function allOfCommunity(db: Db, communityId: string, kind: string, to: string): Promise<CaseRecord[]> {
  const out: CaseRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listOfCommunity(db, communityId, kind, { from: '0', to }, { cursor, limit: 500 });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** The sub-district's open cases of a kind, oldest first. */
export async function listOpenOfSubdistrict(db: Db, subdistrictId: string, kind: string, opts: { cursor?: string; limit?: number } = {}): Promise<PageOf<CaseRecord>> {
  const page = await db.query<Raw>({ index: 'gsi2', pk: keys.caseOpenOfSubdistrict(subdistrictId, kind, '', '').gsi2pk, ascending: true, limit: opts.limit ?? 50, cursor: opts.cursor });
  return { items: page.items.map((it) => strip<CaseRecord>(it)), cursor: page.cursor };
}

/** A handler's cases: open ones first by step deadline, then closed ones. */
export async function listOfHandler(db: Db, userId: string, opts: { cursor?: string; limit?: number } = {}): Promise<PageOf<CaseRecord>> {
  const page = await db.query<Raw>({ index: 'gsi3', pk: keys.caseOfHandler(userId, true, '', '').gsi3pk, ascending: true, limit: opts.limit ?? 50, cursor: opts.cursor });
  return { items: page.items.map((it) => strip<CaseRecord>(it)), cursor: page.cursor };
}

/** Which of these ticket numbers a sub-district already has (BatchGet, 100 a call). */
export async function presentTickets(db: Db, subdistrictId: string, ticketNos: readonly string[]): Promise<Set<string>> {
  const present = new Set<string>();
  for (let i = 0; i < ticketNos.length; i += 100) {
    const got = await db.batchGet<Raw>(ticketNos.slice(i, i + 100).map((t) => keys.caseTicket(subdistrictId, t)));
    for (const it of got) present.add(String(it.ticketNo));
  }
  return present;
}

export function ticketItem(subdistrictId: string, ticketNo: string, caseId: string): Item {
  return { ...keys.caseTicket(subdistrictId, ticketNo), entity: 'caseTicket', subdistrictId, ticketNo, caseId };
}

export async function getTicket(db: Db, subdistrictId: string, ticketNo: string): Promise<{ caseId: string } | undefined> {
  return db.get<{ caseId: string }>(keys.caseTicket(subdistrictId, ticketNo), true);
}
