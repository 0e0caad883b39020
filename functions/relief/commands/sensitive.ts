import { reliefCan } from '../../../shared/relief/permissions';
import type { UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import type { Sealed } from '../../platform/crypto';
import { getUnit } from '../../platform/units';
import { keys } from '../../platform/keys';
import * as store from '../store';
import { readable, revealStanding, vault } from './common';

/**
 * The full sensitive values of an application, for a reviewer who states why. The audit entry (who, when, why, what)
 * is written before anything is decrypted: no audit, no read. Nothing of it is logged.
 */
export async function reveal(ctx: UserCtx, appId: string, reason: string) {
  const r = readable(ctx, await store.getApplication(ctx.db, appId));
  // reviewers once it was submitted with consent; before that only whoever typed it, while it is a draft
  const standing = revealStanding(ctx.principal, r);
  if (standing === 'reviewerTooEarly') throw new ConflictError('NOT_YET_SUBMITTED');
  if (standing === 'no') throw new ForbiddenError();
  const sealed = await store.getSealed(ctx.db, appId);
  if (!sealed) throw new ForbiddenError();
  const fields = ['idNumber', ...(r.members.some((m) => m.hasIncome) ? ['monthlyIncome'] : []), ...(r.members.some((m) => m.hasDisability) ? ['disability'] : []), ...(r.members.some((m) => m.hasHealth) ? ['health'] : []), ...Object.keys(r.form).filter((k) => r.form[k] === '***' || k === 'bankAccount')];
  const id = await writeReliefAudit(ctx, appId, r.communityId, reason, fields);
  const part = await vault().open<store.SensitivePart>(sealed, store.sealedAad(appId));
  ctx.log.info('relief sensitive read', { applicationId: appId, auditId: id, fields });
  return { applicationId: appId, members: part.members, form: part.form, auditId: id };
}

/**
 * The head ID number of a household a worker added to the registry (sealed when it was added), for a reviewer of the
 * community who states why: audited first (in the community's registry, and with the application audits on gsi1).
 */
export async function revealRegistry(ctx: UserCtx, communityId: string, householdId: string, reason: string) {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community') throw new NotFoundError('community');
  const scope = { subdistrictId: unit.path[0]!, communityId };
  if (!reliefCan.listRegistry(ctx.principal, scope)) throw new NotFoundError('community');
  if (!reliefCan.reveal(ctx.principal, scope)) throw new ForbiddenError();
  const entry = (await store.getRegistryEntry(ctx.db, communityId, householdId)) as (store.RegistryRecord & { sealed?: Sealed }) | undefined;
  if (!entry) throw new NotFoundError('household', 'HOUSEHOLD_NOT_IN_REGISTRY');
  if (!entry.sealed) throw new UnprocessableError('NOTHING_SEALED');
  const at = ctx.clock.now().toISOString();
  const id = ctx.newId();
  await ctx.db.put(
    {
      ...keys.registryAudit(communityId, householdId, at, id),
      ...keys.reliefAuditByCommunity(communityId, at, id),
      entity: 'reliefAudit',
      id,
      at,
      byId: ctx.principal.userId,
      byName: ctx.principal.displayName ?? '',
      reason,
      fields: ['headIdNumber'],
      householdId,
      requestId: ctx.requestId,
    },
    { expr: 'attribute_not_exists(#pk)' },
  );
  const part = await vault().open<{ headIdNumber: string }>(entry.sealed, `relief:registry:${communityId}:${householdId}`);
  ctx.log.info('relief sensitive read', { householdId, auditId: id, fields: ['headIdNumber'] });
  return { householdId, headName: entry.headName, headIdNumber: part.headIdNumber, auditId: id };
}

export async function auditOf(ctx: UserCtx, appId: string, q: { cursor?: string; limit?: number }) {
  const r = readable(ctx, await store.getApplication(ctx.db, appId));
  if (!reliefCan.readAudit(ctx.principal, r)) throw new ForbiddenError();
  const page = await store.listAudit(ctx.db, appId, { limit: q.limit ?? 50, cursor: q.cursor });
  return { items: page.items.map((a) => ({ id: a.id, at: a.at, byId: a.byId, byName: a.byName, reason: a.reason, fields: a.fields, applicationId: a.applicationId, documentId: a.documentId })), cursor: page.cursor };
}

/**
 * The audit entry of a full read of an application (a reveal, a document view), in the application's collection and
 * its community's audit index, written before anything is opened. Answers the entry's id.
 */
export async function writeReliefAudit(ctx: UserCtx, appId: string, communityId: string, reason: string, fields: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const at = ctx.clock.now().toISOString();
  const id = ctx.newId();
  await ctx.db.put(
    {
      ...keys.reliefAudit(appId, at, id),
      ...keys.reliefAuditByCommunity(communityId, at, id),
      entity: 'reliefAudit',
      id,
      at,
      byId: ctx.principal.userId,
      byName: ctx.principal.displayName ?? '',
      reason,
      fields,
      ...extra,
      applicationId: appId,
      requestId: ctx.requestId,
    },
    { expr: 'attribute_not_exists(#pk)' },
  );
  return id;
}
