import { chinaDay } from '../../../shared/platform/chinaTime';
import { reliefCan } from '../../../shared/relief/permissions';
import { builtInVersion, refOf, ruleProblems, versionInForce, type RuleVersion, type RuleVersionInput, type RulesRef } from '../../../shared/relief/rules';
import { forms, ReliefType, type RegionRules } from '../../../shared/relief/schemas';
import { reliefTypes } from '../../../shared/relief/types';
import type { UserCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { TransactionCancelled } from '../../platform/db';
import { ConflictError, ForbiddenError, UnprocessableError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { listRuleVersions, putRuleVersion, readRulesPartition } from './rulesStore';

/**
 * Relief types and rules as data (issue 13 item 4): what the app reads to build its forms (the versions in force
 * today), each type's history (officers), and a new version (officers; never rewrites one). See shared/relief/rules.ts.
 */

/** The sub-district a signed-in person belongs to: their first grant's (a resident's, a worker's, an officer's). */
function subdistrictOf(ctx: UserCtx): string | undefined {
  return ctx.principal.grants.find((g) => g.role === 'resident')?.unitPath[0] ?? ctx.principal.grants[0]?.unitPath[0];
}

/** The sub-district where the caller is an officer (the first such grant). */
function officerSubdistrict(ctx: UserCtx): string {
  const g = ctx.principal.grants.find((x) => x.role === 'subdistrictOfficer');
  if (!g) throw new ForbiddenError();
  return g.unitId;
}

/** Each type's versions, the built-in table first (version 0), oldest first. */
async function versionsByType(db: Db, subdistrictId: string, type?: ReliefType): Promise<Map<ReliefType, RuleVersion[]>> {
  const { region, versions: stored } = await readRulesPartition(db, subdistrictId, type);
  const out = new Map<ReliefType, RuleVersion[]>();
  for (const t of type ? [type] : ReliefType.options) out.set(t, [builtInVersion(t, subdistrictId, region)]);
  for (const v of stored) out.get(v.type)?.push(v);
  for (const vs of out.values()) vs.sort((a, b) => a.version - b.version);
  return out;
}

/** The version of a type in force on a day, and the region rules it implies (for eligibility and amounts): one query. */
export async function rulesInForce(db: Db, subdistrictId: string, type: ReliefType, day: string): Promise<{ ref: RulesRef; rules: RegionRules }> {
  const { region, versions: stored } = await readRulesPartition(db, subdistrictId, type);
  const v = versionInForce(stored, day) ?? builtInVersion(type, subdistrictId, region);
  const ref = refOf(v);
  return { ref, rules: { ...region, ...ref.parameters } };
}

function info(v: RuleVersion, today: string, versions: RuleVersion[]) {
  const def = reliefTypes[v.type];
  const next = versions.filter((x) => x.effectiveFrom > today).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  const ref = refOf(v);
  return {
    type: v.type,
    nameZh: v.nameZh,
    nameEn: v.nameEn,
    chain: ref.chain,
    documents: v.documents.map((d) => ({ ...d })),
    amount: def.amount,
    recurring: def.recurring,
    formFields: Object.keys(forms[v.type].shape),
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    parameters: { ...v.parameters },
    levels: v.levels.map((l) => ({ ...l })),
    nextVersion: next ? { version: next.version, effectiveFrom: next.effectiveFrom } : undefined,
  };
}

/** GET /relief/types: the versions in force today in the caller's sub-district (the built-in table for someone of none). */
export async function listTypes(ctx: UserCtx) {
  const today = chinaDay(ctx.clock.now());
  const sd = subdistrictOf(ctx);
  if (!sd) return { items: ReliefType.options.map((t) => info(builtInVersion(t, ''), today, [])) };
  const all = await versionsByType(ctx.db, sd);
  return { items: [...all.values()].map((vs) => info(versionInForce(vs, today)!, today, vs)) };
}

/** GET /relief/types/{type}/versions: a type's history in the officer's sub-district, newest first, with the one in force. */
export async function typeVersions(ctx: UserCtx, type: ReliefType) {
  const sd = officerSubdistrict(ctx);
  const vs = (await versionsByType(ctx.db, sd, type)).get(type)!;
  const inForce = versionInForce(vs, chinaDay(ctx.clock.now()))!;
  return { type, subdistrictId: sd, inForce: inForce.version, items: [...vs].reverse() };
}

/**
 * POST /relief/types/{type}/versions (officers, Idempotency-Key): a new version, numbered after the last; a type with
 * none stored gets its first. Two officers adding at once: one gets the number, the other 409 CONFLICT (read again).
 */
export async function addTypeVersion(ctx: UserCtx, type: ReliefType, input: RuleVersionInput) {
  const sd = officerSubdistrict(ctx);
  if (!reliefCan.manageSubdistrict(ctx.principal, sd)) throw new ForbiddenError();
  const today = chinaDay(ctx.clock.now());
  const problem = ruleProblems(type, input, today);
  if (problem) throw new UnprocessableError(problem.code, problem.details);
  const stored = await listRuleVersions(ctx.db, sd, type);
  const v: RuleVersion = {
    ...input,
    type,
    subdistrictId: sd,
    version: stored.reduce((n, x) => Math.max(n, x.version), 0) + 1,
    authorId: ctx.principal.userId,
    authorName: ctx.principal.displayName ?? '',
    createdAt: ctx.clock.now().toISOString(),
  };
  return transactCreate(ctx, [putRuleVersion(v)], v, (e: TransactionCancelled) => {
    if (e.failed('ruleVersion')) throw new ConflictError('CONFLICT', { reason: 'another version was added at the same time' });
    throw e;
  });
}
