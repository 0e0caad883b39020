import type { ConsentEntry } from '../../../shared/privacy/schemas';
import type { UserCtx } from '../../platform/context';
import { TransactionCancelled } from '../../platform/db';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { privacyPorts } from '../../ports';
import * as store from '../store';

/** Which port's consents a kind is (the section that gives them). */
const sectionOf: Record<string, string> = { relief: 'reliefApplications', volunteerIdNumber: 'volunteering', elderCareProxy: 'elderCare' };

/** 第十五条 / 第四十七条: the consents I gave, each with what withdrawing it means; the privacy policy's own first. */
export async function listConsents(ctx: UserCtx): Promise<{ items: ConsentEntry[] }> {
  const userId = ctx.principal.userId;
  const [policy, current] = await Promise.all([store.getPolicy(ctx.db, userId), store.currentPolicyVersion(ctx.db)]);
  const items: ConsentEntry[] = [];
  if (policy)
    items.push({
      id: `privacyPolicy:${policy.version}`,
      kind: 'privacyPolicy',
      titleZh: '《邻里隐私政策》',
      titleEn: 'The Linli privacy policy',
      textVersion: policy.version,
      givenAt: policy.at,
      effectZh: policy.version === current ? '不同意隐私政策即无法继续使用邻里；如需停止使用，请注销账号。' : '隐私政策已更新，请重新阅读并同意。',
      effectEn: 'Linli cannot be used without the privacy policy; to stop, close your account.',
      withdrawable: false,
    });
  for (const port of privacyPorts.personalRecords) if (port.consents) items.push(...(await port.consents(ctx, userId)));
  return { items };
}

/**
 * Withdraws a consent: the withdrawal record (when, which) and what the capability changes (an undecided application
 * withdrawn, an ID number deleted) in one transaction. Withdrawing again answers the same entry and writes nothing.
 */
export async function withdrawConsent(ctx: UserCtx, input: { consentId: string }): Promise<ConsentEntry> {
  const userId = ctx.principal.userId;
  const [kind, ref] = [input.consentId.slice(0, input.consentId.indexOf(':')), input.consentId.slice(input.consentId.indexOf(':') + 1)];
  const port = privacyPorts.personalRecords.find((p) => p.section === sectionOf[kind]);
  if (!port?.withdrawWrites) {
    if (kind === 'privacyPolicy' || kind === 'elderCareProxy') throw new ConflictError('CONSENT_NOT_WITHDRAWABLE');
    throw new NotFoundError('consent');
  }
  const at = ctx.clock.now().toISOString();
  const writes = await port.withdrawWrites(ctx, userId, kind, ref, at);
  if (writes.length) {
    try {
      await ctx.db.transact([
        ...writes,
        { put: { ...store.privacyKeys.withdrawal(userId, input.consentId), entity: 'consentWithdrawal', userId, consentId: input.consentId, kind, at }, if: { expr: 'attribute_not_exists(#pk)' }, tag: 'withdrawn' },
      ]);
    } catch (e) {
      // withdrawn meanwhile by a second tap: the entry below says so
      if (!(e instanceof TransactionCancelled && e.failed('withdrawn'))) throw e;
    }
  }
  ctx.log.info('consent withdrawn', { userId, kind });
  const entry = (await port.consents!(ctx, userId)).find((c) => c.id === input.consentId);
  if (!entry) throw new NotFoundError('consent');
  return entry;
}
