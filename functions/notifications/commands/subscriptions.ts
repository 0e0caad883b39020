import type { UserCtx } from '../../platform/context';
import { keys } from '../../platform/keys';

/**
 * The mini-program reports what wx.requestSubscribeMessage answered. Each 'accept' is one message WeChat will let us
 * send to this user with that template: the backend counts them and the sender spends them.
 */
export async function reportSubscriptions(ctx: UserCtx, results: Record<string, string>): Promise<{ counts: Record<string, number> }> {
  const byTemplateId = new Map(Object.entries(ctx.config.templates).map(([key, id]) => [id, key]));
  const counts: Record<string, number> = {};
  for (const [templateId, answer] of Object.entries(results)) {
    const key = byTemplateId.get(templateId);
    if (!key) continue; // not one of ours: ignore, never store
    if (answer !== 'accept') {
      const state = await ctx.db.get<{ count?: number }>(keys.subscribeGrant(ctx.principal.userId, key));
      counts[key] = state?.count ?? 0;
      continue;
    }
    const state = await ctx.db.update<{ count: number }>(keys.subscribeGrant(ctx.principal.userId, key), {
      add: { count: 1 },
      set: { template: key, updatedAt: ctx.clock.now().toISOString() },
    });
    counts[key] = state.count;
  }
  return { counts };
}
