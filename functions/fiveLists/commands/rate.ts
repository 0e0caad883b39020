import { text } from '../../../shared/notifications/texts';
import { addDays, defaultResolveDays, stepDeadline } from '../../../shared/fiveLists/deadlines';
import type { FiveListMatter, RateInput } from '../../../shared/fiveLists/schemas';
import type { UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { ConflictError, ForbiddenError } from '../../platform/errors';
import { notificationWrites } from '../../platform/notify';
import type { FiveListRecord } from '../intake';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { asEntryFigures, ratedFigureWrites, reopenedFigureWrites } from '../figures';
import * as store from '../store';
import { aboutMatter, advance, authorize, matterView, readable, transitionWrites } from './common';

class Retry extends Error {}
/** the tag of the writes whose failure means the matter moved since it was read (another rater): read again and retry */
const MOVED = 'matterMoved';

/**
 * 群众评单: the submitter and those who backed the matter rate the result within the rating window. A rating is an item
 * written only where absent, in the same transaction as the counts: given twice (or fifty times at once), it counts
 * once. "Not satisfied" from the submitter reopens the matter, once, back to the unit; the round's ratings are then
 * superseded by the next round's. Concurrent raters move the same matter: a lost version race is retried.
 */
export async function rate(ctx: UserCtx, matterId: string, input: RateInput): Promise<{ matter: FiveListMatter; reopened: boolean }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rateOnce(ctx, matterId, input);
    } catch (e) {
      if (!(e instanceof Retry) || attempt >= 4) throw e instanceof Retry ? new ConflictError('STALE_VERSION') : e;
    }
  }
}

async function rateOnce(ctx: UserCtx, matterId: string, input: RateInput): Promise<{ matter: FiveListMatter; reopened: boolean }> {
  const { matter, backer } = await store.getMyPart(ctx.db, matterId, ctx.principal.userId);
  const current = readable(ctx, matter);
  const me = ctx.principal.userId;
  const submitter = current.submitterId === me;
  const reopen = input.level === 'notSatisfied' && submitter && current.reopenCount === 0;
  const to = authorize(ctx, current, reopen ? 'reopen' : 'rate', {});
  if (!submitter && !backer) throw new ForbiddenError('NOT_A_RATER');
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (current.deadlineAt && current.deadlineAt < at) throw new ConflictError('RATING_WINDOW_CLOSED');

  const next: FiveListRecord = reopen
    ? advance(ctx, current, to, {
        reopenCount: 1,
        round: current.round + 1,
        ratingCount: 0,
        resolveBy: addDays(now, defaultResolveDays[current.category]),
        deadlineAt: stepDeadline(to, now),
      })
    : advance(ctx, current, to, { ratingCount: current.ratingCount + 1 });
  const ratingWrite: TxWrite = {
    put: { ...keys.fiveListRating(matterId, current.round, me), entity: 'fiveListRating', userId: me, round: current.round, level: input.level, stars: input.stars, comment: input.comment, at },
    if: { expr: 'attribute_not_exists(#pk)' },
    fails: 'ALREADY_RATED',
  };
  const entryKey = current.scoreYear && current.unitId ? keys.unitScoreEntry(current.subdistrictId, current.scoreYear, current.unitId, current.id) : undefined;
  // a reopen takes the round's resolution and ratings back out of the work summary's counters: the entry as read, on
  // the condition that it is still so (a rating landing meanwhile makes this one read again)
  const entryRead = reopen && entryKey ? await ctx.db.get<Parameters<typeof asEntryFigures>[0]>(entryKey, true) : undefined;
  const read = entryRead ? asEntryFigures(entryRead) : undefined;
  const entryWrite: TxWrite[] = !entryKey
    ? []
    : reopen
      ? [
          {
            update: entryKey,
            spec: {
              set: { resolved: false, onTime: false, satisfied: 0, partly: 0, notSatisfied: 0, starSum: 0, round: next.round },
              if: read
                ? { expr: '#satisfied = :s AND #partly = :p AND #notSatisfied = :n AND #starSum = :t', values: { ':s': read.satisfied, ':p': read.partly, ':n': read.notSatisfied, ':t': read.starSum } }
                : { expr: 'attribute_not_exists(#pk)' },
            },
            tag: MOVED,
          },
          ...reopenedFigureWrites(current, read),
        ]
      : [{ update: entryKey, spec: { add: { [input.level]: 1, starSum: input.stars }, if: { expr: '#round = :r', values: { ':r': current.round } } }, tag: MOVED }, ...ratedFigureWrites(current, input.level, input.stars)];
  const notes = aboutMatter(
    ctx,
    next,
    [current.claimedBy],
    reopen ? 'fiveListsTask' : 'fiveListsProgress',
    reopen ? text('fiveLists.reopened', { matter: current.text.slice(0, 18) }) : text('fiveLists.rated', { matter: current.text.slice(0, 18), level: input.level, stars: input.stars }),
  );
  const writes = [
    ratingWrite,
    ...transitionWrites(at, current, next, { action: reopen ? 'reopen' : 'rate', note: input.comment, byId: me, byName: ctx.principal.displayName ?? '', byResident: true }).map((w) => ({ ...w, tag: MOVED })),
    ...entryWrite,
    ...notes.flatMap((n) => notificationWrites(ctx, n)),
  ];
  const result = { matter: await matterView(ctx, next, ctx.principal), reopened: reopen };
  return transactCreate(ctx, writes, result, (e) => {
    if (e.failed(MOVED)) throw new Retry();
    throw e;
  });
}
