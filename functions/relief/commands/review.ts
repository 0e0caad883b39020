import type { z } from 'zod';
import { maskName } from '../../../shared/platform/masking';
import { reliefCan } from '../../../shared/relief/permissions';
import type { ApplicationDetail, ReviewInput } from '../../../shared/relief/schemas';
import { awaitingLevel, reliefTypes } from '../../../shared/relief/types';
import { toFen } from '../../../shared/relief/figures';
import { addDays, addMonths, chinaDay, chinaMonth } from '../../../shared/platform/chinaTime';
import type { UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import { getUnit } from '../../platform/units';
import * as store from '../store';
import type { ApplicationRecord } from '../store';
import { reliefNotices } from '../../../shared/relief/notices';
import type { Notification } from '../../platform/notify';
import {
  advance,
  applicationData,
  applicationLink,
  notesTo,
  reviewersOf,
  checkVersion,
  detailAfter,
  detailOf,
  firstLevelBy,
  historyEntry,
  inHouseholdOf,
  readable,
  scopeOf,
  summaryView,
  workerConfirmation,
  writeStep,
} from './common';

type Detail = z.infer<typeof ApplicationDetail>;

export const applicationDetail = (ctx: UserCtx, appId: string) => detailOf(ctx, appId);


/** Registry tags an approval implies */
const tagsOf: Partial<Record<ApplicationRecord['type'], string>> = { dibao: 'dibao', severeDisabilitySubsidy: 'disability', disabilityCard: 'disability', veteranCare: 'veteran', housingSubsidy: 'lowIncome', temporaryRelief: 'lowIncome' };

/**
 * What a final approval writes besides the application, in its transaction: the case that the monthly batch pays
 * (recurring types; a one-off payment in the month of approval for temporary relief), the household's registry entry,
 * and for dibao the public notice (masked name, for the region's notice period).
 */
async function approvalWrites(ctx: UserCtx, r: ApplicationRecord, amount: number | undefined): Promise<TxWrite[]> {
  const def = reliefTypes[r.type];
  const rules = await store.getRules(ctx.db, r.subdistrictId);
  const today = chinaDay(ctx.clock.now());
  const month = chinaMonth(ctx.clock.now());
  const head = r.members.find((m) => m.relation === 'self')!;
  const writes: TxWrite[] = [];
  let until: string | undefined;
  if (amount !== undefined && (def.recurring || r.type === 'temporaryRelief')) {
    const untilPeriod = def.recurring ? (def.caseMonths ? addMonths(month, def.caseMonths - 1) : undefined) : month;
    until = untilPeriod ? `${untilPeriod}-28` : undefined;
    const c: store.CaseRecord = {
      communityId: r.communityId,
      gridId: r.gridId,
      type: r.type,
      householdId: r.householdId,
      headNameMasked: maskName(head.name),
      applicationId: r.id,
      amountFen: toFen(amount),
      persons: r.persons,
      fromPeriod: month,
      untilPeriod,
    };
    writes.push({ put: { ...keys.reliefCase(r.communityId, r.type, r.householdId), entity: 'reliefCase', ...c } });
  }
  const tag = tagsOf[r.type];
  // the household as this approval confirmed it, bound to its owner: a household type states the whole household; a
  // personal type (usually the applicant alone) only where the registry held no members yet
  const members = r.memberHashes ?? r.personHashes;
  const household = def.scope === 'household';
  writes.push({
    update: keys.registryEntry(r.communityId, r.householdId),
    spec: {
      set: {
        residentId: r.ownerId,
        ...(household ? { memberHashes: members } : {}),
        ...(r.gridId ? keys.registryByGrid(r.gridId, r.householdId) : {}),
        entity: 'registryEntry',
        householdId: r.householdId,
        communityId: r.communityId,
        gridId: r.gridId,
        headName: head.name,
        // hashed at the application's create or edit for this household; an application from before issue 11 item 1
        // still carries its members' dates, written as they were until scripts/migrateSealBirthDates.ts hashes them
        ...(r.birthMonthHashes ? { birthMonthHashes: r.birthMonthHashes } : { birthDates: r.members.flatMap((m) => (m.birthDate ? [m.birthDate] : [])) }),
        updatedAt: ctx.clock.now().toISOString(),
        [`benefit_${r.type}`]: { since: today, until },
      },
      setIfAbsent: { source: 'application', createdAt: ctx.clock.now().toISOString(), tags: tag ? [tag] : [], flags: [], ...(household ? {} : { memberHashes: members }) },
      add: { version: 1 },
      // an entry from before issue 11 item 1 kept the dates in the clear
      ...(r.birthMonthHashes ? { remove: ['birthDates'] } : {}),
    },
  });
  if (r.type === 'dibao') {
    const noticeUntil = addDays(today, rules.dibaoNoticeDays);
    writes.push({
      put: {
        ...keys.reliefNotice(r.communityId, noticeUntil, r.id),
        entity: 'reliefNotice',
        name: maskName(head.name),
        type: r.type,
        persons: r.persons,
        approvedOn: today,
        until: noticeUntil,
        expiresAt: Math.floor(Date.parse(noticeUntil) / 1000) + 86_400 * 30,
      },
    });
  }
  return writes;
}

/**
 * A decision at the level awaited: the community's workers first, then the sub-district's officers where the type's
 * chain has a second level. Approve (the final one sets the amount and opens the case), reject with a reason, or send
 * back for information with what is missing.
 */
export async function reviewApplication(ctx: UserCtx, appId: string, input: ReviewInput): Promise<Detail> {
  // the application with its history in one query: the answer's timeline is that history and this step's entry
  const { app, history } = await store.readApplicationCollection(ctx.db, appId);
  const r = readable(ctx, app);
  const level = awaitingLevel(r.type, r.status, r.rules?.chain);
  const p = ctx.principal;
  const mayCommunity = reliefCan.reviewCommunity(p, r);
  const maySubdistrict = reliefCan.reviewSubdistrict(p, r);
  if (!level) {
    if (!mayCommunity && !maySubdistrict) throw new ForbiddenError();
    throw new ConflictError('APPLICATION_WRONG_STATE', { status: r.status });
  }
  if (level === 'community' ? !mayCommunity : !maySubdistrict) throw new ForbiddenError();
  // separation of duties: the applicant's side decides nothing of it, and the second level is another person
  if (reliefCan.isApplicant(p, scopeOf(r)) || (await inHouseholdOf(ctx, r))) throw new ForbiddenError('REVIEWER_IS_APPLICANT');
  if (level === 'subdistrict' && firstLevelBy(history) === p.userId) throw new ForbiddenError('SAME_REVIEWER_BOTH_LEVELS');
  checkVersion(r, input.version);
  const now = ctx.clock.now().toISOString();
  const chain = r.rules?.chain ?? reliefTypes[r.type].chain;
  const final = chain[chain.length - 1] === level;
  let next: ApplicationRecord;
  let extra: TxWrite[] = [];
  let action: string = input.decision;
  if (input.decision === 'requestInfo') {
    if (!input.note) throw new UnprocessableError('MISSING_ITEMS_REQUIRED');
    next = advance(ctx, r, 'infoRequested', { awaiting: undefined, waitingSince: undefined, infoRequested: { note: input.note, missing: input.missing ?? [], at: now } });
  } else if (input.decision === 'reject') {
    if (!input.note) throw new UnprocessableError('REASON_REQUIRED');
    next = advance(ctx, r, 'rejected', { awaiting: undefined, waitingSince: undefined, decisionReason: input.note, decidedAt: now, locked: false });
    extra = r.locked ? store.unlockWrites(r, r.personHashes) : [];
  } else if (!final) {
    // a household the registry did not hold is confirmed by this approval, which takes its locks (one active per person)
    next = advance(ctx, r, 'communityApproved', { awaiting: 'subdistrict', waitingSince: now, ...(r.locked ? {} : { locked: true, householdConfirmed: workerConfirmation(ctx, r) }) });
    extra = r.locked ? [] : store.lockWrites(r, r.personHashes);
    action = 'approveCommunity';
  } else {
    const def = reliefTypes[r.type];
    let amount: number | undefined;
    if (def.amount === 'assessed') {
      if (input.amount === undefined) throw new UnprocessableError('AMOUNT_REQUIRED');
      amount = input.amount;
    } else if (def.amount !== 'none') amount = input.amount ?? r.eligibility.suggestedAmount;
    next = advance(ctx, r, 'approved', { awaiting: undefined, waitingSince: undefined, amount, decisionReason: input.note, decidedAt: now, locked: false, householdConfirmed: r.householdConfirmed ?? workerConfirmation(ctx, r) });
    // never locked (a household confirmed by this approval, at a one-level type): no other application may hold them
    extra = [...(r.locked ? store.unlockWrites(r, r.personHashes) : store.freeChecks(r, r.personHashes)), ...(await approvalWrites(ctx, next, amount))];
  }
  const h = historyEntry(ctx, r.status, next.status, action, { note: input.note ?? (input.missing?.length ? input.missing.join('、') : undefined), level });
  await writeStep(ctx, r, next, h, extra, [], await decisionNotes(ctx, r, next));
  return detailAfter(ctx, next, [...history, h]);
}

/**
 * Who hears of a decision: the applicant (the owner, and the worker who filed it for them) always; for a community
 * approval that the sub-district must still decide, the sub-district's officers too (new work in their queue).
 */
async function decisionNotes(ctx: UserCtx, r: ApplicationRecord, next: ApplicationRecord): Promise<Notification[]> {
  const applicants = [r.ownerId, r.filedById];
  const link = applicationLink(r.id);
  switch (next.status) {
    case 'infoRequested':
      return notesTo(ctx, applicants, 'reliefDecision', reliefNotices.infoRequested(r.type, next.infoRequested!.note), link, applicationData(ctx, next, '需补充'));
    case 'rejected':
      return notesTo(ctx, applicants, 'reliefDecision', reliefNotices.rejected(r.type, next.decisionReason ?? ''), link, applicationData(ctx, next, '未获批准'));
    case 'approved':
      return notesTo(ctx, applicants, 'reliefDecision', reliefNotices.approved(r.type, next.amount), link, applicationData(ctx, next, '已批准'));
    case 'communityApproved': {
      const officers = await reviewersOf(ctx.db, r, 'subdistrict');
      return [
        ...notesTo(ctx, applicants, 'reliefDecision', reliefNotices.communityApproved(r.type), link, applicationData(ctx, next, '初审通过')),
        ...notesTo(ctx, officers.filter((u) => !applicants.includes(u)), 'reliefReview', reliefNotices.newWork(r.type, r.ownerName, 'subdistrict'), link, applicationData(ctx, next, '待审批')),
      ];
    }
    default:
      return [];
  }
}

/** A community's (unit = community) or sub-district's (unit = sub-district) queue, longest waiting first. */
export async function reviewQueue(ctx: UserCtx, unitId: string, query: { cursor?: string; limit?: number }) {
  const unit = await getUnit(ctx.db, unitId);
  if (!unit) throw new NotFoundError('unit');
  let level: 'community' | 'subdistrict';
  if (unit.kind === 'community') {
    if (!reliefCan.manageCommunity(ctx.principal, { subdistrictId: unit.path[0]!, communityId: unit.id })) throw new NotFoundError('unit');
    level = 'community';
  } else if (unit.kind === 'subdistrict') {
    if (!reliefCan.manageSubdistrict(ctx.principal, unit.id)) throw new NotFoundError('unit');
    level = 'subdistrict';
  } else throw new NotFoundError('unit');
  const page = await store.listQueue(ctx.db, level, unitId, query.limit ?? 50, query.cursor);
  return { items: page.items.map((r) => summaryView(ctx, r)), cursor: page.cursor };
}

/** 低保公示: approved dibao households of a community within their notice period, masked names, nothing else. */
export async function publicNotice(ctx: UserCtx, communityId: string, q: { cursor?: string; limit?: number }) {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community' || !reliefCan.readNotice(ctx.principal, { subdistrictId: unit.path[0]!, communityId })) throw new NotFoundError('community');
  const page = await store.listNotice(ctx.db, communityId, chinaDay(ctx.clock.now()), { limit: q.limit ?? 50, cursor: q.cursor });
  return { items: page.items.map((n) => ({ name: n.name, type: n.type, persons: n.persons, approvedOn: n.approvedOn, until: n.until })), cursor: page.cursor };
}
