import { randomBytes } from 'node:crypto';
import type { UserCtx } from '../../platform/context';
import { TransactionCancelled, type TxWrite } from '../../platform/db';
import { forgetEpoch, revokeAccessBefore } from '../../platform/revocation';
import { MAX_TX_ITEMS, workItemWrite, type WorkStep } from '../../platform/work';
import { privacyPorts } from '../../ports';
import { privacyFiles } from '../files';
import * as store from '../store';
import { PRIVACY_QUEUE } from './export';

/**
 * 第四十七条: closing my account. One transaction ends every sign-in (the access-token epoch and every refresh family),
 * deletes the profile, the WeChat link and every grant (bindings and roles), records the closure and starts the work
 * that goes through every other capability's records: kept ones (relief files, matters) get a pseudonym for the name,
 * the rest is deleted (platform/privacyPorts.ts, closeStep). Idempotent: the closure is written once; closing again
 * answers the first closure's time and changes nothing.
 */
export async function closeAccount(ctx: UserCtx): Promise<{ ok: true; closedAt: string }> {
  const userId = ctx.principal.userId;
  const before = await store.getClosure(ctx.db, userId);
  if (before) return { ok: true, closedAt: before.closedAt };
  const now = ctx.clock.now();
  const closedAt = now.toISOString();
  const pseudonym = `已注销用户${randomBytes(3).toString('hex').toUpperCase()}`;
  // identity first, in this transaction: no refresh may trade for a new token once the answer says closed
  const [identity] = privacyPorts.personalRecords;
  const { writes: identityWrites } = await identity!.closeStep!(ctx, userId, pseudonym, undefined);
  const writes: TxWrite[] = [
    { put: { ...store.privacyKeys.closure(userId), entity: 'accountClosure', userId, closedAt, pseudonym }, if: { expr: 'attribute_not_exists(#pk)' }, tag: 'closed' },
    // tokens issued up to and including this millisecond stop working
    revokeAccessBefore(userId, now.getTime() + 1),
    ...identityWrites,
    workItemWrite(ctx, PRIVACY_QUEUE, 'close', { ref: userId, userId, pseudonym }),
  ];
  if (writes.length > MAX_TX_ITEMS) throw new Error(`closing ${userId} needs ${writes.length} writes in one transaction`);
  try {
    await ctx.db.transact(writes);
  } catch (e) {
    if (!(e instanceof TransactionCancelled && e.failed('closed'))) throw e;
    const first = await store.getClosure(ctx.db, userId);
    return { ok: true, closedAt: first?.closedAt ?? closedAt };
  }
  forgetEpoch(ctx.db, userId);
  ctx.log.info('account closed', { userId });
  return { ok: true, closedAt };
}

/**
 * The rest of a closure, chunk by chunk: each capability's closeStep in turn (identity's was done by the request), then
 * privacy's own records (the download and its files, the policy acceptance). The cursor is `<port>:<its cursor>`.
 * Consent withdrawals and the closure record stay: they are the proof of what the person asked.
 */
export const closeStep: WorkStep<{ userId: string; pseudonym: string }> = async (ctx, payload, cursor) => {
  const ports = privacyPorts.personalRecords;
  let [i, inner] = cursor ? [Number(cursor.slice(0, cursor.indexOf(':'))), cursor.slice(cursor.indexOf(':') + 1) || undefined] : [1, undefined];
  if (i < ports.length) {
    const port = ports[i]!;
    const step = port.closeStep ? await port.closeStep(ctx, payload.userId, payload.pseudonym, inner) : { writes: [] };
    const next = step.next !== undefined ? `${i}:${step.next}` : `${i + 1}:`;
    return { writes: step.writes, next };
  }
  const exp = await store.getExport(ctx.db, payload.userId);
  const files = [exp?.fileKey, exp?.xlsxKey].filter((k): k is string => !!k);
  if (files.length) await privacyFiles(ctx.config).letGo(files);
  return { writes: [{ delete: store.privacyKeys.exportRecord(payload.userId) }, { delete: store.privacyKeys.policy(payload.userId) }] };
};
