import type { AnnouncementSettings, AnnouncementSettingsInput } from '../../../shared/announcements/schemas';
import type { UserCtx } from '../../platform/context';
import { keys } from '../../platform/keys';
import { settingsWrite } from '../store';
import { requireResident } from './view';

/** My building (for building announcements) and whether I am told of new ones; a bound resident only. */
export async function readSettings(ctx: UserCtx): Promise<AnnouncementSettings> {
  const { communityId } = requireResident(ctx);
  const it = await ctx.db.get<{ building?: string; notify?: boolean }>(keys.announcementSettings(communityId, ctx.principal.userId));
  return { communityId, ...(it?.building ? { building: it.building } : {}), notify: it?.notify === true };
}

export async function putSettings(ctx: UserCtx, input: AnnouncementSettingsInput): Promise<AnnouncementSettings> {
  const { communityId } = requireResident(ctx);
  const building = input.building ?? undefined;
  await ctx.db.transact([settingsWrite({ userId: ctx.principal.userId, communityId, building, notify: input.notify })]);
  return { communityId, ...(building ? { building } : {}), notify: input.notify };
}
