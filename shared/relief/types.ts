import { ageOn, parseIdNumber } from '../platform/idNumber';
import { forms, type Check, type DocumentKind, type Eligibility, type RegionRules, type ReliefType, type ReviewLevel } from './schemas';

/**
 * Relief types as data: each names its form, the documents it needs, the eligibility checks that can be computed,
 * its approval chain and how its amount is set. Pure: the mini-program shows the same checks while the form is filled.
 */
export type AmountRule = 'gapToLine' | 'fixedMonthly' | 'assessed' | 'none';

export interface EligibilityMember {
  relation: string;
  idNumber: string;
  monthlyIncome?: number;
  disability?: { category: string; grade: number };
}
export interface EligibilityInput {
  household: EligibilityMember[];
  form: Record<string, unknown>;
}

export interface ReliefTypeDef {
  type: ReliefType;
  nameZh: string;
  nameEn: string;
  /** household: the whole household is covered (and each member may be in one active application of it); person: the applicant */
  scope: 'household' | 'person';
  /** form fields stored encrypted and masked in answers */
  sensitiveFields: readonly string[];
  documents: readonly { kind: DocumentKind; required: boolean }[];
  chain: readonly ReviewLevel[];
  amount: AmountRule;
  /** paid every month while the case runs (else once, in the month of approval, or never for certificates) */
  recurring: boolean;
  /** months a case runs before it must be re-checked; none: until stopped */
  caseMonths?: number;
  checks: (input: Parsed, rules: RegionRules, today: string) => Check[];
}

export const defaultRegionRules: RegionRules = {
  dibaoLine: 1365,
  dibaoReviewMonths: 12,
  dibaoNoticeDays: 30,
  temporaryReliefCap: 20_000,
  severeDisabilityMonthly: 300,
  veteranCareMonthly: 1500,
  housingSubsidyMonthly: 800,
  housingIncomeLimit: 4000,
  seniorAllowanceAge: 90,
  seniorAllowanceMonthly: 200,
  seniorCardAge: 60,
};

interface Parsed {
  members: (EligibilityMember & { age: number; sex: 'male' | 'female' })[];
  self?: EligibilityMember & { age: number; sex: 'male' | 'female' };
  form: Record<string, unknown>;
}

const check = (code: string, ok: boolean, messageZh: string, messageEn: string): Check => ({ code, ok, messageZh, messageEn });

function perCapitaIncome(p: Parsed): number | undefined {
  if (p.members.some((m) => m.monthlyIncome === undefined)) return undefined;
  return p.members.reduce((s, m) => s + (m.monthlyIncome ?? 0), 0) / p.members.length;
}

function incomeBelow(p: Parsed, line: number, code: string, what: string): Check[] {
  const pc = perCapitaIncome(p);
  if (pc === undefined) return [check(`${code}IncomeGiven`, false, '请填写每位家庭成员的月收入', 'Give the monthly income of every member')];
  return [check(code, pc < line, `家庭月人均收入 ${pc.toFixed(2)} 元，${what} ${line} 元`, `Monthly income per person ${pc.toFixed(2)} against a line of ${line}`)];
}

const bank = ['bankAccount'] as const;

export const reliefTypes: Record<ReliefType, ReliefTypeDef> = {
  dibao: {
    type: 'dibao',
    nameZh: '低保',
    nameEn: 'Minimum living allowance',
    scope: 'household',
    sensitiveFields: bank,
    documents: [
      { kind: 'idCard', required: true },
      { kind: 'householdRegister', required: true },
      { kind: 'incomeProof', required: true },
      { kind: 'bankCard', required: false },
    ],
    chain: ['community', 'subdistrict'],
    amount: 'gapToLine',
    recurring: true,
    caseMonths: 12,
    checks: (p, r) => incomeBelow(p, r.dibaoLine, 'dibaoLine', '低保标准'),
  },
  temporaryRelief: {
    type: 'temporaryRelief',
    nameZh: '临时救助',
    nameEn: 'Temporary relief',
    scope: 'household',
    sensitiveFields: bank,
    documents: [
      { kind: 'idCard', required: true },
      { kind: 'emergencyProof', required: true },
    ],
    chain: ['community', 'subdistrict'],
    amount: 'assessed',
    recurring: false,
    checks: (p, r, today) => {
      const amount = Number(p.form.requestedAmount ?? 0);
      const occurred = String(p.form.occurredOn ?? '');
      const days = occurred ? (Date.parse(today) - Date.parse(occurred)) / 86_400_000 : Infinity;
      return [
        check('temporaryReliefCap', amount <= r.temporaryReliefCap, `申请金额不超过 ${r.temporaryReliefCap} 元`, `At most ${r.temporaryReliefCap} yuan`),
        check('recentEmergency', days >= 0 && days <= 90, '困难发生在 90 天以内', 'The emergency happened within 90 days'),
      ];
    },
  },
  severeDisabilitySubsidy: {
    type: 'severeDisabilitySubsidy',
    nameZh: '重度残疾人生活补助',
    nameEn: 'Severe disability living subsidy',
    scope: 'person',
    sensitiveFields: ['bankAccount', 'disabilityCertificateNo'],
    documents: [
      { kind: 'idCard', required: true },
      { kind: 'disabilityCertificate', required: true },
    ],
    chain: ['community', 'subdistrict'],
    amount: 'fixedMonthly',
    recurring: true,
    caseMonths: 12,
    checks: (p) => [check('severeDisability', !!p.self?.disability && p.self.disability.grade <= 2, '申请人为一、二级残疾', 'The applicant has a grade 1 or 2 disability')],
  },
  veteranCare: {
    type: 'veteranCare',
    nameZh: '优抚金',
    nameEn: 'Veterans’ special care',
    scope: 'person',
    sensitiveFields: ['bankAccount', 'certificateNo'],
    documents: [
      { kind: 'idCard', required: true },
      { kind: 'veteranCertificate', required: true },
    ],
    chain: ['community', 'subdistrict'],
    amount: 'fixedMonthly',
    recurring: true,
    checks: () => [],
  },
  housingSubsidy: {
    type: 'housingSubsidy',
    nameZh: '住房补贴',
    nameEn: 'Housing subsidy',
    scope: 'household',
    sensitiveFields: bank,
    documents: [
      { kind: 'idCard', required: true },
      { kind: 'tenancyContract', required: true },
      { kind: 'incomeProof', required: true },
    ],
    chain: ['community', 'subdistrict'],
    amount: 'fixedMonthly',
    recurring: true,
    caseMonths: 12,
    checks: (p, r) => [
      check('adult', (p.self?.age ?? 0) >= 18, '申请人年满 18 周岁', 'The applicant is 18 or older'),
      check('noHome', p.form.ownsHome === false, '本地无自有住房', 'Owns no home here'),
      ...incomeBelow(p, r.housingIncomeLimit, 'housingIncome', '住房补贴收入上限'),
    ],
  },
  seniorAllowance: {
    type: 'seniorAllowance',
    nameZh: '高龄津贴',
    nameEn: 'Senior allowance',
    scope: 'person',
    sensitiveFields: bank,
    documents: [{ kind: 'idCard', required: true }],
    chain: ['community', 'subdistrict'],
    amount: 'fixedMonthly',
    recurring: true,
    checks: (p, r) => [check('seniorAge', (p.self?.age ?? 0) >= r.seniorAllowanceAge, `年满 ${r.seniorAllowanceAge} 周岁`, `Aged ${r.seniorAllowanceAge} or over`)],
  },
  seniorCard: {
    type: 'seniorCard',
    nameZh: '敬老优待证',
    nameEn: 'Senior citizen card',
    scope: 'person',
    sensitiveFields: [],
    documents: [
      { kind: 'idCard', required: true },
      { kind: 'photo', required: true },
    ],
    chain: ['community'],
    amount: 'none',
    recurring: false,
    checks: (p, r) => [check('seniorCardAge', (p.self?.age ?? 0) >= r.seniorCardAge, `年满 ${r.seniorCardAge} 周岁`, `Aged ${r.seniorCardAge} or over`)],
  },
  disabilityCard: {
    type: 'disabilityCard',
    nameZh: '残疾人证',
    nameEn: 'Disability card',
    scope: 'person',
    sensitiveFields: [],
    documents: [
      { kind: 'idCard', required: true },
      { kind: 'photo', required: true },
      { kind: 'medicalRecord', required: true },
    ],
    chain: ['community'],
    amount: 'none',
    recurring: false,
    checks: () => [],
  },
};

/** The amount per period an approval would set, where it can be computed; yuan. */
export function suggestedAmount(type: ReliefType, input: EligibilityInput, rules: RegionRules): number | undefined {
  const def = reliefTypes[type];
  if (def.amount === 'gapToLine') {
    if (input.household.some((m) => m.monthlyIncome === undefined)) return undefined;
    const total = input.household.reduce((s, m) => s + (m.monthlyIncome ?? 0), 0);
    return Math.max(0, Math.round(rules.dibaoLine * input.household.length - total));
  }
  if (def.amount === 'fixedMonthly') {
    if (type === 'severeDisabilitySubsidy') return rules.severeDisabilityMonthly;
    if (type === 'veteranCare') return rules.veteranCareMonthly;
    if (type === 'housingSubsidy') return rules.housingSubsidyMonthly;
    if (type === 'seniorAllowance') return rules.seniorAllowanceMonthly;
  }
  if (def.amount === 'assessed' && type === 'temporaryRelief') return Math.min(Number(input.form.requestedAmount ?? 0), rules.temporaryReliefCap);
  return undefined;
}

/** Persons a payment of this type covers. */
export function personsCovered(type: ReliefType, householdSize: number): number {
  return reliefTypes[type].scope === 'household' ? householdSize : 1;
}

/** Every computable check of a type: ID numbers (check digit), one applicant, then the type's own. */
export function evaluate(type: ReliefType, input: EligibilityInput, rules: RegionRules, today: string): Eligibility {
  const checks: Check[] = [];
  const parsed: Parsed = { members: [], form: input.form };
  let idsOk = true;
  for (const m of input.household) {
    const p = parseIdNumber(m.idNumber);
    if (!p.ok) {
      idsOk = false;
      continue;
    }
    const member = { ...m, age: ageOn(p.birthDate, today), sex: p.sex };
    parsed.members.push(member);
    if (m.relation === 'self') parsed.self = member;
  }
  checks.push(check('idNumbers', idsOk, idsOk ? '身份证号码有效' : '有身份证号码无效（校验位或出生日期有误）', idsOk ? 'ID numbers are valid' : 'An ID number is not valid'));
  const selfCount = input.household.filter((m) => m.relation === 'self').length;
  checks.push(check('applicant', selfCount === 1, '家庭成员中有且仅有一位申请人', 'Exactly one member is the applicant'));
  const formOk = forms[type].safeParse(input.form).success;
  checks.push(check('form', formOk, formOk ? '申请表填写完整' : '申请表填写不完整', formOk ? 'The form is complete' : 'The form is not complete'));
  if (idsOk && selfCount === 1) checks.push(...reliefTypes[type].checks(parsed, rules, today));
  return {
    eligible: checks.every((c) => c.ok),
    checks,
    suggestedAmount: idsOk ? suggestedAmount(type, input, rules) : undefined,
    persons: personsCovered(type, input.household.length),
  };
}

/** Required documents not among those attached (the required kinds of the application's rule version, where it has one). */
export function missingDocuments(type: ReliefType, attached: readonly { kind: DocumentKind }[], required?: readonly DocumentKind[]): DocumentKind[] {
  const have = new Set(attached.map((d) => d.kind));
  return (required ?? reliefTypes[type].documents.filter((d) => d.required).map((d) => d.kind)).filter((k) => !have.has(k));
}

/** The level that decides next, from the status (and the chain of the application's rule version); none once decided. */
export function awaitingLevel(type: ReliefType, status: string, chain: readonly ReviewLevel[] = reliefTypes[type].chain): ReviewLevel | undefined {
  if (status === 'submitted') return chain[0];
  if (status === 'communityApproved') return chain[1];
  return undefined;
}
