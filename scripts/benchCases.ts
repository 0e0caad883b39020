/**
 * The cases section of the bench (scripts/bench.ts calls it; `npm run bench -- --only-cases` runs it alone, without the
 * seed): the city system's export of 5,000 hotline tickets for one community, imported through the real handler (every
 * row checked, the tickets already in looked up, the rows put in parts with a work item, in the request), then written
 * by the cases worker (drainCasesWork, 25 rows a transaction) until the import is done; then the same file again (all
 * present: nothing to write) and a file of 5,000 of which 500 are new.
 */
import type { Deps } from '../functions/platform/context';
import type { Item } from '../functions/platform/db';
import { keys } from '../functions/platform/keys';
import { signAccessToken } from '../functions/platform/tokens';
import { grantItem } from '../functions/org/store';
import { drainWork } from '../functions/cases/jobs';
import { cityCaseKind } from '../shared/cases/kinds/cityCase';
import type { Unit } from '../shared/org/schemas';
import type { BenchTools } from './benchRelief';

const SD = 'sd-cbench';

/** A file of the tickets from..to (exclusive) received in November 2026, their deadline 5 days later. */
function exportFile(from: number, to: number): string {
  const rows = [['工单编号', '来源', '问题类别', '诉求内容', '地点', '受理时间', '办理时限']];
  for (let i = from; i < to; i++) {
    const c = cityCaseKind.categories[i % cityCaseKind.categories.length]!;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hour = String(8 + (i % 10)).padStart(2, '0');
    rows.push([`BH2611${String(i).padStart(6, '0')}`, i % 7 ? '12345' : '数字城管', c.zh, `市民反映${c.zh}（第${i}号）`, `基准路${i % 300}号`, `2026-11-${day} ${hour}:15`, `2026-11-${day} ${hour}:15`.replace(/-(\d\d) /, (_, d: string) => `-${String(Math.min(Number(d) + 2, 30)).padStart(2, '0')} `)]);
  }
  return rows.map((r) => r.join(',')).join('\n');
}

export async function casesBench<Row>(t: BenchTools<Row>): Promise<void> {
  const { deps, print, sequential } = t;
  const sd: Unit = { id: SD, kind: 'subdistrict', name: '案件基准街道', path: [SD] };
  const community: Unit = { id: 'c-cbench', kind: 'community', name: '案件基准社区', parentId: SD, path: [SD, 'c-cbench'] };
  const workerId = 'u-cbench-worker';
  const token = signAccessToken({ userId: workerId, displayName: '基准社工', grants: [{ role: 'communityWorker', unitId: community.id, unitPath: community.path }] }, deps.config.tokenSecret, new Date(), 4 * 3600);
  const items: Item[] = [sd, community].map((u) => ({ ...keys.unit(u.id), entity: 'unit', ...u }));
  items.push(grantItem(workerId, 'communityWorker', community), { ...keys.user(workerId), entity: 'user', id: workerId, displayName: '基准社工' });
  for (const it of items) await deps.db.put(it);

  const workerLines: string[] = [];
  const drain = async (what: string, importId: string) => {
    const t1 = performance.now();
    let chunks = 0;
    for (let i = 0; i < 40; i++) {
      const run = await drainWork(deps as Deps);
      chunks += run.chunks;
      const state = await deps.db.get<{ state: string; written: number }>(keys.caseImport(importId), true);
      if (state?.state === 'done' || (!run.chunks && !run.failed)) break;
    }
    const state = await deps.db.get<{ state: string; written: number; present: number }>(keys.caseImport(importId), true);
    workerLines.push(`| ${what} | ${Math.round(performance.now() - t1)} | ${chunks} | ${state?.written ?? 0} written, ${state?.present ?? 0} present (${state?.state}) |`);
  };
  let k = 0;
  const req = (content: string) => () => ({ method: 'POST', path: '/cases/imports', token, body: { format: 'csv', communityId: community.id, content }, headers: { 'idempotency-key': `bench-cases-${++k}` } });
  const ids: string[] = [];
  const rows: Row[] = [];
  const run = async (what: string, content: string) => {
    rows.push(await sequential(`POST /cases/imports (${what})`, 1, req(content), 201));
    // the import just made, through the work item it wrote (none when every row was already in)
    const { items: work } = await deps.db.query<{ payload: { ref: string } }>({ index: 'gsi1', pk: keys.workItemDue('cases', '', '').gsi1pk, ascending: false, limit: 1 });
    const importId = work[0]?.payload.ref;
    if (importId && !ids.includes(importId)) {
      ids.push(importId);
      await drain(what, importId);
    } else workerLines.push(`| ${what} | 0 | 0 | nothing to write |`);
  };
  await run('5,000 new rows', exportFile(0, 5000));
  await run('5,000 rows, all present', exportFile(0, 5000));
  await run('5,000 rows, 500 of them new', exportFile(500, 5500));
  print('\n## Hotline import (12345 / 数字城管 export, CSV)\n');
  print('One request each (answered 201: checked, the new rows handed to the worker):\n');
  t.table(rows);
  print('\nThe cases worker writing each import until it is done (25 rows a transaction):\n');
  print('| import | worker ms | chunks (transactions) | result |');
  print('| --- | --- | --- | --- |');
  for (const l of workerLines) print(l);
}
