import { ageOn, dayOfAge, isValidIdNumber, parseIdNumber, withCheckDigit as withCheck } from './idNumber';
import { maskBankAccount, maskIdNumber, maskName, maskPhone } from './masking';

describe('the 18-digit ID number (GB 11643)', () => {
  it('accepts a number whose check digit is right, and reads birth date and sex from it', () => {
    // Prepare: the standard's own example
    const id = '11010519491231002X';
    // Act
    const p = parseIdNumber(id);
    // Assess
    expect(p).toEqual({ ok: true, regionCode: '110105', birthDate: '1949-12-31', sex: 'female' });
    expect(parseIdNumber(withCheck('44030519900101123')).ok).toBe(true);
    expect((parseIdNumber(withCheck('44030519900101123')) as { sex: string }).sex).toBe('male');
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(isValidIdNumber(' 11010519491231002x ')).toBe(true);
  });

  it.each([
    ['a wrong check digit', '110105194912310021', 'checkDigit'],
    ['a 15-digit number', '110105491231002', 'format'],
    ['letters', '11010519491231002A', 'format'],
    ['an impossible date', withCheck('44030519900230123'), 'birthDate'],
    ['a month 13', withCheck('44030519901301123'), 'birthDate'],
    ['a birth year before 1880', withCheck('44030518790101123'), 'birthDate'],
    ['an empty string', '', 'format'],
  ])('refuses %s', (_what, id, problem) => {
    expect(parseIdNumber(id)).toEqual({ ok: false, problem });
  });

  it('counts whole years of age, the day before and on the birthday', () => {
    expect(ageOn('1936-05-10', '2026-05-09')).toBe(89);
    expect(ageOn('1936-05-10', '2026-05-10')).toBe(90);
    expect(ageOn('1956-12-10', '2026-12-09')).toBe(69);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    expect(dayOfAge('1936-05-10', 90)).toBe('2026-05-10');
    expect(dayOfAge('1936-02-29', 90)).toBe('2026-03-01');
  });
});

describe('masking', () => {
  it('shows the region and the last four digits of an ID number', () => {
    expect(maskIdNumber('440305199001011234')).toBe('440305********1234');
  });
  it('keeps the first and last character of a name', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskName('李')).toBe('李');
    expect(maskName('王秀兰')).toBe('王*兰');
  });
  it('shows the first three and the last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('****');
  });
  it('shows only the last four digits of a bank account', () => {
    expect(maskBankAccount('6222021234567890123')).toBe('***************0123');
  });
});
