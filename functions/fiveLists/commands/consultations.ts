import { canRunCouncil, canVote, isOfficerOf } from '../../../shared/fiveLists/permissions';
import type { Consultation, CreateConsultationInput } from '../../../shared/fiveLists/schemas';
import { can } from '../../../shared/org/permissions';
import type { Principal } from '../../../shared/org/schemas';
import type { UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { getUnit, type UnitRecord } from '../../platform/units';
import { strip } from '../store';
import { checkPhotoKeys } from './common';
import { consultationFigureWrites } from '../figures';
import { authorOpenid, queueWrites, screenStaffText, screenText, type ContentMeta } from '../../platform/contentSecurity';
import { canModerate } from '../../../shared/moderation/permissions';
import { markOf, shownTo } from '../../../shared/moderation/visibility';
import type { ModState } from '../../../shared/moderation/schemas';

/**
 * 民生决策咨询: a major decision put to the residents of a community (or of the whole sub-district): options, a voting
 * window, comments, and after the close the result with counts. One vote per resident is an item written only where
 * absent; changing it moves the counts in the same transaction, conditional on the option it replaces and on the window.
 * Counts are top-level attributes (`votes_o0`, ...) so they are plain atomic counters.
 */
interface ConsultationRecord {
  id: string;
  unitId: string;
  title: string;
  description: string;
  attachmentKeys: string[];
  options: { id: string; label: string }[];
  opensAt: string;
  closesAt: string;
  commentCount: number;
  createdAt: string;
  createdBy: string;
  [count: `votes_${string}`]: number;
}

const countAttr = (optionId: string) => `votes_${optionId}` as const;

/** Who may read (and, for staff, run) a consultation of this unit. */
function access(p: Principal, unit: UnitRecord): { read: boolean; staff: boolean } {
  if (unit.kind === 'community') {
    const scope = { subdistrictId: unit.path[0]!, communityId: unit.id };
    return { read: can.readCommunity(p, scope), staff: canRunCouncil(p, scope) };
  }
  if (unit.kind === 'subdistrict') {
    const staff = isOfficerOf(p, unit.id);
    return { read: staff || p.grants.some((g) => g.unitPath[0] === unit.id), staff };
  }
  return { read: false, staff: false };
}

async function view(ctx: UserCtx, c: ConsultationRecord, myVote?: string): Promise<Consultation> {
  const now = ctx.clock.now().toISOString();
  const phase = now < c.opensAt ? 'upcoming' : now < c.closesAt ? 'open' : 'closed';
  const counts = Object.fromEntries(c.options.map((o) => [o.id, Number(c[countAttr(o.id)] ?? 0)]));
  return {
    id: c.id,
    unitId: c.unitId,
    title: c.title,
    description: c.description,
    attachments: await Promise.all(c.attachmentKeys.map(async (key) => ({ key, url: await ctx.storage.readUrl(key) }))),
    options: c.options,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    phase,
    myVote,
    result: phase === 'closed' ? { counts, total: Object.values(counts).reduce((a, b) => a + b, 0) } : undefined,
    commentCount: c.commentCount,
    createdAt: c.createdAt,
  };
}

export async function createConsultation(ctx: UserCtx, input: CreateConsultationInput): Promise<Consultation> {
  const unit = await getUnit(ctx.db, input.unitId);
  if (!unit || !access(ctx.principal, unit).read) throw new NotFoundError('unit');
  if (!access(ctx.principal, unit).staff) throw new ForbiddenError();
  const opensAt = new Date(input.opensAt).toISOString();
  const closesAt = new Date(input.closesAt).toISOString();
  const now = ctx.clock.now().toISOString();
  if (closesAt <= opensAt || closesAt <= now) throw new UnprocessableError('INVALID_WINDOW');
  checkPhotoKeys(ctx, input.attachments);
  // what the residents vote on: the title, the description and each option, checked as the officer or worker who asks
  await screenStaffText(ctx, [
    { name: 'title', zh: '标题', en: 'title', text: input.title },
    { name: 'description', zh: '说明', en: 'description', text: input.description },
    ...input.options.map((text, i) => ({ name: `options.${i}`, zh: `第${i + 1}个选项`, en: `option ${i + 1}`, text })),
  ]);
  await ctx.storage.keep(input.attachments);
  const options = input.options.map((label, i) => ({ id: `o${i}`, label }));
  const id = ctx.newId();
  const record: ConsultationRecord = {
    id,
    unitId: unit.id,
    title: input.title,
    description: input.description,
    attachmentKeys: input.attachments,
    options,
    opensAt,
    closesAt,
    commentCount: 0,
    createdAt: now,
    createdBy: ctx.principal.userId,
    ...Object.fromEntries(options.map((o) => [countAttr(o.id), 0])),
  };
  return transactCreate(
    ctx,
    [
      { put: { ...keys.consultation(id), ...keys.consultationOfUnit(unit.id, now, id), entity: 'consultation', ...record }, if: { expr: 'attribute_not_exists(#pk)' } },
      // the work summary counts it in the month its vote opens, in the same write
      ...consultationFigureWrites(unit, record),
    ],
    await view(ctx, record),
  );
}

/** A unit's consultations, newest first, a page at a time (they were cut at the newest 100). */
export async function listConsultations(ctx: UserCtx, unitId: string, q: { cursor?: string; limit?: number } = {}): Promise<{ items: Consultation[]; cursor?: string }> {
  const unit = await getUnit(ctx.db, unitId);
  if (!unit || !access(ctx.principal, unit).read) throw new NotFoundError('unit');
  const { gsi1pk } = keys.consultationOfUnit(unitId, '', '');
  const page = await ctx.db.query<Record<string, unknown>>({ index: 'gsi1', pk: gsi1pk, ascending: false, limit: q.limit ?? 50, cursor: q.cursor });
  return { items: await Promise.all(page.items.map((i) => view(ctx, strip<ConsultationRecord>(i)))), cursor: page.cursor };
}

/** The consultation and my vote in one BatchGet, then its unit (cached tree read) for the access check. */
async function readable(ctx: UserCtx, consultationId: string) {
  const items = await ctx.db.batchGet<Record<string, unknown>>([keys.consultation(consultationId), keys.consultationVote(consultationId, ctx.principal.userId)]);
  const it = items.find((i) => i.sk === keys.consultation(consultationId).sk);
  if (!it) throw new NotFoundError('consultation');
  const c = strip<ConsultationRecord>(it);
  const unit = await getUnit(ctx.db, c.unitId);
  if (!unit || !access(ctx.principal, unit).read) throw new NotFoundError('consultation');
  const vote = items.find((i) => i.sk !== keys.consultation(consultationId).sk) as { optionId: string } | undefined;
  return { c, unit, myVote: vote?.optionId };
}

export async function getConsultation(ctx: UserCtx, consultationId: string): Promise<Consultation> {
  const { c, myVote } = await readable(ctx, consultationId);
  return view(ctx, c, myVote);
}

export async function vote(ctx: UserCtx, consultationId: string, optionId: string): Promise<Consultation> {
  const { c, unit, myVote } = await readable(ctx, consultationId);
  if (!canVote(ctx.principal, unit)) throw new ForbiddenError('NOT_BOUND');
  if (!c.options.some((o) => o.id === optionId)) throw new UnprocessableError('INVALID_OPTION');
  const now = ctx.clock.now().toISOString();
  if (now < c.opensAt || now >= c.closesAt) throw new ConflictError('CONSULTATION_NOT_OPEN');
  if (myVote === optionId) return view(ctx, c, myVote);
  const voteKey = keys.consultationVote(consultationId, ctx.principal.userId);
  const window = { expr: '#opensAt <= :now AND #closesAt > :now', values: { ':now': now } };
  // the window first: a vote after the close is answered so, whatever else failed; a vote failing alone means another
  // tap of mine got there first: refresh
  const writes: TxWrite[] = myVote
    ? [
        { update: keys.consultation(consultationId), spec: { add: { [countAttr(myVote)]: -1, [countAttr(optionId)]: 1 }, if: window }, fails: 'CONSULTATION_NOT_OPEN' },
        { update: voteKey, spec: { set: { optionId, at: now }, if: { expr: '#optionId = :old', values: { ':old': myVote } } }, fails: 'CONFLICT' },
      ]
    : [
        { update: keys.consultation(consultationId), spec: { add: { [countAttr(optionId)]: 1 }, if: window }, fails: 'CONSULTATION_NOT_OPEN' },
        { put: { ...voteKey, entity: 'consultationVote', userId: ctx.principal.userId, optionId, at: now }, if: { expr: 'attribute_not_exists(#pk)' }, fails: 'CONFLICT' },
      ];
  await ctx.db.transact(writes);
  const counts = { ...c, [countAttr(optionId)]: Number(c[countAttr(optionId)] ?? 0) + 1, ...(myVote ? { [countAttr(myVote)]: Number(c[countAttr(myVote)] ?? 0) - 1 } : {}) };
  return view(ctx, counts as ConsultationRecord, optionId);
}

export async function listComments(ctx: UserCtx, consultationId: string, q: { cursor?: string; limit?: number }) {
  const { unit } = await readable(ctx, consultationId);
  const { pk, sk } = keys.consultationComment(consultationId, '');
  const page = await ctx.db.query<{ id: string; authorId: string; authorName: string; text: string; at: string; modState?: ModState; modReason?: string }>({ pk, prefix: sk, ascending: false, limit: q.limit ?? 20, cursor: q.cursor });
  // a comment in review or hidden reaches only its author and the staff who moderate (a page may come out shorter)
  const staff = canModerate(ctx.principal, moderationScope(unit));
  const items = page.items.flatMap((i) => {
    const reader = { author: i.authorId === ctx.principal.userId, staff };
    if (!shownTo(i.modState, reader)) return [];
    const moderation = markOf(i, 0, reader);
    return [{ id: i.id, authorName: i.authorName, text: i.text, at: i.at, mine: reader.author, ...(moderation ? { moderation } : {}) }];
  });
  return { items, cursor: page.cursor };
}

/** Those who may vote may comment, until the close; staff may answer. */
export async function comment(ctx: UserCtx, consultationId: string, text: string) {
  const { c, unit } = await readable(ctx, consultationId);
  if (!canVote(ctx.principal, unit) && !access(ctx.principal, unit).staff) throw new ForbiddenError('NOT_BOUND');
  const now = ctx.clock.now().toISOString();
  if (now >= c.closesAt) throw new ConflictError('CONSULTATION_NOT_OPEN');
  const id = ctx.newId();
  // content security before it is stored: risky is refused, doubtful (or unjudged: WeChat down) is held for the workers
  const screened = await screenText(ctx, await authorOpenid(ctx), [{ name: 'text', zh: '评论', en: 'comment', text }], 2);
  const authorName = ctx.principal.displayName ?? '居民';
  const meta: ContentMeta = { kind: 'comment', ref: `${consultationId}.${id}`, ...moderationScope(unit), authorId: ctx.principal.userId, authorName, text, link: `/packages/fiveLists/consultation/index?id=${consultationId}` };
  const moderation = screened.modState ? { state: screened.modState } : undefined;
  const item = { id, authorName, text, at: now, mine: true, ...(moderation ? { moderation } : {}) };
  return transactCreate(ctx, [
    { put: { ...keys.consultationComment(consultationId, id), ...keys.consultationCommentByAuthor(ctx.principal.userId, consultationId, id), entity: 'consultationComment', id, authorId: ctx.principal.userId, authorName, text, at: now, ...(screened.modState ? { modState: screened.modState } : {}) }, if: { expr: 'attribute_not_exists(#pk)' } },
    { update: keys.consultation(consultationId), spec: { add: { commentCount: 1 }, if: { expr: '#closesAt > :now', values: { ':now': now } } }, fails: 'CONSULTATION_NOT_OPEN' },
    ...queueWrites(ctx, meta, screened.causes),
  ], item);
}

/** Where a consultation's comments are moderated: its community, or (a sub-district's consultation) the sub-district's officers. */
function moderationScope(unit: UnitRecord): { subdistrictId: string; communityId?: string } {
  return unit.kind === 'community' ? { subdistrictId: unit.path[0]!, communityId: unit.id } : { subdistrictId: unit.path[0]! };
}
