import { chinaDay } from '../../../shared/platform/chinaTime';
import { ageInYearOn, parseIdNumber, yearOf } from '../../../shared/platform/idNumber';
import { maskBankAccount, maskIdNumber, MASKED } from '../../../shared/platform/masking';
import { reliefCan } from '../../../shared/relief/permissions';
import { DOCUMENTS_PREFIX, documentIdOf, type Application, type ApplicationInput, type ApplicationStatus, type DocumentRef, type ReliefType } from '../../../shared/relief/schemas';
import { awaitingLevel, missingDocuments, reliefTypes } from '../../../shared/relief/types';
import { dueAtOf, isOverdue } from '../../../shared/relief/rules';
import type { z } from 'zod';
import type { ApplicationDetail, ApplicationSummary } from '../../../shared/relief/schemas';
import type { Ctx, UserCtx } from '../../platform/context';
import { vaultFromEnv, type Vault } from '../../platform/crypto';
import { TransactionCancelled, type TxWrite } from '../../platform/db';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import { notificationWrites, type Notification } from '../../platform/notify';
import { tellWrite } from '../../platform/work';
import type { Db } from '../../platform/db';
import type { NoticeText } from '../../../shared/relief/notices';
import type { TemplateKey } from '../../../shared/notifications/schemas';
import * as store from '../store';
import type { ApplicationRecord, SensitivePart, StoredMember } from '../store';

export const vault = (): Vault => vaultFromEnv();

/** Relief's work items (platform/work.ts): payments imports, and the people a decision tells past its transaction. */
export const RELIEF_QUEUE = 'relief';

export const scopeOf = (r: ApplicationRecord) => ({ subdistrictId: r.subdistrictId, communityId: r.communityId, gridId: r.gridId, ownerId: r.ownerId, filedById: r.filedById });

/** An application the caller may read, or not found: a guessed id from another household or grid serves nothing. */
export function readable(ctx: UserCtx, r: ApplicationRecord | undefined): ApplicationRecord {
  if (!r || !reliefCan.readApplication(ctx.principal, scopeOf(r))) throw new NotFoundError('application');
  return r;
}

/** Splits a filled household and form into what is stored in the clear (masked) and what is sealed. */
export function splitSensitive(type: ReliefType, input: { household: ApplicationInput['household']; form: Record<string, unknown> }): { members: StoredMember[]; form: Record<string, unknown>; sensitive: SensitivePart } {
  const sensitiveFields = reliefTypes[type].sensitiveFields;
  const form: Record<string, unknown> = {};
  const sealedForm: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input.form)) {
    if (sensitiveFields.includes(k)) {
      sealedForm[k] = v;
      form[k] = k === 'bankAccount' ? maskBankAccount(String(v)) : MASKED;
    } else form[k] = v;
  }
  const members = input.household.map((m) => {
    const p = parseIdNumber(m.idNumber);
    if (!p.ok) throw new Error('household was validated');
    return {
      name: m.name,
      relation: m.relation,
      idMasked: maskIdNumber(m.idNumber),
      sex: p.sex,
      birthYear: yearOf(p.birthDate),
      hasIncome: m.monthlyIncome !== undefined,
      hasDisability: m.disability !== undefined,
      hasHealth: m.health !== undefined,
    };
  });
  const sensitive: SensitivePart = {
    members: input.household.map((m) => ({ name: m.name, idNumber: m.idNumber, monthlyIncome: m.monthlyIncome, disability: m.disability, health: m.health })),
    form: sealedForm,
  };
  return { members, form, sensitive };
}

/** Keyed hashes of the members' birth months, for the household's registry entry (the final approval copies them there). */
export function birthMonthHashesOf(v: Vault, householdId: string, household: readonly { idNumber: string }[]): string[] {
  const months = household.map((m) => parseIdNumber(m.idNumber)).flatMap((p) => (p.ok ? [p.birthDate.slice(0, 7)] : []));
  return [...new Set(months)].map((m) => store.birthMonthHash((purpose, value) => v.hash(purpose, value), householdId, m));
}

/** A stored member's birth year; an item from before issue 11 item 1 still has the date. */
export const birthYearOf = (m: StoredMember): number => m.birthYear ?? yearOf(m.birthDate!);

/** HMACs of the ID numbers an application locks: every member for a household type, the applicant for a personal one. */
export function personHashes(v: Vault, type: ReliefType, household: readonly { relation: string; idNumber: string }[]): string[] {
  const who = reliefTypes[type].scope === 'household' ? household : household.filter((m) => m.relation === 'self');
  return who.map((m) => v.hash('person', m.idNumber));
}
/** HMACs of every member's ID number (purpose person, as the locks): the household as the application states it. */
export function memberHashesOf(v: Vault, household: readonly { idNumber: string }[]): string[] {
  return household.map((m) => v.hash('person', m.idNumber));
}
const membersOf = (r: ApplicationRecord) => r.memberHashes ?? r.personHashes;

/**
 * Whether an application's members are its applicant's household: confirmed (by a worker for these very members, or by
 * the registry's entry of the household, bound to this owner, that holds every one of them); outside (the registry
 * binds the household to this owner and someone listed is not in it); or unknown (no entry bound to this owner: a
 * stranger's ID number typed as the applicant's finds nothing here). Pure: decided before any lock is looked at, so
 * the answer never depends on other people's applications.
 */
export function householdStanding(r: ApplicationRecord, entry: store.RegistryRecord | undefined): 'confirmed' | 'outside' | 'unknown' {
  const members = membersOf(r);
  if (r.householdConfirmed?.by === 'worker' && members.every((h) => r.householdConfirmed!.memberHashes.includes(h))) return 'confirmed';
  if (!entry || entry.residentId !== r.ownerId || !entry.memberHashes) return 'unknown';
  return members.every((h) => entry.memberHashes!.includes(h)) ? 'confirmed' : 'outside';
}

/** A worker's confirmation of an application's household, as of now. */
export function workerConfirmation(ctx: UserCtx, r: ApplicationRecord): store.HouseholdConfirmation {
  return { by: 'worker', byId: ctx.principal.userId, byName: ctx.principal.displayName ?? '', at: ctx.clock.now().toISOString(), memberHashes: membersOf(r) };
}

export function householdHash(v: Vault, household: readonly { relation: string; idNumber: string }[]): string {
  return v.hash('household', household.find((m) => m.relation === 'self')!.idNumber);
}

/** A document stored under the encrypted prefix (one still under the old prefix waits for its migration). */
export const isSealedDocument = (key: string): boolean => key.startsWith(DOCUMENTS_PREFIX);

export async function applicationView(ctx: Ctx, r: ApplicationRecord): Promise<Application> {
  const today = chinaDay(ctx.clock.now());
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    awaiting: r.awaiting,
    chain: [...(r.rules?.chain ?? reliefTypes[r.type].chain)],
    subdistrictId: r.subdistrictId,
    communityId: r.communityId,
    gridId: r.gridId,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    proxy: !!r.filedById,
    filedByName: r.filedByName,
    household: r.members.map((m) => ({
      name: m.name,
      relation: m.relation as Application['household'][number]['relation'],
      idNumber: m.idMasked,
      sex: m.sex,
      age: ageInYearOn(birthYearOf(m), today),
      monthlyIncome: m.hasIncome ? MASKED : undefined,
      disability: m.hasDisability ? MASKED : undefined,
      health: m.hasHealth ? MASKED : undefined,
    })),
    form: r.form,
    // no key and no URL: a document is opened through the audited view (sensitive.ts viewDocument), for 60 s
    documents: r.documents.map((d) => ({ id: documentIdOf(d.key), kind: d.kind as Application['documents'][number]['kind'], present: isSealedDocument(d.key) })),
    missingDocuments: missingDocuments(r.type, r.documents as { kind: Application['documents'][number]['kind'] }[], r.rules?.requiredDocuments),
    householdConfirmed: r.householdConfirmed ? { by: r.householdConfirmed.by, byName: r.householdConfirmed.byName, at: r.householdConfirmed.at } : undefined,
    consent: r.consent
      ? {
          textVersion: r.consent.textVersion,
          method: r.consent.method,
          at: r.consent.at,
          byName: r.consent.byName,
          photo: r.consent.photoKey ? { id: documentIdOf(r.consent.photoKey), present: isSealedDocument(r.consent.photoKey) } : undefined,
        }
      : undefined,
    eligibility: r.eligibility,
    amount: r.amount,
    persons: r.persons,
    infoRequested: r.infoRequested,
    decisionReason: r.decisionReason,
    submittedAt: r.submittedAt,
    waitingSince: r.waitingSince,
    rulesVersion: r.rules ? { version: r.rules.version, effectiveFrom: r.rules.effectiveFrom } : undefined,
    dueAt: dueAtOf(r),
    overdue: r.awaiting ? isOverdue(dueAtOf(r), ctx.clock.now().toISOString()) : undefined,
    decidedAt: r.decidedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

export function summaryView(ctx: Ctx, r: ApplicationRecord): z.infer<typeof ApplicationSummary> {
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    awaiting: r.awaiting,
    communityId: r.communityId,
    gridId: r.gridId,
    ownerName: r.ownerName,
    proxy: !!r.filedById,
    persons: r.persons,
    eligible: r.eligibility.eligible,
    waitingSince: r.waitingSince,
    waitedHours: r.waitingSince ? Math.floor((ctx.clock.now().getTime() - Date.parse(r.waitingSince)) / 3600_000) : undefined,
    dueAt: dueAtOf(r),
    overdue: r.awaiting ? isOverdue(dueAtOf(r), ctx.clock.now().toISOString()) : undefined,
    createdAt: r.createdAt,
  };
}

/** What the caller may do next, for the page's buttons. */
export function actionsFor(ctx: UserCtx, r: ApplicationRecord, history: readonly store.HistoryRecord[] = [], ofHousehold = false): string[] {
  const p = ctx.principal;
  const out: string[] = [];
  const mine = reliefCan.actOnApplication(p, scopeOf(r));
  if (mine && (r.status === 'draft' || r.status === 'infoRequested')) out.push('edit', 'submit');
  if (r.ownerId === p.userId && !r.consent) out.push('consent');
  if (r.filedById === p.userId && mine && !r.consent) out.push('recordSignedConsent');
  if (mine && ['draft', 'submitted', 'infoRequested', 'communityApproved'].includes(r.status)) out.push('withdraw');
  const level = awaitingLevel(r.type, r.status, r.rules?.chain);
  const applicant = ofHousehold || reliefCan.isApplicant(p, scopeOf(r));
  if (!applicant && (r.status === 'draft' || r.status === 'infoRequested') && !r.householdConfirmed && reliefCan.confirmHousehold(p, scopeOf(r))) out.push('confirmHousehold');
  if (!applicant && level === 'community' && reliefCan.reviewCommunity(p, r)) out.push('review');
  if (!applicant && level === 'subdistrict' && reliefCan.reviewSubdistrict(p, r) && firstLevelBy(history) !== p.userId) out.push('review');
  if (revealAllowed(p, r)) out.push('reveal');
  // the documents: the reviewers as the reveal; while it is a draft, whoever attaches them sees their own uploads
  const docs = documentStanding(p, r, `${DOCUMENTS_PREFIX}${p.userId}/`);
  if (docs === 'reviewer') out.push('viewDocuments');
  else if (docs === 'uploader') out.push('viewOwnDocuments');
  return out;
}

export async function detailOf(ctx: UserCtx, appId: string): Promise<z.infer<typeof ApplicationDetail>> {
  const { app, history } = await store.readApplicationCollection(ctx.db, appId);
  const r = readable(ctx, app);
  // a reviewer of the household is offered no decision (read only for a reviewer who is also a resident)
  const reviewing = !!awaitingLevel(r.type, r.status, r.rules?.chain) && (reliefCan.reviewCommunity(ctx.principal, r) || reliefCan.reviewSubdistrict(ctx.principal, r));
  const ofHousehold = reviewing && (await inHouseholdOf(ctx, r));
  return {
    application: await applicationView(ctx, r),
    timeline: history.map((h) => ({ at: h.at, action: h.action, from: h.from, to: h.to, byName: h.byName, level: h.level, note: h.note })),
    actions: actionsFor(ctx, r, history, ofHousehold),
  };
}

/** The detail after a write, from what was written (no read back). */
export async function detailAfter(ctx: UserCtx, r: ApplicationRecord, history: store.HistoryRecord[]): Promise<z.infer<typeof ApplicationDetail>> {
  return {
    application: await applicationView(ctx, r),
    timeline: history.map((h) => ({ at: h.at, action: h.action, from: h.from, to: h.to, byName: h.byName, level: h.level, note: h.note })),
    actions: actionsFor(ctx, r, history),
  };
}

/**
 * Whether the reviewer is of the application's household, as they stated their own: a reviewer who is also a resident
 * and applied for themselves listed their household's ID numbers (hashed) in their own applications. Read only for a
 * reviewer holding a resident grant (staff without one own no applications of their own making).
 */
export async function inHouseholdOf(ctx: UserCtx, r: ApplicationRecord): Promise<boolean> {
  if (!ctx.principal.grants.some((g) => g.role === 'resident')) return false;
  const members = new Set(r.memberHashes ?? r.personHashes);
  let cursor: string | undefined;
  do {
    const page = await store.listByOwner(ctx.db, ctx.principal.userId, 100, cursor);
    if (page.items.some((a) => a.id !== r.id && (a.memberHashes ?? a.personHashes).some((h) => members.has(h)))) return true;
    cursor = page.cursor;
  } while (cursor);
  return false;
}

/** Who decided the community level of an application (its last first-level approval), from its history. */
export function firstLevelBy(history: readonly store.HistoryRecord[]): string | undefined {
  return [...history].reverse().find((h) => h.action === 'approveCommunity')?.byId;
}

/**
 * The audited reveal: the reviewers once the application was submitted with consent; before that, only whoever typed
 * it, while it is a draft (what they typed themselves). 'reviewerTooEarly': a reviewer, before submission.
 */
export function revealStanding(p: UserCtx['principal'], r: ApplicationRecord): 'typist' | 'reviewer' | 'reviewerTooEarly' | 'no' {
  if (r.status === 'draft' && reliefCan.typedApplication(p, scopeOf(r))) return 'typist';
  if (!reliefCan.reveal(p, r)) return 'no';
  return r.submittedAt && r.consent ? 'reviewer' : 'reviewerTooEarly';
}
const revealAllowed = (p: UserCtx['principal'], r: ApplicationRecord) => ['typist', 'reviewer'].includes(revealStanding(p, r));

/** Who uploaded a document: the second segment of its key (`relief-docs/<uploader>/<id>.<ext>`). */
export const uploaderOf = (key: string): string | undefined => key.split('/')[1];

/**
 * Who may open a document of an application: the reviewers (those who may reveal) once it was submitted with consent;
 * while it is a draft, its uploader, if they act on the application. 'reviewerTooEarly': a reviewer, before submission.
 */
export function documentStanding(p: UserCtx['principal'], r: ApplicationRecord, key: string): 'uploader' | 'reviewer' | 'reviewerTooEarly' | 'no' {
  if (r.status === 'draft' && uploaderOf(key) === p.userId && reliefCan.actOnApplication(p, scopeOf(r))) return 'uploader';
  if (!reliefCan.reveal(p, r)) return 'no';
  return r.submittedAt && r.consent ? 'reviewer' : 'reviewerTooEarly';
}

export function advance(ctx: Ctx, r: ApplicationRecord, status: ApplicationStatus, changes: Partial<ApplicationRecord>): ApplicationRecord {
  return { ...r, ...changes, status, version: r.version + 1, updatedAt: ctx.clock.now().toISOString() };
}

export function historyEntry(ctx: UserCtx, from: ApplicationStatus | undefined, to: ApplicationStatus, action: string, extra: { note?: string; level?: 'community' | 'subdistrict' } = {}): store.HistoryRecord {
  return { at: ctx.clock.now().toISOString(), action, from, to, byId: ctx.principal.userId, byName: ctx.principal.displayName ?? '', ...extra };
}

/**
 * Writes a step of an application: the item on its version and status, its history entry and any other writes, in one
 * transaction. A lost race answers what happened; a lock already held by another application answers
 * ACTIVE_APPLICATION_EXISTS (the locks name it).
 */
/** The tag of a step's own writes (the application on its version and status, its history entry). */
const STEP = 'step';

export async function writeStep(ctx: UserCtx, current: ApplicationRecord, next: ApplicationRecord, h: store.HistoryRecord, extra: TxWrite[] = [], locks: TxWrite[] = [], notes: Notification[] = []): Promise<void> {
  // the notifications ride in the step's transaction (a transaction takes 100 writes; a step has at most ~25 besides);
  // past NOTES_IN_TX people, a work item in the same transaction tells the rest (drainReliefWork), so none is lost
  const inTx = notes.slice(0, NOTES_IN_TX).flatMap((n) => notificationWrites(ctx, n));
  if (notes.length > NOTES_IN_TX) inTx.push(tellWrite(ctx, RELIEF_QUEUE, next.id, notes.slice(NOTES_IN_TX)));
  try {
    await ctx.db.transact([{ ...store.putApplication(next, current), tag: STEP }, { ...store.putHistory(next.id, next.version, h), tag: STEP }, ...locks, ...extra, ...inTx]);
  } catch (e) {
    if (!(e instanceof TransactionCancelled)) throw e;
    if (e.failed(STEP)) {
      // someone acted first: read it again and say what happened
      const now = await store.getApplication(ctx.db, current.id);
      if (!now) throw new NotFoundError('application');
      if (now.status !== current.status) throw new ConflictError('APPLICATION_WRONG_STATE', { status: now.status });
      throw new ConflictError('STALE_VERSION', { version: now.version });
    }
    throw new ConflictError('CONFLICT');
  }
}

export function checkVersion(r: ApplicationRecord, version: number) {
  if (r.version !== version) throw new ConflictError('STALE_VERSION', { version: r.version });
}

export function requireState(r: ApplicationRecord, allowed: readonly ApplicationStatus[]) {
  if (!allowed.includes(r.status)) throw new ConflictError('APPLICATION_WRONG_STATE', { status: r.status });
}

export function requireActor(ctx: UserCtx, r: ApplicationRecord) {
  if (!reliefCan.actOnApplication(ctx.principal, scopeOf(r))) throw new ForbiddenError();
}

/**
 * The documents to store: a new one by its key, which must be the caller's own upload (`relief-docs/<uploader>/…`),
 * or one already attached by its id (answers carry ids, not keys). `fresh`: the keys not attached before, which the
 * caller keeps (Storage.keep) before the write.
 */
export function resolveDocuments(ctx: UserCtx, docs: readonly DocumentRef[], existing: readonly { kind: string; key: string }[] = []): { documents: { kind: string; key: string }[]; fresh: string[] } {
  const own = `${DOCUMENTS_PREFIX}${ctx.principal.userId}/`;
  const known = new Map(existing.map((d) => [d.key, d]));
  const byId = new Map(existing.map((d) => [documentIdOf(d.key), d]));
  const documents = docs.map((d) => {
    if ('id' in d) {
      const was = byId.get(d.id);
      if (!was) throw new NotFoundError('document', 'DOCUMENT_NOT_FOUND');
      return { kind: d.kind, key: was.key };
    }
    if (!d.key.startsWith(own) && !known.has(d.key)) throw new ForbiddenError('UPLOAD_NOT_YOURS');
    return { kind: d.kind, key: d.key };
  });
  return { documents, fresh: [...new Set(documents.map((d) => d.key).filter((k) => !known.has(k)))] };
}

/** A signed paper form's photo: the caller's own new upload. */
export function checkOwnUpload(ctx: UserCtx, key: string) {
  if (!key.startsWith(`${DOCUMENTS_PREFIX}${ctx.principal.userId}/`)) throw new ForbiddenError('UPLOAD_NOT_YOURS');
}

/** At most this many people are told inside a step's transaction (3 writes each); the rest by a work item in it. */
const NOTES_IN_TX = 22;

/** The holders of a role on a unit (grants by unit on gsi1): the community's workers, the sub-district's officers. All of them, page after page. */
export async function staffOf(db: Db, unitId: string, role: 'communityWorker' | 'subdistrictOfficer' | 'gridWorker'): Promise<string[]> {
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

/** The reviewers of the level an application now waits at: the community's workers or the sub-district's officers. */
export function reviewersOf(db: Db, r: Pick<ApplicationRecord, 'communityId' | 'subdistrictId'>, level: 'community' | 'subdistrict'): Promise<string[]> {
  return level === 'community' ? staffOf(db, r.communityId, 'communityWorker') : staffOf(db, r.subdistrictId, 'subdistrictOfficer');
}

export const applicationLink = (id: string) => `/packages/relief/application/index?id=${id}`;

/** One notification per person, never to the person who acted. The text goes by key: each reader gets their language. */
export function notesTo(
  ctx: Ctx,
  userIds: readonly (string | undefined)[],
  template: TemplateKey,
  text: NoticeText,
  link: string,
  data: Record<string, string>,
): Notification[] {
  const actor = (ctx as Partial<UserCtx>).principal?.userId;
  const unique = [...new Set(userIds.filter((u): u is string => !!u && u !== actor))];
  return unique.map((userId) => ({ userId, template, text, link, data }));
}

/** The subscribe message's fields for an application: its type, its status in words, the day. */
export function applicationData(ctx: Ctx, r: ApplicationRecord, statusZh: string): Record<string, string> {
  return { thing1: `${reliefTypes[r.type].nameZh}申请`.slice(0, 20), phrase2: statusZh.slice(0, 5), date3: chinaDay(ctx.clock.now()) };
}
