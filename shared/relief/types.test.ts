import { withCheckDigit } from '../platform/idNumber';
import { ApplicationInput } from './schemas';
import { awaitingLevel, defaultRegionRules, evaluate, missingDocuments, personsCovered, reliefTypes, suggestedAmount } from './types';

const id = (birth: string, seq = '123') => {
  const first17 = `440305${birth.replace(/-/g, '')}${seq}`;
  return withCheckDigit(first17);
};
const TODAY = '2026-12-01';
const bank = '6222021234567890123';

describe('eligibility', () => {
  it('finds a household below the dibao line eligible and sets the gap as the amount', () => {
    // Prepare: three people, 2000 yuan a month between them; line 1365 per person
    const household = [
      { relation: 'self', idNumber: id('1970-03-04'), monthlyIncome: 1500 },
      { relation: 'spouse', idNumber: id('1972-05-06', '124'), monthlyIncome: 500 },
      { relation: 'child', idNumber: id('2010-07-08', '125'), monthlyIncome: 0 },
    ];
    // Act
    const e = evaluate('dibao', { household, form: { reason: '失业', housing: 'rented', bankAccount: bank } }, defaultRegionRules, TODAY);
    // Assess
    expect(e.eligible).toBe(true);
    expect(e.suggestedAmount).toBe(1365 * 3 - 2000);
    expect(e.persons).toBe(3);
  });

  it('finds a household above the dibao line not eligible, and one with an income missing not complete', () => {
    const rich = [{ relation: 'self', idNumber: id('1970-03-04'), monthlyIncome: 5000 }];
    expect(evaluate('dibao', { household: rich, form: { reason: 'x', housing: 'owned', bankAccount: bank } }, defaultRegionRules, TODAY).eligible).toBe(false);
    const missing = [{ relation: 'self', idNumber: id('1970-03-04') }];
    const e = evaluate('dibao', { household: missing, form: { reason: 'x', housing: 'owned', bankAccount: bank } }, defaultRegionRules, TODAY);
    expect(e.checks.find((c) => c.code === 'dibaoLineIncomeGiven')?.ok).toBe(false);
  });

  it('reads the age for the senior allowance from the ID number, against the region’s threshold', () => {
    const ninety = [{ relation: 'self', idNumber: id('1936-11-30') }];
    const eightyNine = [{ relation: 'self', idNumber: id('1936-12-02') }];
    expect(evaluate('seniorAllowance', { household: ninety, form: { bankAccount: bank } }, defaultRegionRules, TODAY).eligible).toBe(true);
    expect(evaluate('seniorAllowance', { household: eightyNine, form: { bankAccount: bank } }, defaultRegionRules, TODAY).eligible).toBe(false);
    // a region that pays from 80
    expect(evaluate('seniorAllowance', { household: eightyNine, form: { bankAccount: bank } }, { ...defaultRegionRules, seniorAllowanceAge: 80 }, TODAY).eligible).toBe(true);
  });

  it('refuses an invalid ID number (wrong check digit) in the checks, without the type’s own checks', () => {
    const bad = id('1936-11-30').slice(0, 17) + (id('1936-11-30').endsWith('0') ? '1' : '0');
    const e = evaluate('seniorAllowance', { household: [{ relation: 'self', idNumber: bad }], form: { bankAccount: bank } }, defaultRegionRules, TODAY);
    expect(e.eligible).toBe(false);
    expect(e.checks.find((c) => c.code === 'idNumbers')?.ok).toBe(false);
    expect(e.checks.some((c) => c.code === 'seniorAge')).toBe(false);
    expect(e.suggestedAmount).toBeUndefined();
  });

  it('needs a grade 1 or 2 disability for the severe disability subsidy', () => {
    const form = { disabilityCertificateNo: '44030519700304123X41', bankAccount: bank };
    const grade = (g: number) => [{ relation: 'self', idNumber: id('1970-03-04'), disability: { category: 'physical', grade: g } }];
    expect(evaluate('severeDisabilitySubsidy', { household: grade(2), form }, defaultRegionRules, TODAY).eligible).toBe(true);
    expect(evaluate('severeDisabilitySubsidy', { household: grade(3), form }, defaultRegionRules, TODAY).eligible).toBe(false);
  });

  it('caps temporary relief and needs a recent emergency', () => {
    const household = [{ relation: 'self', idNumber: id('1980-01-01') }];
    const form = (amount: number, occurredOn: string) => ({ emergency: 'illness', occurredOn, description: '住院', requestedAmount: amount, bankAccount: bank });
    expect(evaluate('temporaryRelief', { household, form: form(3000, '2026-11-20') }, defaultRegionRules, TODAY).eligible).toBe(true);
    expect(evaluate('temporaryRelief', { household, form: form(30000, '2026-11-20') }, defaultRegionRules, TODAY).eligible).toBe(false);
    expect(evaluate('temporaryRelief', { household, form: form(3000, '2026-01-20') }, defaultRegionRules, TODAY).eligible).toBe(false);
  });

  it('needs exactly one applicant', () => {
    const two = [
      { relation: 'self', idNumber: id('1970-03-04') },
      { relation: 'self', idNumber: id('1971-03-04') },
    ];
    expect(evaluate('seniorCard', { household: two, form: { pickup: 'community' } }, defaultRegionRules, TODAY).checks.find((c) => c.code === 'applicant')?.ok).toBe(false);
  });
});

describe('types as data', () => {
  it('gives every type a form, documents, a chain starting at the community, and an amount rule', () => {
    for (const d of Object.values(reliefTypes)) {
      expect(d.chain[0]).toBe('community');
      expect(d.documents.some((x) => x.kind === 'idCard' && x.required)).toBe(true);
    }
    expect(reliefTypes.dibao.chain).toEqual(['community', 'subdistrict']);
    expect(reliefTypes.seniorCard.chain).toEqual(['community']);
  });

  it('says which level decides next', () => {
    expect(awaitingLevel('dibao', 'submitted')).toBe('community');
    expect(awaitingLevel('dibao', 'communityApproved')).toBe('subdistrict');
    expect(awaitingLevel('seniorCard', 'submitted')).toBe('community');
    expect(awaitingLevel('dibao', 'approved')).toBeUndefined();
  });

  it('lists the required documents not attached', () => {
    expect(missingDocuments('dibao', [{ kind: 'idCard' }])).toEqual(['householdRegister', 'incomeProof']);
  });

  it('covers the household or the person', () => {
    expect(personsCovered('dibao', 4)).toBe(4);
    expect(personsCovered('seniorAllowance', 4)).toBe(1);
    expect(suggestedAmount('seniorAllowance', { household: [], form: {} }, defaultRegionRules)).toBe(200);
  });

  it('validates the ID numbers in the application schema (check digit)', () => {
    const good = { type: 'seniorCard', household: [{ name: '李奶奶', relation: 'self', idNumber: id('1950-01-01') }], form: { pickup: 'community' } };
    expect(ApplicationInput.safeParse(good).success).toBe(true);
    const right = good.household[0]!.idNumber;
    const wrong = `${right.slice(0, 17)}${right.endsWith('0') ? '1' : '0'}`;
    expect(ApplicationInput.safeParse({ ...good, household: [{ ...good.household[0], idNumber: wrong }] }).success).toBe(false);
    expect(ApplicationInput.safeParse({ ...good, form: { reason: 'x' } }).success).toBe(false);
  });
});
