import { text } from '../../../shared/notifications/texts';
import { stepDeadline } from '../../../shared/fiveLists/deadlines';
import type { FiveListMatter, ResolveInput } from '../../../shared/fiveLists/schemas';
import type { UserCtx } from '../../platform/context';
import { keys } from '../../platform/keys';
import { resolvedFigureWrites } from '../figures';
import * as store from '../store';
import { aboutMatter, advance, applyTransition, authorize, checkPhotoKeys, checkVersion, matterView, readable } from './common';
import { screenStaffText } from '../../platform/contentSecurity';

/**
 * 办结: the unit reports what it did, with photos. Its score ledger notes whether that was on time; the submitter and
 * everyone who backed the matter are asked to rate; its watchers are told it is done (they do not rate). Two round
 * trips: the matter's collection (it names the backers and watchers), one transaction.
 */
export async function resolve(ctx: UserCtx, matterId: string, input: ResolveInput): Promise<FiveListMatter> {
  const col = await store.readCollection(ctx.db, matterId);
  const current = readable(ctx, col.matter);
  const to = authorize(ctx, current, 'resolve', { note: input.note, photos: input.photos });
  checkVersion(current, input.version);
  checkPhotoKeys(ctx, input.photos);
  // the resolution note is shown to the submitter, backers and watchers
  await screenStaffText(ctx, [{ name: 'note', zh: '办理情况', en: 'note', text: input.note }]);
  await ctx.storage.keep(input.photos);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const onTime = !current.resolveBy || at <= current.resolveBy;
  const next = advance(ctx, current, to, {
    resolution: { note: input.note, photoKeys: input.photos, at, byId: ctx.principal.userId, byName: ctx.principal.displayName ?? '' },
    deadlineAt: stepDeadline(to, now),
  });
  const extra = current.scoreYear
    ? [
        {
          update: keys.unitScoreEntry(current.subdistrictId, current.scoreYear, current.unitId!, current.id),
          spec: { set: { resolved: true, onTime, resolvedAt: at } },
        },
        // the work summary's counters mirror the score entry, in the transition's transaction
        ...resolvedFigureWrites(current, at, onTime),
      ]
    : [];
  const said = { matter: current.text.slice(0, 18), unit: current.unitName ?? '', note: input.note.slice(0, 40) };
  await applyTransition(ctx, current, next, {
    action: 'resolve',
    note: input.note,
    extra,
    notify: [
      ...aboutMatter(ctx, next, [current.submitterId, ...col.backers], 'fiveListsProgress', text('fiveLists.resolved', { ...said, rate: true })),
      // watchers do not rate: they only hear it is done (each person once: one who also backs it is asked to rate)
      ...aboutMatter(ctx, next, col.watchers.filter((u) => u !== current.submitterId && !col.backers.includes(u)), 'fiveListsProgress', text('fiveLists.resolved', { ...said, rate: false })),
    ],
  });
  return matterView(ctx, next, ctx.principal);
}
