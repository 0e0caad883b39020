import { policyIsNewer, policyText } from '../../../shared/privacy/policy';
import type { PrivacyState } from '../../../shared/privacy/schemas';
import { retentionRules } from '../../../shared/privacy/retention';
import type { UserCtx } from '../../platform/context';
import { ConflictError } from '../../platform/errors';
import * as store from '../store';


/**
 * The policy and my acceptance. A newer policy is a flag here, not a 428 on every call: the mini-program reads it at
 * launch and on 我的 and shows its existing agreement prompt again (state/privacy.ts), while pages already open keep
 * working; a 428 from any endpoint would break whatever page the person is on in the middle of a form.
 */
export async function privacyState(ctx: UserCtx): Promise<PrivacyState> {
  const [current, accepted] = await Promise.all([store.currentPolicyVersion(ctx.db), store.getPolicy(ctx.db, ctx.principal.userId)]);
  const newer = policyIsNewer(accepted?.version, current);
  return {
    policy: policyText(current),
    acceptedVersion: accepted?.version,
    acceptedAt: accepted?.at,
    needsAcceptance: newer,
    ...(newer ? { code: 'PRIVACY_POLICY_NEW_VERSION' as const } : {}),
  };
}

/** Records that I accept the current version (only the current one: a stale screen must show the new text first). */
export async function acceptPolicy(ctx: UserCtx, input: { version: string }): Promise<PrivacyState> {
  const current = await store.currentPolicyVersion(ctx.db);
  if (input.version !== current) throw new ConflictError('PRIVACY_POLICY_VERSION_UNKNOWN', { current });
  await ctx.db.transact([store.putPolicy(ctx.principal.userId, input.version, ctx.clock.now().toISOString())]);
  return privacyState(ctx);
}

export function retentionTable() {
  return { items: retentionRules.map(({ kind, nameZh, nameEn, days, from, then, enforcedBy }) => ({ kind, nameZh, nameEn, days, from, then, enforcedBy })) };
}
