/**
 * The relief section of the bench (scripts/bench.ts calls it; `npm run bench -- --only-relief` runs it alone after the
 * seed): a generated half year of a 50,000-resident sub-district — ten communities, 1,500 households on relief, six
 * months of payments (9,000) with their figure counters, and a review backlog — written straight to the table in
 * batches (BatchWriteItem, as a year of history would take minutes through the handlers). Then measured through the
 * real handlers: the review queues, submit, review (community approval and the final approval with its case, registry
 * entry and notice), and the figures of a community and of the sub-district over the half year.
 */
import { randomBytes } from 'node:crypto';
import { rng } from './seedRandom';
import type { Deps } from '../functions/platform/context';
import type { Item } from '../functions/platform/db';
import { keys } from '../functions/platform/keys';
import { signAccessToken } from '../functions/platform/tokens';
import { grantItem } from '../functions/org/store';
import * as store from '../functions/relief/store';
import { vault } from '../functions/relief/commands/common';
import { drainReliefWork } from '../functions/relief/jobs';
import { checkDigitOf } from '../shared/platform/idNumber';
import { maskIdNumber, maskName } from '../shared/platform/masking';
import type { ReliefType } from '../shared/relief/schemas';
import type { Unit } from '../shared/org/schemas';
import { bulkPut } from './bulk';

interface Req {
  method: string;
  path: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface BenchTools<Row> {
  deps: Deps;
  N: number;
  print: (line?: string) => void;
  must: (r: Req, status: number) => Promise<any>;
  sequential: (name: string, n: number, make: (i: number) => Req, expected: number, warm?: (i: number) => Req) => Promise<Row>;
  concurrent: (name: string, n: number, c: number, make: (i: number) => Req, expected: number) => Promise<Row>;
  table: (rows: Row[], withRps?: boolean) => void;
}

const SD = 'sd-bench';
const COMMUNITIES = 10;
const HOUSEHOLDS = 1500;
const MONTHS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const BACKLOG_PER_COMMUNITY = 40;
const BACKLOG_SUBDISTRICT = 80;


const idNumber = (birth: string, seq: number) => {
  const first17 = `330106${birth.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  return `${first17}${checkDigitOf(first17)}`;
};

export async function reliefBench<Row>(t: BenchTools<Row>): Promise<void> {
  const { deps, print, must, sequential } = t;
  const r = rng('bench#relief');
  const t0 = performance.now();
  const sd: Unit = { id: SD, kind: 'subdistrict', name: '基准街道', path: [SD] };
  const communities: Unit[] = Array.from({ length: COMMUNITIES }, (_, i) => ({ id: `c-bench-${i}`, kind: 'community', name: `基准社区${i + 1}`, parentId: SD, path: [SD, `c-bench-${i}`] }));
  const grids: Unit[] = communities.flatMap((c) => [0, 1].map((g) => ({ id: `${c.id}-g${g}`, kind: 'grid' as const, name: `${c.name}第${g + 1}网格`, parentId: c.id, path: [...c.path, `${c.id}-g${g}`] })));
  const items: Item[] = [sd, ...communities, ...grids].map((u) => ({ ...keys.unit(u.id), entity: 'unit', ...u }));

  // staff, with their grants on the table (the reviewers the notifications go to) and tokens
  const token = (userId: string, displayName: string, grants: { role: string; unit: Unit }[]) =>
    signAccessToken({ userId, displayName, grants: grants.map((g) => ({ role: g.role as never, unitId: g.unit.id, unitPath: g.unit.path })) }, deps.config.tokenSecret, new Date(), 4 * 3600);
  const worker = { id: 'u-bench-worker', token: token('u-bench-worker', '基准社工', [{ role: 'communityWorker', unit: communities[1]! }]) };
  const worker0 = { id: 'u-bench-worker0', token: token('u-bench-worker0', '基准社工甲', [{ role: 'communityWorker', unit: communities[0]! }]) };
  const officer = { id: 'u-bench-officer', token: token('u-bench-officer', '基准干部', [{ role: 'subdistrictOfficer', unit: sd }]) };
  items.push(grantItem(worker.id, 'communityWorker', communities[1]!), grantItem(worker0.id, 'communityWorker', communities[0]!), grantItem(officer.id, 'subdistrictOfficer', sd));

  // 1,500 households on relief, six months of their payments, and the counters those payments add to
  const types: [ReliefType, number, number][] = [
    ['dibao', 0.6, 0],
    ['seniorAllowance', 0.2, 200],
    ['severeDisabilitySubsidy', 0.15, 300],
    ['veteranCare', 0.05, 1500],
  ];
  const counters = new Map<string, { c: string; p: string; t: ReliefType; h: number; n: number; fen: number }>();
  let payments = 0;
  for (let h = 0; h < HOUSEHOLDS; h++) {
    const c = communities[h % COMMUNITIES]!;
    let x = r();
    const [type, , fixed] = types.find(([, w]) => (x -= w) < 0) ?? types[0]!;
    const persons = type === 'dibao' ? 1 + Math.floor(r() * 4) : 1;
    const amountFen = (type === 'dibao' ? 1365 * persons - Math.floor(r() * 10) * 100 : fixed) * 100;
    const householdId = `hh-bench-${h}`;
    const head = maskName(`张${'桂英建华国强秀兰'[h % 8]}${h % 2 ? '明' : '芳'}`);
    for (const period of MONTHS) {
      const d: store.DisbursementRecord = { communityId: c.id, period, type, householdId, headNameMasked: head, persons, amountFen, status: 'paid', source: 'batch', createdAt: `${period}-05T01:00:00.000Z` };
      items.push({ ...keys.disbursement(c.id, period, type, householdId), entity: 'disbursement', ...d });
      payments++;
      const k = `${c.id}|${period}|${type}`;
      const acc = counters.get(k) ?? { c: c.id, p: period, t: type, h: 0, n: 0, fen: 0 };
      acc.h += 1;
      acc.n += persons;
      acc.fen += amountFen;
      counters.set(k, acc);
    }
  }
  const ofSubdistrict = new Map<string, { p: string; t: ReliefType; h: number; n: number; fen: number }>();
  for (const x of counters.values()) {
    items.push({ ...keys.reliefFigure(x.c, x.p, x.t), entity: 'reliefFigure', communityId: x.c, period: x.p, type: x.t, householdTimes: x.h, personTimes: x.n, amountFen: x.fen });
    const acc = ofSubdistrict.get(`${x.p}|${x.t}`) ?? { p: x.p, t: x.t, h: 0, n: 0, fen: 0 };
    acc.h += x.h;
    acc.n += x.n;
    acc.fen += x.fen;
    ofSubdistrict.set(`${x.p}|${x.t}`, acc);
  }
  for (const x of ofSubdistrict.values())
    items.push({ ...keys.reliefFigureOfSubdistrict(SD, x.p, x.t), entity: 'reliefFigureOfSubdistrict', subdistrictId: SD, period: x.p, type: x.t, householdTimes: x.h, personTimes: x.n, amountFen: x.fen });

  // a review backlog: applications waiting at each community, and at the sub-district after the community
  const backlog = (c: Unit, i: number, level: 'community' | 'subdistrict'): Item => {
    const at = new Date(Date.UTC(2026, 10, 1) + Math.floor(r() * 29 * 86_400_000)).toISOString();
    const id = `bench${level[0]}${c.id.slice(-1)}${String(i).padStart(4, '0')}${randomBytes(3).toString('hex')}`;
    const birth = `19${50 + Math.floor(r() * 40)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
    const rec: store.ApplicationRecord = {
      id,
      type: 'dibao',
      status: level === 'community' ? 'submitted' : 'communityApproved',
      awaiting: level,
      subdistrictId: SD,
      communityId: c.id,
      gridId: `${c.id}-g${i % 2}`,
      ownerId: `u-bench-res-${c.id}-${i}`,
      ownerName: `居民${i}`,
      members: [{ name: `居民${i}`, relation: 'self', idMasked: maskIdNumber(idNumber(birth, i)), sex: i % 2 ? 'male' : 'female', birthDate: birth, hasIncome: true, hasDisability: false, hasHealth: false }],
      form: { reason: '收入低于低保标准', housing: 'rented', bankAccount: '***************0123' },
      documents: [],
      eligibility: { eligible: true, persons: 1, checks: [], suggestedAmount: 865 } as never,
      persons: 1,
      householdId: `hh-backlog-${id}`,
      personHashes: [],
      locked: true,
      submittedAt: at,
      waitingSince: at,
      createdAt: at,
      updatedAt: at,
      version: level === 'community' ? 3 : 4,
    };
    return store.applicationItem(rec);
  };
  for (const c of communities) for (let i = 0; i < BACKLOG_PER_COMMUNITY; i++) items.push(backlog(c, i, 'community'));
  for (let i = 0; i < BACKLOG_SUBDISTRICT; i++) items.push(backlog(communities[i % COMMUNITIES]!, 1000 + i, 'subdistrict'));
  await bulkPut(deps.db, items, 'bench relief');
  print(`\n## Relief: a generated half year of a 50,000-resident sub-district\n`);
  print(
    `${COMMUNITIES} communities, ${HOUSEHOLDS} households on relief, ${payments} payments ${MONTHS[0]}..${MONTHS[MONTHS.length - 1]} with ${counters.size} community counters (and ${ofSubdistrict.size} of the sub-district), a backlog of ${COMMUNITIES * BACKLOG_PER_COMMUNITY} applications at the communities and ${BACKLOG_SUBDISTRICT} at the sub-district: ${items.length} items written in batches in ${Math.round(performance.now() - t0)} ms.\n`,
  );

  // drafts to submit and review, through the handlers (not measured): residents of community 1, consent given
  const n = Math.min(t.N, 100);
  const residents = Array.from({ length: n }, (_, i) => token(`u-bench-applicant-${i}`, `申请人${i}`, [{ role: 'resident', unit: communities[1]! }]));
  const drafts: { id: string; version: number; token: string }[] = [];
  for (let i = 0; i < n; i++) {
    const doc = (kind: string) => ({ kind, key: `relief-docs/u-bench-applicant-${i}/${kind}.jpg` });
    const d = await must(
      {
        method: 'POST',
        path: '/relief/applications',
        token: residents[i],
        body: {
          type: 'dibao',
          household: [
            { name: `申请人${i}`, relation: 'self', idNumber: idNumber(`1965-0${1 + (i % 9)}-1${i % 9}`, i), monthlyIncome: 500 },
            { name: `家属${i}`, relation: 'spouse', idNumber: idNumber(`1967-0${1 + (i % 9)}-2${i % 8}`, i), monthlyIncome: 300 },
          ],
          form: { reason: '家庭收入低于低保标准', housing: 'rented', bankAccount: '6222021234567890123' },
          documents: [doc('idCard'), doc('householdRegister'), doc('incomeProof')],
        },
        headers: { 'idempotency-key': `bench-relief-${randomBytes(8).toString('hex')}` },
      },
      201,
    );
    const c = await must({ method: 'POST', path: `/relief/applications/${d.application.id}/consent`, token: residents[i], body: { method: 'app', textVersion: '2026-11', version: d.application.version } }, 200);
    drafts.push({ id: d.application.id, version: c.application.version, token: residents[i]! });
  }

  const rows: Row[] = [];
  const get = (path: string, tok: string) => () => ({ method: 'GET', path, token: tok });
  print(`Sequential: reads ${t.N} each, writes ${n} each (one application each), one at a time.\n`);
  rows.push(await sequential('GET /units/{community}/relief/queue', t.N, get('/units/c-bench-0/relief/queue', worker0.token), 200, get('/units/c-bench-0/relief/queue', worker0.token)));
  rows.push(await sequential('GET /units/{subdistrict}/relief/queue', t.N, get(`/units/${SD}/relief/queue`, officer.token), 200, get(`/units/${SD}/relief/queue`, officer.token)));
  rows.push(await sequential('POST /relief/applications/{id}/submit', n, (i) => ({ method: 'POST', path: `/relief/applications/${drafts[i]!.id}/submit`, token: drafts[i]!.token, body: { version: drafts[i]!.version } }), 200));
  rows.push(
    await sequential('POST …/review approve (community)', n, (i) => ({ method: 'POST', path: `/relief/applications/${drafts[i]!.id}/review`, token: worker.token, body: { decision: 'approve', version: drafts[i]!.version + 1 } }), 200),
  );
  rows.push(
    await sequential('POST …/review approve (final: case, registry, notice)', n, (i) => ({ method: 'POST', path: `/relief/applications/${drafts[i]!.id}/review`, token: officer.token, body: { decision: 'approve', version: drafts[i]!.version + 2 } }), 200),
  );
  const half = `from=${MONTHS[0]}&to=${MONTHS[MONTHS.length - 1]}`;
  rows.push(await sequential('GET /relief/figures (community, half year)', t.N, get(`/relief/figures?unitId=c-bench-0&${half}`, officer.token), 200, get(`/relief/figures?unitId=c-bench-0&${half}`, officer.token)));
  rows.push(await sequential('GET /relief/figures (sub-district, half year)', t.N, get(`/relief/figures?unitId=${SD}&${half}`, officer.token), 200, get(`/relief/figures?unitId=${SD}&${half}`, officer.token)));
  rows.push(await sequential('GET /relief/figures/export (sub-district, xlsx)', Math.min(t.N, 50), get(`/relief/figures/export?unitId=${SD}&${half}&format=xlsx`, officer.token), 200));
  t.table(rows);
  const crow: Row[] = [];
  crow.push(await t.concurrent('GET /relief/figures (sub-district, half year)', t.N, 16, get(`/relief/figures?unitId=${SD}&${half}`, officer.token), 200));
  crow.push(await t.concurrent('GET /units/{community}/relief/queue', t.N, 16, get('/units/c-bench-0/relief/queue', worker0.token), 200));
  print('\nThe same reads, 16 at a time:\n');
  t.table(crow, true);
  const sdFigures = await must({ method: 'GET', path: `/relief/figures?unitId=${SD}&${half}`, token: officer.token }, 200);
  print(`\nThe sub-district's half year, as the work summary prints it: ${sdFigures.rows.map((x: { line: string }) => x.line).join('；')}`);

  // the civil-affairs import, one request each: a re-import of 5,000 rows all present (written straight to the table
  // first), the same file with 500 rows added, and last 5,000 new rows of another month. The request checks the rows
  // and writes the import (202); the relief worker (drainReliefWork, run here in-process as the schedule runs it) then
  // writes the payments in chunks: its time until the import is done is measured after each request
  const importRow = (i: number, period: string) => {
    const birth = new Date(Date.UTC(1940, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const type = i % 5 ? '低保' : '高龄津贴';
    return [communities[i % COMMUNITIES]!.name, `户主${i}`, idNumber(birth, i), type, period, 1 + (i % 4), 500 + (i % 7)].join(',');
  };
  const importFile = (from: number, to: number, period: string) =>
    ['社区,户主姓名,身份证号,救助类型,发放月份,保障人数,发放金额', ...Array.from({ length: to - from }, (_, k) => importRow(from + k, period))].join('\n');
  const importReq = (content: string) => () => ({ method: 'POST', path: `/subdistricts/${SD}/relief/disbursements/import`, token: officer.token, body: { format: 'csv', content } });
  const workerLines: string[] = [];
  /** the worker's runs until the newest import is done: wall time, chunks, and the import's counts */
  const drainImport = async (what: string) => {
    const t1 = performance.now();
    let chunks = 0;
    for (let i = 0; i < 10; i++) {
      const run = await drainReliefWork(deps);
      chunks += run.chunks;
      if (!run.chunks && !run.failed) break;
    }
    const ms = Math.round(performance.now() - t1);
    workerLines.push(`| ${what} | ${ms} | ${chunks} |`);
  };
  const reliefVault = vault();
  const present: Item[] = Array.from({ length: 5000 }, (_, i) => {
    const birth = new Date(Date.UTC(1940, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const d: store.DisbursementRecord = {
      communityId: communities[i % COMMUNITIES]!.id,
      period: '2026-12',
      type: i % 5 ? 'dibao' : 'seniorAllowance',
      householdId: reliefVault.hash('household', idNumber(birth, i)),
      headNameMasked: maskName(`户主${i}`),
      persons: 1 + (i % 4),
      amountFen: (500 + (i % 7)) * 100,
      status: 'pending',
      source: 'import',
      createdAt: '2026-12-01T00:00:00.000Z',
    };
    return { ...keys.disbursement(d.communityId, d.period, d.type, d.householdId), entity: 'disbursement', ...d };
  });
  await bulkPut(deps.db, present, 'bench relief');
  const irows: Row[] = [];
  irows.push(await sequential('POST …/disbursements/import (5,000 rows, all present)', 1, importReq(importFile(0, 5000, '2026-12')), 202));
  await drainImport('5,000 rows, all present');
  irows.push(await sequential('POST …/disbursements/import (5,000 rows, 500 of them new)', 1, importReq(importFile(500, 5500, '2026-12')), 202));
  await drainImport('5,000 rows, 500 of them new');
  irows.push(await sequential('POST …/disbursements/import (5,000 new rows)', 1, importReq(importFile(0, 5000, '2027-01')), 202));
  await drainImport('5,000 new rows');
  print('\nImporting the civil-affairs payments file (CSV), one request each (answered 202, the import pending):\n');
  t.table(irows);
  print('\nThe relief worker writing each import, until it is done:\n');
  print('| import | worker ms | chunks (transactions) |');
  print('| --- | --- | --- |');
  for (const l of workerLines) print(l);
}
