import type { z } from 'zod';
import { residentCommunityId } from '../../../shared/org/permissions';
import { consentTexts, currentConsentVersion } from '../../../shared/relief/consent';
import { reliefCan } from '../../../shared/relief/permissions';
import {
  DOCUMENTS_PREFIX,
  forms,
  type ApplicationDetail,
  type ApplicationInput,
  type ConsentInput,
  type DocumentKind,
  type EditApplicationInput,
  type Eligibility,
  type RegionRules,
  type ReliefType,
} from '../../../shared/relief/schemas';
import { awaitingLevel, defaultRegionRules, evaluate, missingDocuments, reliefTypes } from '../../../shared/relief/types';
import type { UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { getUnit } from '../../platform/units';
import * as store from '../store';
import type { ApplicationRecord } from '../store';
import { documentsEncryption } from './documents';
import { reliefNotices } from '../../../shared/relief/notices';
import { chinaDay } from '../../../shared/platform/chinaTime';
import { rulesInForce } from './rules';
import {
  advance,
  applicationData,
  applicationLink,
  notesTo,
  reviewersOf,
  checkOwnUpload,
  resolveDocuments,
  checkVersion,
  detailAfter,
  historyEntry,
  householdHash,
  householdStanding,
  memberHashesOf,
  personHashes,
  scopeOf,
  workerConfirmation,
  readable,
  requireActor,
  requireState,
  birthMonthHashesOf,
  splitSensitive,
  summaryView,
  vault,
  writeStep,
} from './common';

type Detail = z.infer<typeof ApplicationDetail>;

export function listTypes() {
  return {
    items: Object.values(reliefTypes).map((d) => ({
      type: d.type,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      chain: [...d.chain],
      documents: d.documents.map((x) => ({ ...x })),
      amount: d.amount,
      recurring: d.recurring,
      formFields: Object.keys(forms[d.type].shape),
    })),
  };
}

export const consentText = () => ({ version: currentConsentVersion, ...consentTexts[currentConsentVersion] });

export async function getRules(ctx: UserCtx, subdistrictId: string): Promise<RegionRules> {
  if (!ctx.principal.grants.some((g) => g.unitPath[0] === subdistrictId)) throw new NotFoundError('subdistrict');
  return store.getRules(ctx.db, subdistrictId);
}

export async function putRules(ctx: UserCtx, subdistrictId: string, rules: RegionRules): Promise<RegionRules> {
  if (!reliefCan.manageSubdistrict(ctx.principal, subdistrictId)) {
    if (!ctx.principal.grants.some((g) => g.unitPath[0] === subdistrictId)) throw new NotFoundError('subdistrict');
    throw new ForbiddenError();
  }
  await ctx.db.put({ ...keys.reliefRules(subdistrictId), entity: 'reliefRules', ...rules, updatedAt: ctx.clock.now().toISOString(), updatedBy: ctx.principal.userId });
  return rules;
}

const EXT = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' } as const;
/** A presigned POST for one document, under the uploader's own part of the documents' encrypted prefix. */
export async function createUpload(ctx: UserCtx, input: { contentType: keyof typeof EXT; size: number }) {
  const key = `${DOCUMENTS_PREFIX}${ctx.principal.userId}/${ctx.newId()}.${EXT[input.contentType]}`;
  // the POST's policy pins SSE-KMS under the relief key: S3 refuses the form without it
  const post = await ctx.storage.presignPost(key, input.contentType, input.size, 600, documentsEncryption());
  return { key, url: post.url, fields: post.fields, expiresAt: new Date(ctx.clock.now().getTime() + 600_000).toISOString() };
}

/** Where an application lives and whose it is: the caller's own household, or a resident of the caller's grid (proxy). */
async function placeOf(ctx: UserCtx, input: Pick<ApplicationInput, 'forUserId' | 'gridId'>) {
  const p = ctx.principal;
  if (input.forUserId && input.forUserId !== p.userId) {
    if (!input.gridId) throw new ValidationError([{ path: 'body.gridId', message: 'the grid of the proxy filing' }]);
    const grant = p.grants.find((g) => g.role === 'gridWorker' && g.unitId === input.gridId);
    if (!grant || !reliefCan.fileForResident(p, input.gridId)) throw new ForbiddenError();
    const [sd, community] = grant.unitPath as [string, string, string];
    const [resident] = await store.getProfiles(ctx.db, [input.forUserId]);
    if (!resident || resident.communityId !== community || (resident.gridId && resident.gridId !== input.gridId)) throw new UnprocessableError('RESIDENT_NOT_IN_GRID');
    return { subdistrictId: sd, communityId: community, gridId: input.gridId, ownerId: resident.id, ownerName: resident.displayName ?? '', filedById: p.userId, filedByName: p.displayName ?? '' };
  }
  const communityId = residentCommunityId(p);
  if (!communityId) throw new ForbiddenError('NOT_BOUND');
  const grant = p.grants.find((g) => g.role === 'resident')!;
  const [me] = await store.getProfiles(ctx.db, [p.userId]);
  return { subdistrictId: grant.unitPath[0]!, communityId, gridId: me?.gridId, ownerId: p.userId, ownerName: p.displayName ?? me?.displayName ?? '' };
}

export async function checkEligibility(ctx: UserCtx, input: ApplicationInput): Promise<Eligibility> {
  const sd = ctx.principal.grants[0]?.unitPath[0];
  const rules = sd ? (await rulesInForce(ctx.db, sd, input.type, chinaDay(ctx.clock.now()))).rules : defaultRegionRules;
  return evaluate(input.type, { household: input.household, form: input.form as Record<string, unknown> }, rules, chinaDay(ctx.clock.now()));
}

/**
 * Starts a draft: the household and form, split into what is stored in the clear (masked) and the sealed part.
 * Two round trips besides sealing: the profiles and rules, then one transaction (application, sealed part, history).
 */
export async function createApplication(ctx: UserCtx, input: ApplicationInput): Promise<Detail> {
  const place = await placeOf(ctx, input);
  const { documents, fresh } = resolveDocuments(ctx, input.documents);
  await ctx.storage.keep(fresh);
  // the rule version in force today checks the draft; the one in force on the submission day is recorded at the submit
  const { rules, ref } = await rulesInForce(ctx.db, place.subdistrictId, input.type, chinaDay(ctx.clock.now()));
  const v = vault();
  const now = ctx.clock.now().toISOString();
  const { members, form, sensitive } = splitSensitive(input.type, input);
  const eligibility = evaluate(input.type, { household: input.household, form: input.form as Record<string, unknown> }, rules, chinaDay(ctx.clock.now()));
  const id = ctx.newId();
  const householdId = householdHash(v, input.household);
  const r: ApplicationRecord = {
    id,
    type: input.type,
    status: 'draft',
    ...place,
    members,
    form,
    documents,
    eligibility,
    persons: eligibility.persons,
    householdId,
    birthMonthHashes: birthMonthHashesOf(v, householdId, input.household),
    personHashes: personHashes(v, input.type, input.household),
    memberHashes: memberHashesOf(v, input.household),
    locked: false,
    rules: ref,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  const h = historyEntry(ctx, undefined, 'draft', place.filedById ? 'proxyDraft' : 'draft');
  const sealed = await v.seal(sensitive, store.sealedAad(id));
  const detail = await detailAfter(ctx, r, [h]);
  return transactCreate(ctx, [store.putApplication(r), store.putSealed(id, sealed), store.putHistory(id, 0, h)], detail);
}

async function mine(ctx: UserCtx, appId: string): Promise<ApplicationRecord> {
  const r = readable(ctx, await store.getApplication(ctx.db, appId));
  requireActor(ctx, r);
  return r;
}

/** Replaces a draft's (or an application sent back for information's) household, form and documents. */
export async function editApplication(ctx: UserCtx, appId: string, input: EditApplicationInput): Promise<Detail> {
  const r = await mine(ctx, appId);
  requireState(r, ['draft', 'infoRequested']);
  checkVersion(r, input.version);
  const parsed = forms[r.type].safeParse(input.form);
  if (!parsed.success) throw new UnprocessableError('FORM_INVALID', { issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })) });
  const { documents, fresh } = resolveDocuments(ctx, input.documents, r.documents);
  await ctx.storage.keep(fresh);
  const { rules, ref } = await rulesInForce(ctx.db, r.subdistrictId, r.type, chinaDay(ctx.clock.now()));
  const v = vault();
  const filled = { household: input.household, form: parsed.data as Record<string, unknown> };
  const { members: stored, form, sensitive } = splitSensitive(r.type, filled);
  const eligibility = evaluate(r.type, filled, rules, chinaDay(ctx.clock.now()));
  const hashes = personHashes(v, r.type, input.household);
  const members = memberHashesOf(v, input.household);
  // while the locks are held (sent back for information), a changed household gives them back and needs confirming
  // again (the resubmit checks the registry, or the community's approval confirms it): moving them here would tell the
  // editor whether someone they added has an application elsewhere
  const sameLocks = hashes.length === r.personHashes.length && hashes.every((x) => r.personHashes.includes(x));
  const release = r.locked && !sameLocks;
  const next = advance(ctx, r, r.status, {
    members: stored,
    form,
    documents,
    eligibility,
    persons: eligibility.persons,
    rules: ref,
    personHashes: hashes,
    memberHashes: members,
    householdId: householdHash(v, input.household),
    birthMonthHashes: birthMonthHashesOf(v, householdHash(v, input.household), input.household),
    ...(release ? { locked: false, householdConfirmed: undefined } : {}),
  });
  const h = historyEntry(ctx, r.status, r.status, 'edit');
  await writeStep(ctx, r, next, h, [store.putSealed(r.id, await v.seal(sensitive, store.sealedAad(r.id))), ...(release ? store.unlockWrites(r, r.personHashes) : [])]);
  return detailAfter(ctx, next, await historyOf(ctx, r.id, h));
}

async function historyOf(ctx: UserCtx, appId: string, last: store.HistoryRecord): Promise<store.HistoryRecord[]> {
  const { history } = await store.readApplicationCollection(ctx.db, appId);
  return history.length ? history : [last];
}

/**
 * The separate consent to sensitive data: the resident confirms in the app, or the grid worker who filed the application
 * records the signed paper form with a photo of it. Kept as its own record (text version, method, who, when).
 */
export async function recordConsent(ctx: UserCtx, appId: string, input: ConsentInput): Promise<Detail> {
  const r = readable(ctx, await store.getApplication(ctx.db, appId));
  if (input.method === 'app' && r.ownerId !== ctx.principal.userId) throw new ForbiddenError('CONSENT_METHOD_NOT_ALLOWED');
  if (input.method === 'signedForm') {
    if (r.filedById !== ctx.principal.userId) throw new ForbiddenError('CONSENT_METHOD_NOT_ALLOWED');
    checkOwnUpload(ctx, input.photoKey);
    await ctx.storage.keep([input.photoKey]);
  }
  if (input.textVersion !== currentConsentVersion) throw new UnprocessableError('CONSENT_VERSION_UNKNOWN', { current: currentConsentVersion });
  requireState(r, ['draft', 'infoRequested']);
  checkVersion(r, input.version);
  const at = ctx.clock.now().toISOString();
  const consent: store.ConsentRecord = {
    textVersion: input.textVersion,
    method: input.method,
    at,
    byId: ctx.principal.userId,
    byName: ctx.principal.displayName ?? '',
    photoKey: input.method === 'signedForm' ? input.photoKey : undefined,
  };
  const next = advance(ctx, r, r.status, { consent });
  const h = historyEntry(ctx, r.status, r.status, input.method === 'app' ? 'consent' : 'consentSignedForm');
  await writeStep(ctx, r, next, h, [{ put: { ...keys.reliefConsent(r.id), entity: 'reliefConsent', applicationId: r.id, ...consent } }]);
  return detailAfter(ctx, next, await historyOf(ctx, r.id, h));
}

/**
 * Submits a draft, or resubmits after a request for information. The first submit takes the one-active lock of every
 * person it covers (a keyed hash of their ID number, put only where absent) in the same transaction: of two concurrent
 * applications of one person and type, one is submitted and the other answers ACTIVE_APPLICATION_EXISTS.
 * A retry of a submit that went through answers the application as it is.
 */
export async function submitApplication(ctx: UserCtx, appId: string, version: number): Promise<Detail> {
  // the application with its history in one query: the answer's timeline is that history and this step's entry
  const { app, history } = await store.readApplicationCollection(ctx.db, appId);
  const r = readable(ctx, app);
  requireActor(ctx, r);
  if (r.status === 'submitted' && r.version === version + 1) return detailAfter(ctx, r, history);
  requireState(r, ['draft', 'infoRequested']);
  checkVersion(r, version);
  if (!r.consent) throw new UnprocessableError('CONSENT_REQUIRED');
  // the version in force on the submission day applies: a draft checked under an older one is checked again under it
  // (read beside the registry and the reviewers below: every chain starts at the community)
  const inForce = rulesInForce(ctx.db, r.subdistrictId, r.type, chinaDay(ctx.clock.now()));
  inForce.catch(() => undefined);
  const now = ctx.clock.now().toISOString();
  const level = awaitingLevel(r.type, 'submitted') ?? 'community';
  // the household first, before any lock is looked at: listing someone outside one's registered household is refused
  // alike whether or not they have an application; a household the registry does not hold (bound to this owner) goes
  // in without locks, and the community's approval confirms it and takes them (reviewApplication)
  const [entry, reviewers, { rules: dayRules, ref }] = await Promise.all([r.locked ? undefined : store.getRegistryEntry(ctx.db, r.communityId, r.householdId), reviewersOf(ctx.db, r, level), inForce]);
  const eligibility = r.rules?.version === ref.version && r.rules.effectiveFrom === ref.effectiveFrom ? r.eligibility : await recheck(ctx, r, dayRules);
  const missing = missingDocuments(r.type, r.documents as { kind: DocumentKind }[], ref.requiredDocuments);
  if (missing.length) throw new UnprocessableError('DOCUMENTS_MISSING', { missing });
  if (!eligibility.eligible) throw new UnprocessableError('NOT_ELIGIBLE', { checks: eligibility.checks.filter((c) => !c.ok).map((c) => c.code) });
  const standing = r.locked ? 'confirmed' : householdStanding(r, entry);
  if (standing === 'outside') throw new UnprocessableError('MEMBER_NOT_IN_HOUSEHOLD');
  const lock = !r.locked && standing === 'confirmed';
  const next = advance(ctx, r, 'submitted', {
    submittedAt: r.submittedAt ?? now,
    waitingSince: now,
    awaiting: awaitingLevel(r.type, 'submitted', ref.chain),
    rules: ref,
    eligibility,
    persons: eligibility.persons,
    locked: r.locked || lock,
    householdConfirmed: lock && r.householdConfirmed?.by !== 'worker' ? { by: 'registry', at: now, memberHashes: r.memberHashes ?? r.personHashes } : r.householdConfirmed,
    infoRequested: r.status === 'infoRequested' ? undefined : r.infoRequested,
  });
  const h = historyEntry(ctx, r.status, 'submitted', r.status === 'draft' ? 'submit' : 'resubmit');
  const locks = lock ? store.lockWrites(r, r.personHashes) : [];
  const notes = notesTo(ctx, reviewers, 'reliefReview', reliefNotices.newWork(r.type, r.ownerName, level), applicationLink(r.id), applicationData(ctx, next, '待审核'));
  try {
    await writeStep(ctx, r, next, h, [], locks, notes);
  } catch (e) {
    // the same submit, sent twice at once: the loser answers what the winner made
    if (e instanceof ConflictError && e.code === 'APPLICATION_WRONG_STATE') {
      const now2 = await store.getApplication(ctx.db, appId);
      if (now2?.status === 'submitted' && now2.version === version + 1) return detailAfter(ctx, now2, (await store.readApplicationCollection(ctx.db, appId)).history);
    }
    throw e;
  }
  return detailAfter(ctx, next, [...history, h]);
}

/** The eligibility of a stored application under other rules: its sealed part opened (the figures are not kept in the clear). */
async function recheck(ctx: UserCtx, r: ApplicationRecord, rules: RegionRules): Promise<Eligibility> {
  const sealed = await store.getSealed(ctx.db, r.id);
  if (!sealed) return r.eligibility;
  const part = await vault().open<store.SensitivePart>(sealed, store.sealedAad(r.id));
  const household = part.members.map((m, i) => ({ ...m, relation: r.members[i]?.relation ?? 'other' }));
  return evaluate(r.type, { household, form: { ...r.form, ...part.form } }, rules, chinaDay(ctx.clock.now()));
}

/**
 * A worker (the grid's, or the community's) confirms that an application's members are its applicant's household,
 * where the registry holds none bound to this owner or not all of them (a new child, someone moved in). Recorded with
 * who confirmed, on the application and in its history; the submit then takes the locks. Not by the applicant's side.
 */
export async function confirmHousehold(ctx: UserCtx, appId: string, version: number): Promise<Detail> {
  const r = readable(ctx, await store.getApplication(ctx.db, appId));
  if (!reliefCan.confirmHousehold(ctx.principal, scopeOf(r))) throw new ForbiddenError();
  if (reliefCan.isApplicant(ctx.principal, scopeOf(r))) throw new ForbiddenError('REVIEWER_IS_APPLICANT');
  requireState(r, ['draft', 'infoRequested']);
  checkVersion(r, version);
  const next = advance(ctx, r, r.status, { householdConfirmed: workerConfirmation(ctx, r) });
  const h = historyEntry(ctx, r.status, r.status, 'confirmHousehold');
  await writeStep(ctx, r, next, h);
  return detailAfter(ctx, next, await historyOf(ctx, r.id, h));
}

/** Withdraws an application before its final decision; its locks go, and it leaves the queue. */
export async function withdrawApplication(ctx: UserCtx, appId: string, version: number): Promise<Detail> {
  const r = await mine(ctx, appId);
  requireState(r, ['draft', 'submitted', 'infoRequested', 'communityApproved']);
  checkVersion(r, version);
  const next = advance(ctx, r, 'withdrawn', { awaiting: undefined, waitingSince: undefined, locked: false, decidedAt: ctx.clock.now().toISOString() });
  const h = historyEntry(ctx, r.status, 'withdrawn', 'withdraw');
  await writeStep(ctx, r, next, h, r.locked ? store.unlockWrites(r, r.personHashes) : []);
  return detailAfter(ctx, next, await historyOf(ctx, r.id, h));
}

export async function myApplications(ctx: UserCtx, query: { cursor?: string; limit?: number }) {
  const page = await store.listByOwner(ctx.db, ctx.principal.userId, query.limit ?? 20, query.cursor);
  return { items: page.items.map((r) => summaryView(ctx, r)), cursor: page.cursor };
}

export async function gridApplications(ctx: UserCtx, gridId: string, query: { status?: string; cursor?: string }) {
  const grid = await getUnit(ctx.db, gridId);
  if (!grid || grid.kind !== 'grid' || !reliefCan.workRegistry(ctx.principal, { subdistrictId: grid.path[0]!, communityId: grid.path[1]!, gridId })) throw new NotFoundError('grid');
  const page = await store.listByGrid(ctx.db, gridId, 50, query.cursor);
  const items = page.items.filter((r) => !query.status || r.status === query.status);
  return { items: items.map((r) => summaryView(ctx, r)), cursor: page.cursor };
}

export function typeName(type: ReliefType) {
  return reliefTypes[type].nameZh;
}
