import type { z } from 'zod';
import type { ApplicationStatus, Disability, Eligibility, RegionRules, ReliefType, ScreeningFlag } from '../../shared/relief/schemas';
import { defaultRegionRules, reliefTypes } from '../../shared/relief/types';
import { addMonths, chinaMonth } from '../../shared/platform/chinaTime';
import { dueAtOf, type RulesRef } from '../../shared/relief/rules';
import type { Sealed } from '../platform/crypto';
import type { Db, Item, TxWrite } from '../platform/db';
import { keys } from '../platform/keys';

/** Access patterns of relief, one named function each; the table is in README.md. */

type Raw = Record<string, unknown>;
const indexAttrs = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'expiresAt']);
export function strip<T>(it: Raw): T {
  const out: Raw = {};
  for (const [k, v] of Object.entries(it)) if (!indexAttrs.has(k)) out[k] = v;
  return out as T;
}

/**
 * What is stored of a member in the clear: no ID number, no income, no health or disability facts, and no birth date:
 * the mask keeps the area code and the last 4 (440305********1234), so a birth date beside it would be the whole number
 * (issue 11 item 1). The birth year gives the age; the registry's screening gets keyed hashes of the birth months.
 */
export interface StoredMember {
  name: string;
  relation: string;
  idMasked: string;
  sex: 'male' | 'female';
  /** always written; absent only on items from before issue 11 item 1 (and scripts/benchRelief.ts's made-up ones) */
  birthYear?: number;
  /** items written before issue 11 item 1 (scripts/migrateSealBirthDates.ts rewrites them): read, never written */
  birthDate?: string;
  hasIncome: boolean;
  hasDisability: boolean;
  hasHealth: boolean;
}

export interface ConsentRecord {
  textVersion: string;
  method: 'app' | 'signedForm';
  at: string;
  byId: string;
  byName: string;
  photoKey?: string;
}

export interface HouseholdConfirmation {
  by: 'registry' | 'worker';
  byId?: string;
  byName?: string;
  at: string;
  /** the members confirmed (person HMACs) */
  memberHashes: string[];
}

export interface ApplicationRecord {
  id: string;
  type: ReliefType;
  status: ApplicationStatus;
  subdistrictId: string;
  communityId: string;
  gridId?: string;
  ownerId: string;
  ownerName: string;
  filedById?: string;
  filedByName?: string;
  members: StoredMember[];
  /** the form with its sensitive fields masked */
  form: Record<string, unknown>;
  documents: { kind: string; key: string }[];
  consent?: ConsentRecord;
  eligibility: Eligibility;
  amount?: number;
  persons: number;
  /** HMAC of the applicant's ID number: the household in cases, payments and the registry */
  householdId: string;
  /** keyed hashes of the members' birth months (`birthMonthHash`), for the household's registry entry: the final approval copies them there */
  birthMonthHashes?: string[];
  /** HMACs of the ID numbers this application holds the one-active lock for */
  personHashes: string[];
  /** whether the locks are held (from the first submit, or the first-level approval that confirmed the household, to the end) */
  locked: boolean;
  /** HMACs (person) of every member's ID number: the household as the application states it (absent on older records) */
  memberHashes?: string[];
  /** who confirmed that the members are the applicant's household: the registry (bound to the owner) or a worker */
  householdConfirmed?: HouseholdConfirmation;
  infoRequested?: { note: string; missing: string[]; at: string };
  decisionReason?: string;
  submittedAt?: string;
  waitingSince?: string;
  awaiting?: 'community' | 'subdistrict';
  /** the rule version that applies (in force on the submission day; a draft: the day it was last saved); absent on older items */
  rules?: RulesRef;
  decidedAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The sensitive part, sealed (platform/crypto.ts) in its own item. */
export interface SensitivePart {
  members: { name: string; idNumber: string; monthlyIncome?: number; disability?: z.infer<typeof Disability>; health?: string }[];
  form: Record<string, unknown>;
}

export interface HistoryRecord {
  at: string;
  action: string;
  from?: ApplicationStatus;
  to: ApplicationStatus;
  byId: string;
  byName: string;
  level?: 'community' | 'subdistrict';
  note?: string;
}

export const sealedAad = (appId: string) => `relief:application:${appId}`;
/**
 * The keyed hash (purpose `birthMonth`, relief's hash secret) of a household member's birth month: equal months of two
 * households differ, and without the secret nothing tells the month.
 */
export const birthMonthHash = (hash: (purpose: string, value: string) => string, householdId: string, yearMonth: string) => hash('birthMonth', `${householdId}:${yearMonth}`);

/**
 * When a decided file closes, the day its retention (5 years, shared/privacy/retention.ts `reliefFile`) starts:
 * rejected or withdrawn, at the decision; approved, when the last month its case pays ends (as the final approval
 * writes the case, commands/review.ts: a recurring type with `caseMonths` that many months, a one-off payment its
 * month), or at the decision when nothing is paid (a card). An open-ended benefit (no `caseMonths`) has no closing
 * yet: its file is kept while it is paid. Undefined while undecided.
 */
export function closedAtOf(r: Pick<ApplicationRecord, 'type' | 'status' | 'decidedAt' | 'amount'>): string | undefined {
  if (!r.decidedAt || !['approved', 'rejected', 'withdrawn'].includes(r.status)) return undefined;
  if (r.status !== 'approved') return r.decidedAt;
  const def = reliefTypes[r.type];
  const paid = r.amount !== undefined && (def.recurring || r.type === 'temporaryRelief');
  if (!paid) return r.decidedAt;
  if (def.recurring && !def.caseMonths) return undefined;
  const lastMonth = def.recurring ? addMonths(chinaMonth(new Date(r.decidedAt)), def.caseMonths! - 1) : chinaMonth(new Date(r.decidedAt));
  return new Date(`${addMonths(lastMonth, 1)}-01T00:00:00+08:00`).toISOString();
}

/** The application item with the index keys its state implies: owner, grid, the queue while it waits, closed once decided. */
export function applicationItem(r: ApplicationRecord): Item {
  return {
    ...keys.reliefApplication(r.id),
    ...keys.reliefByOwner(r.ownerId, r.createdAt, r.id),
    ...(r.gridId ? keys.reliefByGrid(r.gridId, r.createdAt, r.id) : {}),
    ...(r.awaiting && r.waitingSince ? keys.reliefQueue(r.awaiting, r.awaiting === 'community' ? r.communityId : r.subdistrictId, r.waitingSince, r.id) : {}),
    ...(closedAtOf(r) ? keys.reliefClosed(r.communityId, closedAtOf(r)!, r.id) : {}),
    entity: 'reliefApplication',
    ...r,
    // the deadline of the level awaited (its version's working days), on every write: the queue's overdue filter reads it
    dueAt: dueAtOf(r),
  };
}

export function putApplication(r: ApplicationRecord, previous?: { version: number; status: ApplicationStatus }): TxWrite {
  return previous
    ? { put: applicationItem(r), if: { expr: '#version = :v AND #status = :s', values: { ':v': previous.version, ':s': previous.status } } }
    : { put: applicationItem(r), if: { expr: 'attribute_not_exists(#pk)' } };
}

export function putSealed(appId: string, sealed: Sealed): TxWrite {
  return { put: { ...keys.reliefSealed(appId), entity: 'reliefSealed', sealed } };
}

export function putHistory(appId: string, version: number, h: HistoryRecord): TxWrite {
  return { put: { ...keys.reliefHistory(appId, version), entity: 'reliefHistory', ...h }, if: { expr: 'attribute_not_exists(#pk)' } };
}

export function lockWrites(r: ApplicationRecord, hashes: readonly string[]): TxWrite[] {
  // held by another application: refused; by this one (a retry of the same submit): fine
  return hashes.map((h) => ({
    put: { ...keys.reliefActive(r.type, h), entity: 'reliefActive', applicationId: r.id },
    if: { expr: 'attribute_not_exists(#pk) OR #applicationId = :a', values: { ':a': r.id } },
    fails: 'ACTIVE_APPLICATION_EXISTS' as const,
  }));
}
/** Checks that no other application holds these people (a decision that confirms and ends at once takes no lock). */
export function freeChecks(r: ApplicationRecord, hashes: readonly string[]): TxWrite[] {
  return hashes.map((h) => ({ check: keys.reliefActive(r.type, h), if: { expr: 'attribute_not_exists(#pk) OR #applicationId = :a', values: { ':a': r.id } }, fails: 'ACTIVE_APPLICATION_EXISTS' as const }));
}
export function unlockWrites(r: ApplicationRecord, hashes: readonly string[]): TxWrite[] {
  return hashes.map((h) => ({ delete: keys.reliefActive(r.type, h), if: { expr: '#applicationId = :a', values: { ':a': r.id } } }));
}

export async function getApplication(db: Db, appId: string): Promise<ApplicationRecord | undefined> {
  const it = await db.get<Raw>(keys.reliefApplication(appId), true);
  return it ? strip<ApplicationRecord>(it) : undefined;
}

export async function getSealed(db: Db, appId: string): Promise<Sealed | undefined> {
  const it = await db.get<Raw>(keys.reliefSealed(appId), true);
  return it?.sealed as Sealed | undefined;
}

/** The application, its history and consent in one query of its collection (the sealed part and audit are left out). */
export async function readApplicationCollection(db: Db, appId: string): Promise<{ app?: ApplicationRecord; history: HistoryRecord[] }> {
  const out: { app?: ApplicationRecord; history: HistoryRecord[] } = { history: [] };
  const page = await db.query<Raw>({ pk: keys.reliefApplication(appId).pk, between: ['APP', 'HIST#~'], consistent: true });
  for (const it of page.items) {
    if (it.sk === 'APP') out.app = strip<ApplicationRecord>(it);
    else if (String(it.sk).startsWith('HIST#')) out.history.push(strip<HistoryRecord>(it));
  }
  return out;
}

/** Who read an application's full values, latest first, a page at a time: an audit that must show every read. */
export async function listAudit(db: Db, appId: string, page: { limit: number; cursor?: string }) {
  const out = await db.query<Raw>({ pk: keys.reliefApplication(appId).pk, prefix: 'AUDIT#', ascending: false, limit: page.limit, cursor: page.cursor });
  return { items: out.items.map((i) => strip<{ id: string; at: string; byId: string; byName: string; reason: string; fields: string[]; applicationId: string; documentId?: string }>(i)), cursor: out.cursor };
}

async function listIndex(db: Db, index: 'gsi1' | 'gsi2' | 'gsi3', pk: string, opts: { limit: number; cursor?: string; ascending?: boolean }) {
  const page = await db.query<Raw>({ index, pk, limit: opts.limit, cursor: opts.cursor, ascending: opts.ascending ?? false });
  return { items: page.items.map((i) => strip<ApplicationRecord>(i)), cursor: page.cursor };
}
export const listByOwner = (db: Db, userId: string, limit: number, cursor?: string) => listIndex(db, 'gsi2', keys.reliefByOwner(userId, '', '').gsi2pk, { limit, cursor });
export const listByGrid = (db: Db, gridId: string, limit: number, cursor?: string) => listIndex(db, 'gsi3', keys.reliefByGrid(gridId, '', '').gsi3pk, { limit, cursor });
/** oldest waiting first */
export const listQueue = (db: Db, level: 'community' | 'subdistrict', unitId: string, limit: number, cursor?: string) =>
  listIndex(db, 'gsi1', keys.reliefQueue(level, unitId, '', '').gsi1pk, { limit, cursor, ascending: true });

export async function getRules(db: Db, subdistrictId: string): Promise<RegionRules> {
  const it = await db.get<Raw>(keys.reliefRules(subdistrictId));
  return it ? { ...defaultRegionRules, ...strip<RegionRules>(it) } : defaultRegionRules;
}

export interface UserProfile {
  id: string;
  displayName?: string;
  communityId?: string;
  gridId?: string;
}
export async function getProfiles(db: Db, userIds: string[]): Promise<UserProfile[]> {
  const items = await db.batchGet<Raw>(userIds.map((u) => keys.user(u)));
  return items.map((i) => ({ id: String(i.id), displayName: i.displayName as string | undefined, communityId: i.communityId as string | undefined, gridId: i.gridId as string | undefined }));
}

// --- cases, notice, disbursements, figures ---
export interface CaseRecord {
  communityId: string;
  gridId?: string;
  type: ReliefType;
  householdId: string;
  headNameMasked: string;
  applicationId: string;
  amountFen: number;
  persons: number;
  fromPeriod: string;
  untilPeriod?: string;
}
export async function listCases(db: Db, communityId: string, type?: ReliefType): Promise<CaseRecord[]> {
  const out: CaseRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Raw>({ pk: keys.reliefCase(communityId, '', '').pk, prefix: type ? `${type}#` : undefined, cursor });
    out.push(...page.items.map((i) => strip<CaseRecord>(i)));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export interface DisbursementRecord {
  communityId: string;
  period: string;
  type: ReliefType;
  householdId: string;
  headNameMasked: string;
  persons: number;
  amountFen: number;
  status: 'pending' | 'paid';
  source: 'batch' | 'import';
  applicationId?: string;
  paidOn?: string;
  createdAt: string;
}

export function disbursementPut(d: DisbursementRecord): TxWrite {
  return { put: { ...keys.disbursement(d.communityId, d.period, d.type, d.householdId), entity: 'disbursement', ...d }, if: { expr: 'attribute_not_exists(#pk)' } };
}
/** The counters of the figures, in the payments' own transaction. */
export function figureAdd(communityId: string, period: string, type: ReliefType, households: number, persons: number, amountFen: number): TxWrite {
  return {
    update: keys.reliefFigure(communityId, period, type),
    spec: { set: { entity: 'reliefFigure', communityId, period, type }, add: { householdTimes: households, personTimes: persons, amountFen } },
  };
}

export async function listDisbursements(db: Db, communityId: string, period: string, type: ReliefType | undefined, cursor?: string) {
  const page = await db.query<Raw>({ pk: keys.disbursement(communityId, period, '', '').pk, prefix: type ? `${type}#` : undefined, limit: 100, cursor });
  return { items: page.items.map((i) => strip<DisbursementRecord>(i)), cursor: page.cursor };
}

/** A sub-district's counters: added with the communities' in the payments' transactions. */
export function subdistrictFigureAdd(subdistrictId: string, period: string, type: ReliefType, households: number, persons: number, amountFen: number): TxWrite {
  return {
    update: keys.reliefFigureOfSubdistrict(subdistrictId, period, type),
    spec: { set: { entity: 'reliefFigureOfSubdistrict', subdistrictId, period, type }, add: { householdTimes: households, personTimes: persons, amountFen } },
  };
}

export async function listFigureCounters(db: Db, communityId: string, from: string, to: string) {
  return figureCounters(db, keys.reliefFigure(communityId, '', '').pk, from, to);
}
export async function listSubdistrictFigureCounters(db: Db, subdistrictId: string, from: string, to: string) {
  return figureCounters(db, keys.reliefFigureOfSubdistrict(subdistrictId, '', '').pk, from, to);
}
async function figureCounters(db: Db, pk: string, from: string, to: string) {
  const out: { period: string; type: ReliefType; householdTimes: number; personTimes: number; amountFen: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Raw>({ pk, between: [`${from}#`, `${to}#~`], cursor });
    out.push(...page.items.map((i) => strip<(typeof out)[number]>(i)));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export interface NoticeRecord {
  name: string;
  type: ReliefType;
  persons: number;
  approvedOn: string;
  until: string;
}
/** The notices still up today (sorted by the day they come down), a page at a time. */
export async function listNotice(db: Db, communityId: string, today: string, page: { limit: number; cursor?: string }) {
  const out = await db.query<Raw>({ pk: keys.reliefNotice(communityId, '', '').pk, from: today, limit: page.limit, cursor: page.cursor });
  return { items: out.items.map((i) => strip<NoticeRecord>(i)), cursor: out.cursor };
}

// --- the registry ---
export interface RegistryRecord {
  householdId: string;
  communityId: string;
  gridId?: string;
  headName: string;
  tags: string[];
  source: 'application' | 'worker';
  note?: string;
  /** keyed hashes of the members' birth months (`birthMonthHash`): the monthly screening asks whether someone was born in a month */
  birthMonthHashes?: string[];
  /** entries written before issue 11 item 1 (scripts/migrateSealBirthDates.ts hashes them): read, never written */
  birthDates?: string[];
  flags?: ScreeningFlag[];
  screenedMonth?: string;
  lastVisitAt?: string;
  /** the resident whose household this is (the owner of its last approved application) */
  residentId?: string;
  /** HMACs (person) of its members, as its last approved household application stated and a worker confirmed them */
  memberHashes?: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
  /** benefit_<type>: { since, until } */
  [benefit: `benefit_${string}`]: { since: string; until?: string } | undefined;
}

export async function getRegistryEntry(db: Db, communityId: string, householdId: string): Promise<RegistryRecord | undefined> {
  const it = await db.get<Raw>(keys.registryEntry(communityId, householdId), true);
  return it ? strip<RegistryRecord>(it) : undefined;
}

export async function listRegistry(db: Db, communityId: string, opts: { gridId?: string; flagged?: boolean; cursor?: string; limit?: number }) {
  const filter = opts.flagged ? { expr: 'size(#flags) > :z', values: { ':z': 0 } } : undefined;
  const page = opts.gridId
    ? await db.query<Raw>({ index: 'gsi1', pk: keys.registryByGrid(opts.gridId, '').gsi1pk, cursor: opts.cursor, limit: opts.limit ?? 100, filter })
    : await db.query<Raw>({ pk: keys.registryEntry(communityId, '').pk, prefix: 'HH#', cursor: opts.cursor, limit: opts.limit ?? 100, filter });
  return { items: page.items.map((i) => strip<RegistryRecord>(i)), cursor: page.cursor };
}

// --- must-visits and pairing ---
export interface MustVisitRecord {
  id: string;
  communityId: string;
  gridId?: string;
  householdId: string;
  headName: string;
  kind: 'hardship' | 'accidentOrDisaster' | 'seriousIllness' | 'bereavement';
  note: string;
  occurredOn: string;
  deadlineAt: string;
  assigneeId: string;
  assigneeName: string;
  status: 'open' | 'done';
  createdAt: string;
  version: number;
}
export interface LogRecord {
  id: string;
  at: string;
  byId: string;
  byName: string;
  found: string;
  photoKeys: string[];
}

export function mustVisitItem(v: MustVisitRecord): Item {
  return {
    ...keys.mustVisit(v.id),
    ...keys.mustVisitByCommunity(v.communityId, v.status, v.deadlineAt, v.id),
    ...keys.reliefHousehold(v.communityId, v.householdId, `MV#${v.id}`),
    entity: 'mustVisit',
    ...v,
  };
}

export function mustVisitLogItem(v: MustVisitRecord, l: LogRecord): Item {
  return { ...keys.mustVisitLog(v.id, l.at, l.id), ...keys.reliefHousehold(v.communityId, v.householdId, `MV#${v.id}#LOG#${l.at}#${l.id}`), entity: 'mustVisitLog', ...l };
}

export async function readMustVisit(db: Db, visitId: string): Promise<{ visit?: MustVisitRecord; logs: LogRecord[] }> {
  const page = await db.query<Raw>({ pk: keys.mustVisit(visitId).pk, consistent: true });
  const out: { visit?: MustVisitRecord; logs: LogRecord[] } = { logs: [] };
  for (const it of page.items) {
    if (it.sk === 'MVISIT') out.visit = strip<MustVisitRecord>(it);
    else out.logs.push(strip<LogRecord>(it));
  }
  return out;
}

/** A page of a community's must-visits: open ones soonest deadline first, done ones latest first. */
export async function listMustVisitsPage(db: Db, communityId: string, status: 'open' | 'done' | undefined, page: { limit: number; cursor?: string }) {
  const out = await db.query<Raw>({
    index: 'gsi1',
    pk: keys.mustVisitByCommunity(communityId, '', '', '').gsi1pk,
    prefix: status ? `${status}#` : undefined,
    ascending: status !== 'done',
    limit: page.limit,
    cursor: page.cursor,
  });
  return { items: out.items.map((i) => strip<MustVisitRecord>(i)), cursor: out.cursor };
}

/** All of a community's must-visits of a status (the per-worker counts): every page, none cut off. */
export async function listMustVisits(db: Db, communityId: string, status?: 'open' | 'done'): Promise<MustVisitRecord[]> {
  const out: MustVisitRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMustVisitsPage(db, communityId, status, { limit: 500, cursor });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export interface PairingRecord {
  communityId: string;
  householdId: string;
  userId: string;
  userName: string;
  role: 'partyMember' | 'volunteer';
  createdAt: string;
}
export function pairingItem(p: PairingRecord): Item {
  return { ...keys.pairing(p.communityId, p.householdId, p.userId), ...keys.reliefHousehold(p.communityId, p.householdId, `PAIR#${p.userId}`), entity: 'pairing', ...p };
}

export function pairingVisitItem(communityId: string, householdId: string, v: LogRecord & { userId: string }): Item {
  return {
    ...keys.pairingVisit(communityId, householdId, v.userId, v.at, v.id),
    ...keys.reliefHousehold(communityId, householdId, `PAIRVISIT#${v.userId}#${v.at}#${v.id}`),
    entity: 'pairingVisit',
    ...v,
  };
}

/** A paired person's index entry: enough to list their households without reading the registry. */
export interface MyPairingRecord {
  communityId: string;
  householdId: string;
  headName: string;
  role: 'partyMember' | 'volunteer';
  createdAt: string;
}
export function myPairingItem(userId: string, p: MyPairingRecord): Item {
  return { ...keys.pairingOfUser(userId, p.communityId, p.householdId), entity: 'myPairing', ...p };
}

export async function listMyPairings(db: Db, userId: string): Promise<MyPairingRecord[]> {
  const out: MyPairingRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Raw>({ pk: keys.pairingOfUser(userId, '', '').pk, prefix: 'PAIR#', cursor });
    out.push(...page.items.map((i) => strip<MyPairingRecord>(i)));
    cursor = page.cursor;
  } while (cursor && out.length < 500);
  return out;
}

/** One registry household's must-visits with their logs, pairings and pairing visits: one query on gsi2. */
export async function readHousehold(db: Db, communityId: string, householdId: string) {
  const out = { visits: [] as MustVisitRecord[], logs: new Map<string, LogRecord[]>(), pairings: [] as PairingRecord[], pairingVisits: [] as (LogRecord & { userId: string })[] };
  let cursor: string | undefined;
  do {
    const page = await db.query<Raw>({ index: 'gsi2', pk: keys.reliefHousehold(communityId, householdId, '').gsi2pk, cursor });
    for (const it of page.items) {
      if (it.entity === 'mustVisit') out.visits.push(strip<MustVisitRecord>(it));
      else if (it.entity === 'mustVisitLog') {
        const visitId = String(it.gsi2sk).split('#')[1]!;
        out.logs.set(visitId, [...(out.logs.get(visitId) ?? []), strip<LogRecord>(it)]);
      } else if (it.entity === 'pairing') out.pairings.push(strip<PairingRecord>(it));
      else if (it.entity === 'pairingVisit') out.pairingVisits.push(strip<LogRecord & { userId: string }>(it));
    }
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export async function listPairings(db: Db, communityId: string, householdId: string): Promise<{ pairings: PairingRecord[]; visits: (LogRecord & { userId: string })[] }> {
  const pk = keys.registryEntry(communityId, '').pk;
  const [p, v] = await Promise.all([
    db.query<Raw>({ pk, prefix: keys.pairing(communityId, householdId, '').sk }),
    db.query<Raw>({ pk, prefix: keys.pairingVisit(communityId, householdId, '', '', '').sk.slice(0, -2) }),
  ]);
  return { pairings: p.items.map((i) => strip<PairingRecord>(i)), visits: v.items.map((i) => strip<LogRecord & { userId: string }>(i)) };
}
