import { text } from '../../../shared/notifications/texts';
import { addDays, defaultResolveDays, stepDeadline } from '../../../shared/fiveLists/deadlines';
import type { FiveListMatter } from '../../../shared/fiveLists/schemas';
import type { UserCtx } from '../../platform/context';
import { ConflictError, UnprocessableError } from '../../platform/errors';
import * as store from '../store';
import { aboutMatter, advance, applyTransition, authorize, checkVersion, matterView, readable, toResidents } from './common';

/**
 * 单位领单: a contact of the unit the matter was confirmed to takes it on. One owner: the write is conditional on the
 * state and version read, so of many claims at once exactly one wins and the others hear ALREADY_CLAIMED.
 * A reopened matter is claimed again, with a fresh resolution deadline from its category.
 */
export async function claim(ctx: UserCtx, matterId: string, version: number): Promise<FiveListMatter> {
  const col = await store.readCollection(ctx.db, matterId);
  const current = readable(ctx, col.matter);
  if (current.state === 'claimed') throw new ConflictError('ALREADY_CLAIMED');
  const to = authorize(ctx, current, 'claim', {});
  checkVersion(current, version);
  const now = ctx.clock.now();
  const resolveBy = current.state === 'reopened' ? addDays(now, defaultResolveDays[current.category]) : current.resolveBy;
  const next = advance(ctx, current, to, {
    claimedBy: ctx.principal.userId,
    claimedByName: ctx.principal.displayName ?? '',
    claimedAt: now.toISOString(),
    resolveBy,
    deadlineAt: stepDeadline(to, now, { resolveBy }),
  });
  await applyTransition(ctx, current, next, {
    action: 'claim',
    notify: toResidents(
      ctx,
      next,
      { submitterId: current.submitterId, backers: col.backers, watchers: col.watchers },
      text('fiveLists.claimed', { matter: current.text.slice(0, 18), unit: current.unitName ?? '', followed: false }),
      text('fiveLists.claimed', { matter: current.text.slice(0, 18), unit: current.unitName ?? '', followed: true }),
    ),
  });
  return matterView(ctx, next, ctx.principal);
}

/** The unit asks, once, for more time, with a reason; the officer who dispatched it is told. */
export async function requestExtension(ctx: UserCtx, matterId: string, input: { until: string; reason: string }): Promise<FiveListMatter> {
  const current = readable(ctx, await store.getFiveList(ctx.db, matterId));
  const until = new Date(input.until).toISOString();
  const to = authorize(ctx, current, 'requestExtension', { note: input.reason, deadline: until });
  if (current.extension) throw new ConflictError('EXTENSION_ALREADY_REQUESTED');
  const now = ctx.clock.now().toISOString();
  if (until <= now || (current.resolveBy && until <= current.resolveBy)) throw new UnprocessableError('DEADLINE_IN_PAST');
  const next = advance(ctx, current, to, { extension: { until, reason: input.reason, requestedAt: now } });
  await applyTransition(ctx, current, next, {
    action: 'requestExtension',
    note: input.reason,
    notify: aboutMatter(ctx, next, [current.dispatchedBy], 'fiveListsTask', text('fiveLists.extensionRequested', { matter: current.text.slice(0, 18), unit: current.unitName ?? '', until: until.slice(0, 10), reason: input.reason })),
  });
  return matterView(ctx, next, ctx.principal);
}

/** The sub-district grants (the resolution deadline moves) or refuses the extension. */
export async function decideExtension(ctx: UserCtx, matterId: string, input: { approve: boolean; note?: string }): Promise<FiveListMatter> {
  const current = readable(ctx, await store.getFiveList(ctx.db, matterId));
  const to = authorize(ctx, current, 'decideExtension', {});
  if (!current.extension || current.extension.decision) throw new ConflictError('NO_EXTENSION_PENDING');
  const now = ctx.clock.now().toISOString();
  const extension = { ...current.extension, decision: input.approve ? ('approved' as const) : ('denied' as const), decidedAt: now, decisionNote: input.note };
  const next = advance(ctx, current, to, {
    extension,
    ...(input.approve ? { resolveBy: current.extension.until, deadlineAt: current.extension.until } : {}),
  });
  await applyTransition(ctx, current, next, {
    action: 'decideExtension',
    note: `${input.approve ? '同意延期' : '不同意延期'}${input.note ? `：${input.note}` : ''}`,
    notify: aboutMatter(ctx, next, [current.claimedBy], 'fiveListsTask', text('fiveLists.extensionDecided', { matter: current.text.slice(0, 18), approved: input.approve, until: current.extension.until.slice(0, 10) })),
  });
  return matterView(ctx, next, ctx.principal);
}
