import { text } from '../../../shared/notifications/texts';
import type { FiveListMatter } from '../../../shared/fiveLists/schemas';
import type { UserCtx } from '../../platform/context';
import * as store from '../store';
import { advance, applyTransition, authorize, checkVersion, matterView, readable, toResidents } from './common';
import { screenStaffText } from '../../platform/contentSecurity';

/** The sub-district closes a matter: one not pursued (collected or returned), or one resolved and rated. */
export async function close(ctx: UserCtx, matterId: string, input: { note: string; version: number }): Promise<FiveListMatter> {
  const col = await store.readCollection(ctx.db, matterId);
  const current = readable(ctx, col.matter);
  const to = authorize(ctx, current, 'close', { note: input.note });
  checkVersion(current, input.version);
  // the closing note is told to the residents who follow the matter
  await screenStaffText(ctx, [{ name: 'note', zh: '办结说明', en: 'note', text: input.note }]);
  const next = advance(ctx, current, to, { deadlineAt: undefined });
  await applyTransition(ctx, current, next, {
    action: 'close',
    note: input.note,
    notify: toResidents(
      ctx,
      next,
      { submitterId: current.submitterId, backers: col.backers, watchers: col.watchers },
      text('fiveLists.closed', { matter: current.text.slice(0, 18), note: input.note, followed: false }),
      text('fiveLists.closed', { matter: current.text.slice(0, 18), note: input.note, followed: true }),
    ),
  });
  return matterView(ctx, next, ctx.principal);
}
