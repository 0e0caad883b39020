import { text } from '../../../shared/notifications/texts';
import { stepDeadline } from '../../../shared/fiveLists/deadlines';
import { chinaYear } from '../../../shared/platform/chinaTime';
import type { FiveListMatter, ReviewInput } from '../../../shared/fiveLists/schemas';
import type { UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { UnprocessableError } from '../../platform/errors';
import { historyItem, type FiveListRecord } from '../intake';
import { keys } from '../../platform/keys';
import * as store from '../store';
import { carryWrite } from '../work';
import { aboutMatter, advance, applyTransition, authorize, checkVersion, matterView, readable, toResidents } from './common';

/**
 * 大工委审单: the joint committee confirms a dispatch (the unit is told and its score ledger gets the matter), returns
 * it with a reason, or merges a duplicate into another matter (its submitter and seconders carried over as backers).
 * Members of the joint committee (`jointCommittee`) review; sub-district officers may too (shared/fiveLists/machine.ts).
 */
export async function review(ctx: UserCtx, matterId: string, input: ReviewInput): Promise<FiveListMatter> {
  if (input.decision === 'merge') return merge(ctx, matterId, input.intoMatterId, input.version, input.note);
  const col = await store.readCollection(ctx.db, matterId);
  const current = readable(ctx, col.matter);
  const now = ctx.clock.now();
  if (input.decision === 'return') {
    const to = authorize(ctx, current, 'return', { note: input.note });
    checkVersion(current, input.version);
    const next = advance(ctx, current, to, { deadlineAt: stepDeadline(to, now) });
    await applyTransition(ctx, current, next, {
      action: 'return',
      note: input.note,
      notify: aboutMatter(ctx, next, [current.dispatchedBy], 'fiveListsTask', text('fiveLists.dispatchReturned', { matter: current.text.slice(0, 18), note: input.note })),
    });
    return matterView(ctx, next, ctx.principal);
  }
  const to = authorize(ctx, current, 'confirm', {});
  checkVersion(current, input.version);
  const year = chinaYear(now);
  const next = advance(ctx, current, to, { deadlineAt: stepDeadline(to, now), scoreYear: year });
  const contacts = await store.holdersOf(ctx.db, current.unitId!, 'unitContact');
  const entry: TxWrite = {
    put: {
      ...keys.unitScoreEntry(current.subdistrictId, year, current.unitId!, current.id),
      entity: 'unitScoreEntry',
      unitId: current.unitId,
      matterId: current.id,
      resolved: false,
      onTime: false,
      round: 0,
      satisfied: 0,
      partly: 0,
      notSatisfied: 0,
      starSum: 0,
    },
  };
  await applyTransition(ctx, current, next, {
    action: 'confirm',
    note: input.note,
    extra: [entry],
    notify: [
      ...aboutMatter(ctx, next, contacts, 'fiveListsTask', text('fiveLists.newTask', { matter: current.text.slice(0, 18), unit: current.unitName ?? '' })),
      ...toResidents(
        ctx,
        next,
        { submitterId: current.submitterId, backers: col.backers, watchers: col.watchers },
        text('fiveLists.reviewed', { matter: current.text.slice(0, 18), unit: current.unitName ?? '', followed: false }),
        text('fiveLists.reviewed', { matter: current.text.slice(0, 18), unit: current.unitName ?? '', followed: true }),
        contacts,
      ),
    ],
  });
  return matterView(ctx, next, ctx.principal);
}

/** At most this many backers are carried in the merge's own transaction; more by a work item written in it. */
const BACKERS_IN_TX = 60;

async function merge(ctx: UserCtx, matterId: string, intoId: string, version: number, note?: string): Promise<FiveListMatter> {
  const [source, into] = await Promise.all([store.readCollection(ctx.db, matterId), store.readCollection(ctx.db, intoId)]);
  const target = into.matter;
  const current = readable(ctx, source.matter);
  const to = authorize(ctx, current, 'merge', { target: intoId });
  checkVersion(current, version);
  if (!target || intoId === matterId || target.communityId !== current.communityId || target.state === 'merged' || target.state === 'closed') {
    throw new UnprocessableError('MERGE_TARGET_INVALID');
  }
  const now = ctx.clock.now().toISOString();
  const next = advance(ctx, current, to, { mergedInto: intoId, deadlineAt: undefined });
  // the submitter and backers of the duplicate back the matter it is merged into; the item is an update, not a put, so
  // one who already watches that matter keeps watching it (and its count stays true)
  const carried = [...new Set([current.submitterId, ...source.backers])].filter((u) => u !== target.submitterId);
  const watcherPut = (userId: string): TxWrite => ({ update: keys.fiveListWatcher(intoId, userId), spec: { set: { entity: 'fiveListWatcher', userId, from: matterId, at: now } } });
  // the duplicate's watchers watch the matter it is merged into, unless they are told there anyway
  const told = new Set([target.submitterId, ...into.backers, ...carried]);
  const watchers = source.watchers.filter((u) => !told.has(u));
  // a person counts once: carried people who already back the matter (they seconded it too, or came with an earlier
  // merge) add nothing; the target's version condition keeps its backers as read
  const backing = new Set(into.backers);
  const newBackers = carried.filter((u) => !backing.has(u)).length;
  const targetNext = target.version + 1;
  const extra: TxWrite[] = [
    {
      update: keys.fiveListMatter(intoId),
      spec: {
        add: { secondCount: newBackers, version: 1 },
        set: { updatedAt: now },
        if: { expr: '#version = :v AND #state <> :merged AND #state <> :closed', values: { ':v': target.version, ':merged': 'merged', ':closed': 'closed' } },
      },
      fails: 'STALE_VERSION',
    },
    {
      put: historyItem(intoId, targetNext, { at: now, action: 'merge', from: target.state, to: target.state, byId: ctx.principal.userId, byName: ctx.principal.displayName ?? '', byResident: false, note: `合并了重复事项 ${matterId}${note ? `：${note}` : ''}` }),
      if: { expr: 'attribute_not_exists(#pk)' },
      fails: 'STALE_VERSION',
    },
    ...carried.slice(0, BACKERS_IN_TX).map(watcherPut),
    // the backers past those and the duplicate's watchers: carried by the worker, but decided here, atomically with the
    // merge (if they followed the commit in this request and it died, they would lose the right to rate for good)
    ...(carried.length > BACKERS_IN_TX || watchers.length ? [carryWrite(ctx, { ref: intoId, from: matterId, at: now, backers: carried.slice(BACKERS_IN_TX), watchers })] : []),
  ];
  await applyTransition(ctx, current, next, {
    action: 'merge',
    note: note ?? `合并到 ${intoId}`,
    extra,
    notify: toResidents(
      ctx,
      next,
      { submitterId: current.submitterId, backers: source.backers, watchers: source.watchers },
      text('fiveLists.merged', { matter: current.text.slice(0, 18), followed: false }),
      text('fiveLists.merged', { matter: current.text.slice(0, 18), followed: true }),
    ),
  });
  return matterView(ctx, next, ctx.principal);
}
