import type { Db, Item } from '../platform/db';
import { keys } from '../platform/keys';

/** Access patterns of the safety ledgers; the table is in README.md. */

export interface SiteRecord {
  id: string;
  subdistrictId: string;
  communityId: string;
  type: string;
  name: string;
  address?: string;
  contact?: string;
  createdAt: string;
  inspections: number;
  lastInspectedAt?: string;
  openHazards: number;
}

export interface ResultRecord {
  itemId: string;
  ok: boolean;
  note?: string;
  photoKey?: string;
  hazardId?: string;
}

export interface InspectionRecord {
  id: string;
  siteId: string;
  communityId: string;
  at: string;
  inspectorId: string;
  inspectorName: string;
  results: ResultRecord[];
  note?: string;
  hazards: number;
}

export interface HistoryRecord {
  action: string;
  state: string;
  at: string;
  byId: string;
  byName: string;
  note?: string;
  photoKeys: string[];
  outcome?: string;
  deadline?: string;
}

export interface CaseRecord {
  id: string;
  kind: 'hazard' | 'illegalBuilding';
  subdistrictId: string;
  communityId: string;
  state: string;
  createdAt: string;
  reporterId: string;
  reporterName: string;
  siteId?: string;
  siteName?: string;
  itemId?: string;
  place: string;
  description: string;
  photoKeys: string[];
  deadline?: string;
  /** hazard: the deadline it was found with; a later one set at a re-inspection does not make a late close in time */
  firstDeadline?: string;
  outcome?: string;
  closedAt?: string;
  inTime?: boolean;
  version: number;
}

export interface ShopRecord {
  id: string;
  subdistrictId: string;
  communityId: string;
  name: string;
  address?: string;
  owner?: string;
  createdAt: string;
}

export interface AgreementRecord {
  shopId: string;
  communityId: string;
  year: number;
  signedOn: string;
  photoKey?: string;
  recordedById: string;
  recordedByName: string;
  recordedAt: string;
}

function strip<T>(it: Item): T {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, entity, ...rest } = it;
  void pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, entity;
  return rest as T;
}

async function all<T>(db: Db, spec: Parameters<Db['query']>[0]): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query({ ...spec, cursor });
    out.push(...page.items.map((i) => strip<T>(i)));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export const siteItem = (s: SiteRecord): Item => ({ ...keys.safetySite(s.id), ...keys.safetySiteOfCommunity(s.communityId, s.type, s.name, s.id), entity: 'safetySite', ...s });

export async function getSite(db: Db, siteId: string, consistent = false): Promise<SiteRecord | undefined> {
  const it = await db.get(keys.safetySite(siteId), consistent);
  return it ? strip<SiteRecord>(it) : undefined;
}

/** a community's sites, by type then name (a community registers tens, not thousands: read whole) */
export function listSitesOfCommunity(db: Db, communityId: string): Promise<SiteRecord[]> {
  return all<SiteRecord>(db, { index: 'gsi1', pk: keys.safetySiteOfCommunity(communityId, '', '', '').gsi1pk });
}

export const inspectionItem = (i: InspectionRecord): Item => ({
  ...keys.safetyInspection(i.siteId, i.at, i.id),
  ...keys.safetyInspectionOfCommunity(i.communityId, i.at, i.id),
  entity: 'safetyInspection',
  ...i,
});

export async function recentInspectionsOfSite(db: Db, siteId: string, limit: number): Promise<InspectionRecord[]> {
  const page = await db.query({ pk: keys.safetySite(siteId).pk, prefix: 'INSP#', ascending: false, limit });
  return page.items.map((i) => strip<InspectionRecord>(i));
}

/** a community's inspections, all or between two instants (inclusive ISO strings) */
export function listInspectionsOfCommunity(db: Db, communityId: string, range?: [string, string]): Promise<InspectionRecord[]> {
  return all<InspectionRecord>(db, { index: 'gsi1', pk: keys.safetyInspectionOfCommunity(communityId, '', '').gsi1pk, between: range ? [range[0], `${range[1]}~`] : undefined });
}

export function caseSortAt(c: CaseRecord): string {
  return c.deadline ?? c.createdAt;
}

export function caseIndex(c: CaseRecord, open: boolean): Item {
  return {
    ...keys.safetyCaseOfCommunity(c.communityId, c.kind, open, caseSortAt(c), c.id),
    ...(c.siteId && open ? keys.safetyCaseOfSite(c.siteId, c.id) : {}),
  };
}

export const caseItem = (c: CaseRecord, open: boolean): Item => ({ ...keys.safetyCase(c.id), ...caseIndex(c, open), entity: 'safetyCase', ...c });

export const historyItem = (caseId: string, version: number, h: HistoryRecord): Item => ({ ...keys.safetyCaseHistory(caseId, version), entity: 'safetyCaseHistory', ...h });

export async function getCase(db: Db, caseId: string, consistent = false): Promise<CaseRecord | undefined> {
  const it = await db.get(keys.safetyCase(caseId), consistent);
  return it ? strip<CaseRecord>(it) : undefined;
}

/** the case and its history: one query */
export async function getCaseWithHistory(db: Db, caseId: string): Promise<{ record?: CaseRecord; history: HistoryRecord[] }> {
  const items = await all<Item>(db, { pk: keys.safetyCase(caseId).pk, consistent: true });
  let record: CaseRecord | undefined;
  const history: HistoryRecord[] = [];
  for (const it of items) {
    if (it.id === caseId && 'kind' in it) record = it as unknown as CaseRecord;
    else history.push(it as unknown as HistoryRecord);
  }
  return { record, history };
}

/** a community's cases of a kind: open ones first by deadline, then closed ones; a page at a time */
export async function listCasesOfCommunity(
  db: Db,
  communityId: string,
  kind: string,
  opts: { open?: boolean; cursor?: string; limit?: number },
): Promise<{ items: CaseRecord[]; cursor?: string }> {
  const pk = keys.safetyCaseOfCommunity(communityId, kind, true, '', '').gsi1pk;
  const prefix = opts.open === undefined ? undefined : opts.open ? '0#' : '1#';
  const page = await db.query({ index: 'gsi1', pk, prefix, cursor: opts.cursor, limit: opts.limit ?? 50 });
  return { items: page.items.map((i) => strip<CaseRecord>(i)), cursor: page.cursor };
}

export function allCasesOfCommunity(db: Db, communityId: string, kind: string): Promise<CaseRecord[]> {
  return all<CaseRecord>(db, { index: 'gsi1', pk: keys.safetyCaseOfCommunity(communityId, kind, true, '', '').gsi1pk });
}

export function openHazardsOfSite(db: Db, siteId: string): Promise<CaseRecord[]> {
  return all<CaseRecord>(db, { index: 'gsi2', pk: keys.safetyCaseOfSite(siteId, '').gsi2pk });
}

export const shopItem = (s: ShopRecord): Item => ({ ...keys.shop(s.id), ...keys.shopOfCommunity(s.communityId, s.name, s.id), entity: 'shop', ...s });

export async function getShop(db: Db, shopId: string): Promise<ShopRecord | undefined> {
  const it = await db.get(keys.shop(shopId));
  return it ? strip<ShopRecord>(it) : undefined;
}

export function listShopsOfCommunity(db: Db, communityId: string): Promise<ShopRecord[]> {
  return all<ShopRecord>(db, { index: 'gsi1', pk: keys.shopOfCommunity(communityId, '', '').gsi1pk });
}

export const agreementItem = (a: AgreementRecord): Item => ({
  ...keys.shopAgreement(a.shopId, a.year),
  ...keys.shopAgreementOfYear(a.communityId, a.year, a.shopId),
  entity: 'shopAgreement',
  ...a,
});

export function listAgreementsOfYear(db: Db, communityId: string, year: number): Promise<AgreementRecord[]> {
  return all<AgreementRecord>(db, { index: 'gsi1', pk: keys.shopAgreementOfYear(communityId, year, '').gsi1pk });
}

/**
 * The yearly shops-due run's marker of a community and year: put where absent in the transaction that adds the
 * register to January's counter, so a re-run adds nothing. (Its key is built here, not in platform/keys.ts, which
 * belongs to platform; move it there with the next platform change.)
 */
export const shopsDueRunItem = (communityId: string, year: number, at: string, shopsDue: number): Item => ({
  pk: `SHOPSDUE#${communityId}`,
  sk: String(year),
  entity: 'shopsDueRun',
  communityId,
  year,
  shopsDue,
  at,
});

/** How many of a community's shops were registered before an instant (ISO): every page of the register, counted. */
export async function countShopsRegisteredBefore(db: Db, communityId: string, before: string): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await db.query({ index: 'gsi1', pk: keys.shopOfCommunity(communityId, '', '').gsi1pk, cursor });
    for (const it of page.items) if (typeof it.createdAt === 'string' && it.createdAt < before) n++;
    cursor = page.cursor;
  } while (cursor);
  return n;
}
