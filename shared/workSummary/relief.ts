import { ledger, yuanText, type FigureDef, type FigureValues } from '../platform/figures';
import { figureLine } from '../relief/figures';
import type { ReliefType } from '../relief/schemas';
import { reliefTypes } from '../relief/types';

/**
 * Relief's figures in the work summary. Relief keeps its own counters (per community, month and type: 户次, 人次,
 * amount in fen, written with each payment; functions/relief/store.ts): the summary reads them through an adapter
 * (functions/workSummary/store.ts) into this ledger's values: the totals and `<type>HouseholdTimes`,
 * `<type>PersonTimes`, `<type>AmountFen` per type. It is not in ledgers.ts, whose ledgers keep the FIG# counters.
 */
const types = Object.keys(reliefTypes) as ReliefType[];

export const reliefFigureKey = (type: ReliefType, what: 'HouseholdTimes' | 'PersonTimes' | 'AmountFen') => `${type}${what}`;

const perType: FigureDef[] = types.flatMap((t) => [
  { key: reliefFigureKey(t, 'HouseholdTimes'), zh: `${reliefTypes[t].nameZh}户次`, en: `${reliefTypes[t].nameEn}: household-times`, measureZh: '户次', unit: 'count' as const, hideWhenZero: true },
  { key: reliefFigureKey(t, 'PersonTimes'), zh: `${reliefTypes[t].nameZh}人次`, en: `${reliefTypes[t].nameEn}: person-times`, measureZh: '人次', unit: 'count' as const, hideWhenZero: true },
  { key: reliefFigureKey(t, 'AmountFen'), zh: `${reliefTypes[t].nameZh}金额`, en: `${reliefTypes[t].nameEn}: amount`, unit: 'fen' as const, hideWhenZero: true },
]);

const yuanEn = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

export const reliefLedger = ledger({
  ledger: 'relief',
  zh: '救助帮扶',
  en: 'Relief',
  figures: [
    { key: 'householdTimes', zh: '救助户次', en: 'Household-times', measureZh: '户次', unit: 'count' },
    { key: 'personTimes', zh: '救助人次', en: 'Person-times', measureZh: '人次', unit: 'count' },
    { key: 'amountFen', zh: '发放金额', en: 'Amount paid', unit: 'fen' },
    ...perType,
  ],
  recordsPage: '/packages/relief/figures/index',
  sentences(v: FigureValues, period) {
    const paid = types.filter((t) => (v[reliefFigureKey(t, 'HouseholdTimes')] ?? 0) > 0);
    const h = v.householdTimes ?? 0;
    const p = v.personTimes ?? 0;
    const fen = v.amountFen ?? 0;
    if (h === 0) return { zh: `${period.zh}未发放救助资金。`, en: `No relief was paid in ${period.en}.` };
    const lines = paid.map((t) =>
      figureLine({ type: t, householdTimes: v[reliefFigureKey(t, 'HouseholdTimes')] ?? 0, personTimes: v[reliefFigureKey(t, 'PersonTimes')] ?? 0, amount: (v[reliefFigureKey(t, 'AmountFen')] ?? 0) / 100 }),
    );
    const linesEn = paid.map(
      (t) => `${reliefTypes[t].nameEn} ${v[reliefFigureKey(t, 'HouseholdTimes')] ?? 0} household-times, ${v[reliefFigureKey(t, 'PersonTimes')] ?? 0} person-times, ${yuanEn(v[reliefFigureKey(t, 'AmountFen')] ?? 0)}`,
    );
    return {
      zh: `${period.zh}共发放各类救助资金${yuanText(fen)}，惠及${h}户次${p}人次，其中${lines.join('，')}。`,
      en: `In ${period.en}, ${yuanEn(fen)} of relief was paid to ${h} household-times (${p} person-times): ${linesEn.join('; ')}.`,
    };
  },
});
