import { chinaMonth } from '../platform/chinaTime';
import { ledger, yuanText, type FigureValues } from '../platform/figures';
import type { MicroProject, Spending } from './schemas';

/**
 * 惠民项目's figures ("实施惠民项目40个/22.4172万元"): a project counts as approved, with its budget, in the month an
 * officer approved it; spending in the month it was entered; done in the month it was closed.
 */
export const microProjectsLedger = ledger({
  ledger: 'microProjects',
  zh: '惠民项目',
  en: 'Micro-projects for residents',
  figures: [
    { key: 'approved', zh: '实施惠民项目', en: 'Projects approved', measureZh: '个', unit: 'count' },
    { key: 'budgetFen', zh: '项目预算', en: 'Budget approved', unit: 'fen' },
    { key: 'spentFen', zh: '已支出', en: 'Spent', unit: 'fen' },
    { key: 'done', zh: '完成项目', en: 'Projects done', measureZh: '个', unit: 'count' },
  ],
  rates: [{ key: 'budgetUsed', zh: '预算执行率', en: 'Budget spent', numerator: 'spentFen', denominator: 'budgetFen' }],
  sentences(v: FigureValues, period) {
    const n = (k: string) => v[k] ?? 0;
    return {
      zh: `${period.zh}实施惠民项目${n('approved')}个/${yuanText(n('budgetFen'))}，已支出${yuanText(n('spentFen'))}，完成${n('done')}个，收支在社区家务账中向居民公开。`,
      en: `${period.en}: ${n('approved')} micro-projects for residents approved with ${(n('budgetFen') / 100).toFixed(2)} yuan; ${(n('spentFen') / 100).toFixed(2)} yuan spent; ${n('done')} done; the accounts are open to residents.`,
    };
  },
  recordsPage: '/packages/microProjects/projects/index',
});

/** The figures rebuilt from a community's projects and spending, by China month (the recount test). */
export function recountMicroProjects(projects: readonly Pick<MicroProject, 'approvedAt' | 'budgetFen' | 'doneAt'>[], spending: readonly Pick<Spending, 'enteredAt' | 'amountFen'>[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const add = (month: string, deltas: Record<string, number>) => {
    const m = (out[month] ??= {});
    for (const [k, d] of Object.entries(deltas)) if (d) m[k] = (m[k] ?? 0) + d;
  };
  for (const p of projects) {
    if (p.approvedAt) add(chinaMonth(p.approvedAt), { approved: 1, budgetFen: p.budgetFen });
    if (p.doneAt) add(chinaMonth(p.doneAt), { done: 1 });
  }
  for (const s of spending) add(chinaMonth(s.enteredAt), { spentFen: s.amountFen });
  return out;
}
