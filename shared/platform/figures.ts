/**
 * The figures of a work summary (工作总结), declared by the ledgers that keep them. Each ledger (a capability, or a part
 * of one: 'mediation', 'fiveLists', 'elderCare', ...) declares its counted figures, the rates derived from them and the
 * sentence the summary prints from them; the counters themselves are kept by functions/platform/figures.ts in the
 * same transaction as each change, per community and month (never a scan, never a table-wide counter).
 *
 * shared/workSummary/ledgers.ts lists every ledger's declaration: the summary reads, charts, compares and exports
 * exactly what is listed there, so a new ledger needs one line there and nothing typed by hand anywhere else.
 * Pure: both sides use it.
 */

/** What a counted figure measures: a count of records or people (人次, 起, 件, 户次), an amount in fen, or minutes. */
export type FigureUnit = 'count' | 'fen' | 'minutes';

export interface FigureDef {
  /** the counter's attribute name: a camelCase word (it is a DynamoDB attribute) */
  key: string;
  zh: string;
  en: string;
  /** how a count is printed after its number in Chinese (起, 件, 人次, 户次, 个 ...); not used for fen and minutes */
  measureZh?: string;
  unit: FigureUnit;
  /** one of many alike (relief's per-type lines): left off the screen and the files where it is 0 in both periods */
  hideWhenZero?: boolean;
}

/** A share of one figure in another (success rate = agreed / mediated), printed as a percentage with one decimal. */
export interface RateDef {
  key: string;
  zh: string;
  en: string;
  numerator: string;
  denominator: string;
}

/** One figure's value in a period: counted (from counters) or derived (a rate, 0..1, undefined when the base is 0). */
export type FigureValues = Readonly<Record<string, number>>;

export interface LedgerDef {
  /** the ledger's name, also the sort key's suffix of its counters: camelCase, no '#' */
  ledger: string;
  zh: string;
  en: string;
  figures: readonly FigureDef[];
  rates?: readonly RateDef[];
  /**
   * The sentences the summary prints for this ledger, in the shape of the seed reports ("上半年共调解矛盾纠纷157起，成功率达100%"),
   * generated from the period's figures (counted and rates, rates as 0..1): never a figure typed by hand.
   * `period` is how the period is named in the sentence ("上半年", "2026年1月至3月").
   */
  sentences(values: FigureValues, period: { zh: string; en: string }): { zh: string; en: string };
  /** the mini-program page that lists the records behind the figures (drill-down), given `?communityId=&from=&to=` */
  recordsPage?: string;
}

/** Declares a ledger; checks its figure and rate keys once, when the module loads. */
export function ledger(def: LedgerDef): LedgerDef {
  const keys = new Set<string>();
  for (const f of def.figures) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(f.key) || keys.has(f.key)) throw new Error(`ledger ${def.ledger}: bad or repeated figure key ${f.key}`);
    keys.add(f.key);
  }
  for (const r of def.rates ?? []) {
    if (!keys.has(r.numerator) || !keys.has(r.denominator)) throw new Error(`ledger ${def.ledger}: rate ${r.key} refers to an undeclared figure`);
  }
  return def;
}

/** The rates of a ledger from its counted figures: 0..1, or undefined where the base is 0. */
export function ratesOf(def: LedgerDef, values: FigureValues): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const r of def.rates ?? []) {
    const den = values[r.denominator] ?? 0;
    out[r.key] = den > 0 ? (values[r.numerator] ?? 0) / den : undefined;
  }
  return out;
}

/** 0.9876 → "98.8%", 1 → "100%" (as the reports print them). */
export function percent(rate: number | undefined): string {
  if (rate === undefined) return '—';
  const p = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** fen → yuan as the reports print it: 22417200 → "22.4172万元" when ≥ 1万, else "1234.5元". */
export function yuanText(fen: number): string {
  const yuan = fen / 100;
  if (yuan >= 10_000) return `${Number((yuan / 10_000).toFixed(4))}万元`;
  return `${Number(yuan.toFixed(2))}元`;
}
