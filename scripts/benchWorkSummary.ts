/**
 * The work summary section of the bench (`npm run bench -- --only-work-summary` runs it alone after the seed): a
 * generated 50,000-resident sub-district of 20 communities with a year (2025-07..2026-06) of counters for every
 * ledger — those listed in shared/workSummary/ledgers.ts plus stand-ins up to 16 ledgers of 8 figures (the issue's
 * full list: say-it days, five lists, councils, consultations, registry, pairings, volunteering, events, time bank,
 * mediation, city cases, safety, street fronts, employment, micro-projects, elder care) — and relief's own counters
 * (4 types), per community and month and the sub-district's sums, written straight to the table. Then measured through
 * the real handlers: the sub-district's and a community's half-year summary (this half-year beside the one before),
 * and the two exports.
 */
import { rng } from './seedRandom';
import type { Item } from '../functions/platform/db';
import { keys } from '../functions/platform/keys';
import { signAccessToken } from '../functions/platform/tokens';
import { ledgers } from '../shared/workSummary/ledgers';
import type { Unit } from '../shared/org/schemas';
import type { BenchTools } from './benchRelief';
import { bulkPut } from './bulk';

const SD = 'sd-bench-ws';
const COMMUNITIES = 20;
const MONTHS = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const LEDGERS = 16;
const RELIEF_TYPES = ['dibao', 'seniorAllowance', 'severeDisabilitySubsidy', 'veteranCare'];


export async function workSummaryBench<Row>(t: BenchTools<Row>): Promise<void> {
  const { deps, print, sequential } = t;
  const r = rng('bench#workSummary');
  const t0 = performance.now();
  const sd: Unit = { id: SD, kind: 'subdistrict', name: '基准街道', path: [SD] };
  const communities: Unit[] = Array.from({ length: COMMUNITIES }, (_, i) => ({ id: `c-ws-${i}`, kind: 'community', name: `基准社区${i + 1}`, parentId: SD, path: [SD, `c-ws-${i}`] }));
  const items: Item[] = [sd, ...communities].map((u) => ({ ...keys.unit(u.id), entity: 'unit', ...u }));
  const officer = signAccessToken({ userId: 'u-ws-officer', displayName: '基准干部', grants: [{ role: 'subdistrictOfficer', unitId: SD, unitPath: [SD] }] }, deps.config.tokenSecret, new Date(), 4 * 3600);
  const worker = signAccessToken({ userId: 'u-ws-worker', displayName: '基准社工', grants: [{ role: 'communityWorker', unitId: 'c-ws-0', unitPath: [SD, 'c-ws-0'] }] }, deps.config.tokenSecret, new Date(), 4 * 3600);

  // every listed ledger with its declared figures, and stand-ins up to LEDGERS with 8 figures each
  const shapes: { ledger: string; figures: string[] }[] = ledgers.map((l) => ({ ledger: l.ledger, figures: l.figures.map((f) => f.key) }));
  for (let i = shapes.length; i < LEDGERS; i++) shapes.push({ ledger: `standIn${i}`, figures: Array.from({ length: 8 }, (_, k) => `figure${k}`) });
  const sums = new Map<string, Record<string, number>>();
  for (const c of communities) {
    for (const month of MONTHS) {
      for (const s of shapes) {
        const values = Object.fromEntries(s.figures.map((f) => [f, Math.floor(r() * 40)]));
        items.push({ ...keys.figure(c.id, month, s.ledger), entity: 'figure', communityId: c.id, month, ledger: s.ledger, ...values });
        const acc = sums.get(`${month}#${s.ledger}`) ?? {};
        for (const [k, v] of Object.entries(values)) acc[k] = (acc[k] ?? 0) + v;
        sums.set(`${month}#${s.ledger}`, acc);
      }
      for (const type of RELIEF_TYPES) {
        const h = 5 + Math.floor(r() * 40);
        const v = { householdTimes: h, personTimes: h * 2, amountFen: h * 80_000 };
        items.push({ ...keys.reliefFigure(c.id, month, type), entity: 'reliefFigure', communityId: c.id, period: month, type, ...v });
        const acc = sums.get(`${month}#relief#${type}`) ?? {};
        for (const [k, n] of Object.entries(v)) acc[k] = (acc[k] ?? 0) + n;
        sums.set(`${month}#relief#${type}`, acc);
      }
    }
  }
  for (const [key, values] of sums) {
    const [month, ledger, type] = key.split('#') as [string, string, string | undefined];
    if (ledger === 'relief') items.push({ ...keys.reliefFigureOfSubdistrict(SD, month, type!), entity: 'reliefFigureOfSubdistrict', subdistrictId: SD, period: month, type, ...values });
    else items.push({ ...keys.figureOfSubdistrict(SD, month, ledger), entity: 'figureOfSubdistrict', subdistrictId: SD, month, ledger, ...values });
  }
  await bulkPut(t.deps.db, items, 'bench work summary');
  print(`\n## Work summary\n`);
  print(
    `${COMMUNITIES} communities, ${MONTHS.length} months (${MONTHS[0]}..${MONTHS.at(-1)}), ${shapes.length} ledgers (${ledgers.length} listed, ${shapes.length - ledgers.length} stand-ins of 8 figures) and relief's ${RELIEF_TYPES.length} types: ${items.length} counter items written in ${Math.round(performance.now() - t0)} ms. A summary reads the unit and the counters of this half-year and the previous (FIG and relief's) in five requests at once: one round trip.\n`,
  );
  const get = (path: string, token: string) => () => ({ method: 'GET', path, token });
  const half = 'from=2026-01&to=2026-06';
  const n = Math.max(t.N, 200);
  const rows: Row[] = [];
  rows.push(await sequential('GET /work-summary (sub-district, half-year)', n, get(`/work-summary?unitId=${SD}&${half}`, officer), 200, get(`/work-summary?unitId=${SD}&${half}`, officer)));
  rows.push(await sequential('GET /work-summary (community, half-year)', n, get(`/work-summary?unitId=c-ws-0&${half}`, worker), 200, get(`/work-summary?unitId=c-ws-0&${half}`, worker)));
  rows.push(await sequential('GET /work-summary/export (sub-district, docx)', 50, get(`/work-summary/export?unitId=${SD}&${half}&format=docx`, officer), 200));
  rows.push(await sequential('GET /work-summary/export (sub-district, xlsx)', 50, get(`/work-summary/export?unitId=${SD}&${half}&format=xlsx`, officer), 200));
  t.table(rows);
  const crow: Row[] = [await t.concurrent('GET /work-summary (sub-district, half-year)', n, 16, get(`/work-summary?unitId=${SD}&${half}`, officer), 200)];
  print('\n16 at a time:\n');
  t.table(crow, true);
}
