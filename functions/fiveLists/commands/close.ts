import type { FiveListMatter } from '../../../shared/fiveLists/schemas';
import type { UserCtx } from '../../platform/context';
import * as store from '../store';
import { aboutMatter, advance, applyTransition, authorize, checkVersion, matterView, readable } from './common';

/** The sub-district closes a matter: one not pursued (collected or returned), or one resolved and rated. */
export async function close(ctx: UserCtx, matterId: string, input: { note: string; version: number }): Promise<FiveListMatter> {
  const current = readable(ctx, await store.getFiveList(ctx.db, matterId));
  const to = authorize(ctx, current, 'close', { note: input.note });
  checkVersion(current, input.version);
  const next = advance(ctx, current, to, { deadlineAt: undefined });
  await applyTransition(ctx, current, next, {
    action: 'close',
    note: input.note,
    notify: aboutMatter(ctx, next, [current.submitterId], 'fiveListsProgress', '您的事项已关闭', `「${current.text.slice(0, 18)}」已关闭：${input.note}`),
  });
  return matterView(ctx, next, ctx.principal);
}
