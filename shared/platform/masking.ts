/**
 * How sensitive values look in every response by default, in every capability. Pure, so the mini-program can mask what
 * it shows while typing.
 */
/** 440305199001011234 → 440305********1234 */
export function maskIdNumber(id: string): string {
  const s = id.trim().toUpperCase();
  if (s.length < 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** 张三明 → 张*明; 张三 → 张*; 欧阳小明 → 欧**明 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 13812345678 → 138****5678; anything shorter than 7 characters → **** */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 6222021234567890123 → ***************0123 */
export function maskBankAccount(account: string): string {
  const s = account.replace(/\s+/g, '');
  return s.length <= 4 ? '*'.repeat(s.length) : `${'*'.repeat(s.length - 4)}${s.slice(-4)}`;
}

/** income, health and disability facts have no useful partial form: they are shown as present or absent */
export const MASKED = '***';
