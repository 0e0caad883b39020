import { z } from 'zod';
import { IsoDate, IsoDateTime } from '../http';
import { addDays, CHINA_OFFSET_MS, chinaDay } from '../platform/chinaTime';
import { DocumentKind, RegionRules, ReliefType, type ReviewLevel } from './schemas';
import { defaultRegionRules, reliefTypes } from './types';
import { isWorkingDay } from '../platform/workdays';

/**
 * Relief types' rules as data (issue 13 item 4): per sub-district and type, numbered versions that are never rewritten.
 * A version names the type (zh, en), its parameters (thresholds and amounts, by the region rules' names), its documents
 * and its approval levels, each with the role that decides and a deadline in working days. The version in force on a
 * day is the one with the latest `effectiveFrom` on or before it (ties: the higher number). Version 0 is the built-in
 * table (shared/relief/types.ts), in force where a sub-district has stored none. Pure.
 */

/** Which region-rule names are a type's parameters (thresholds and amounts); procedures (notice days) stay region-wide. */
export const parameterNames: Record<ReliefType, readonly (keyof RegionRules)[]> = {
  dibao: ['dibaoLine'],
  temporaryRelief: ['temporaryReliefCap'],
  severeDisabilitySubsidy: ['severeDisabilityMonthly'],
  veteranCare: ['veteranCareMonthly'],
  housingSubsidy: ['housingSubsidyMonthly', 'housingIncomeLimit'],
  seniorAllowance: ['seniorAllowanceAge', 'seniorAllowanceMonthly'],
  seniorCard: ['seniorCardAge'],
  disabilityCard: [],
};

export const ReviewerRole = z.enum(['communityWorker', 'subdistrictOfficer']);
export type ReviewerRole = z.infer<typeof ReviewerRole>;
const levelOfRole: Record<ReviewerRole, ReviewLevel> = { communityWorker: 'community', subdistrictOfficer: 'subdistrict' };

export const ApprovalLevel = z.object({ role: ReviewerRole, deadlineDays: z.number().int().min(1).max(60) }).strict();
export type ApprovalLevel = z.infer<typeof ApprovalLevel>;

/** POST /relief/types/{type}/versions: a whole new version (nothing is patched). */
export const RuleVersionInput = z
  .object({
    nameZh: z.string().trim().min(1).max(30),
    nameEn: z.string().trim().min(1).max(60),
    /** thresholds and amounts, by name (parameterNames of the type); each positive */
    parameters: z.record(z.string().regex(/^[A-Za-z]{1,40}$/), z.number().positive().max(1_000_000)),
    documents: z
      .array(z.object({ kind: DocumentKind, required: z.boolean() }).strict())
      .min(1)
      .max(DocumentKind.options.length)
      .refine((ds) => new Set(ds.map((d) => d.kind)).size === ds.length, 'each document kind once'),
    levels: z.array(ApprovalLevel).min(1).max(3),
    /** the first day (China) it applies to applications submitted on or after it; today or later */
    effectiveFrom: IsoDate,
    reason: z.string().trim().min(2).max(200),
  })
  .strict();
export type RuleVersionInput = z.infer<typeof RuleVersionInput>;

export const RuleVersion = RuleVersionInput.extend({
  type: ReliefType,
  subdistrictId: z.string(),
  /** 0: the built-in table; 1, 2 …: stored */
  version: z.number().int().min(0),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: IsoDateTime,
});
export type RuleVersion = z.infer<typeof RuleVersion>;

/** What an application keeps of the version that applies to it (in force on its submission day; at a draft, today's). */
export interface RulesRef {
  version: number;
  effectiveFrom: string;
  chain: ReviewLevel[];
  /** working days each level has to decide */
  deadlineDays: Partial<Record<ReviewLevel, number>>;
  requiredDocuments: DocumentKind[];
  parameters: Record<string, number>;
}

/** The chain of levels a version's roles make; the application's state machine knows community, then sub-district. */
export const chainOf = (levels: readonly ApprovalLevel[]): ReviewLevel[] => levels.map((l) => levelOfRole[l.role]);

export type RuleProblem = { code: 'RULES_PARAMETERS_INVALID' | 'RULES_CHAIN_UNSUPPORTED' | 'RULES_EFFECTIVE_IN_PAST'; details: Record<string, unknown> };

/** What the schema cannot say alone: the type's parameter names (all, none else, in their ranges), a chain the machine runs, not in the past. */
export function ruleProblems(type: ReliefType, input: RuleVersionInput, today: string): RuleProblem | undefined {
  const names = parameterNames[type] as readonly string[];
  const given = Object.keys(input.parameters);
  const missing = names.filter((n) => !given.includes(n));
  const unknown = given.filter((n) => !names.includes(n));
  const ranged = RegionRules.partial().safeParse(input.parameters);
  if (missing.length || unknown.length || !ranged.success) {
    return { code: 'RULES_PARAMETERS_INVALID', details: { missing, unknown, invalid: ranged.success ? [] : ranged.error.issues.map((i) => i.path.join('.')) } };
  }
  const chain = chainOf(input.levels).join('>');
  if (chain !== 'community' && chain !== 'community>subdistrict') return { code: 'RULES_CHAIN_UNSUPPORTED', details: { chain } };
  if (input.effectiveFrom < today) return { code: 'RULES_EFFECTIVE_IN_PAST', details: { today } };
  return undefined;
}

/** Default deadlines of the built-in table: 5 working days for the community, 10 for the sub-district. */
export const DEFAULT_DEADLINE_DAYS: Record<ReviewLevel, number> = { community: 5, subdistrict: 10 };

/** Version 0 of a type: the built-in table, as a version. */
export function builtInVersion(type: ReliefType, subdistrictId: string, rules: RegionRules = defaultRegionRules): RuleVersion {
  const def = reliefTypes[type];
  return {
    type,
    subdistrictId,
    version: 0,
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    parameters: Object.fromEntries(parameterNames[type].map((n) => [n, rules[n]])),
    documents: def.documents.map((d) => ({ ...d })),
    levels: def.chain.map((l) => ({ role: l === 'community' ? 'communityWorker' : 'subdistrictOfficer', deadlineDays: DEFAULT_DEADLINE_DAYS[l] })),
    effectiveFrom: '2000-01-01',
    reason: '系统内置',
    authorId: 'system',
    authorName: '系统',
    createdAt: '2000-01-01T00:00:00.000Z',
  };
}

/** The version in force on a day: the latest effectiveFrom on or before it, the higher number on a tie; else undefined. */
export function versionInForce<V extends { version: number; effectiveFrom: string }>(versions: readonly V[], day: string): V | undefined {
  let best: V | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > day) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) best = v;
  }
  return best;
}

export function refOf(v: RuleVersion): RulesRef {
  const chain = chainOf(v.levels);
  return {
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    chain,
    deadlineDays: Object.fromEntries(chain.map((l, i) => [l, v.levels[i]!.deadlineDays])),
    requiredDocuments: v.documents.filter((d) => d.required).map((d) => d.kind),
    parameters: { ...v.parameters },
  };
}

/** The region rules an application is checked against: the region's, with its version's parameters over them. */
export const rulesWith = (region: RegionRules, ref: Pick<RulesRef, 'parameters'> | undefined): RegionRules => ({ ...region, ...(ref?.parameters ?? {}) });

/**
 * The instant a level's deadline passes: `days` working days (China's: weekends and statutory holidays not counted,
 * the weekend days worked in exchange counted; shared/platform/workdays.ts) after the day it entered the queue, at the
 * end of that working day (24:00 China time).
 */
export function dueAfterWorkingDays(since: string, days: number): string {
  let day = chinaDay(since);
  let left = days;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return new Date(Date.parse(`${addDays(day, 1)}T00:00:00Z`) - CHINA_OFFSET_MS).toISOString();
}

/** When an application waiting at a level is overdue, if its version gives that level a deadline. */
export function dueAtOf(r: { awaiting?: ReviewLevel; waitingSince?: string; rules?: Pick<RulesRef, 'deadlineDays'> }): string | undefined {
  if (!r.awaiting || !r.waitingSince) return undefined;
  const days = r.rules?.deadlineDays[r.awaiting] ?? DEFAULT_DEADLINE_DAYS[r.awaiting];
  return dueAfterWorkingDays(r.waitingSince, days);
}

export const isOverdue = (dueAt: string | undefined, now: string) => !!dueAt && dueAt <= now;
