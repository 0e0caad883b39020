/**
 * Seed data for relief (救助帮扶): households across the three communities with applications in every state (some
 * filed by a grid worker for the resident), half a year of payments (2026-06..2026-11 for a seed at 2026-12-01) with
 * their figure counters, the registry with tags and this month's screening flags, must-visits open, overdue and done,
 * and a few pairings.
 *
 * How it writes: everything through the real handlers, each step at its own moment (a moved clock): create (with an
 * Idempotency-Key), consent, submit, review at each level; the monthly batches of each community; one civil-affairs
 * import as xlsx (households paid outside the app); registry entries, events, visit logs and pairings. The screening is
 * the real job. ID numbers are valid (GB 11643 check digit) and made up; names come from the seed's name lists.
 * Communities run side by side. Idempotent: a marker item written last holds the summary; a second run writes nothing.
 */
import { rng } from './seedRandom';
import type { Deps } from '../functions/platform/context';
import { drainReliefWork, screenRegistry } from '../functions/relief/jobs';
import { writeXlsx } from '../functions/platform/xlsx';
import { withCheckDigit } from '../shared/platform/idNumber';
import { addMonths, chinaInstant } from '../shared/platform/chinaTime';
import type { ApplicationStatus, ReliefType } from '../shared/relief/schemas';
import { communities, givenNames, SUBDISTRICT, surnames } from './seedData';
import { pool } from './bulk';

type Call = (at: Date, method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

export interface ReliefSeedPerson {
  openid: string;
  userId: string;
  displayName: string;
  communityId?: string;
  gridId?: string;
}

export interface ReliefSeedSummary {
  applications: Record<ApplicationStatus, number>;
  proxy: number;
  /** payments written by the monthly batches and by the import */
  payments: number;
  periods: { from: string; to: string };
  registry: number;
  flagged: number;
  mustVisits: { open: number; overdue: number; done: number };
  pairings: number;
  written: number;
  skipped: number;
  apiCalls: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const marker = { pk: 'SEED#relief', sk: 'DONE' };

/** community → its worker, its grid workers by grid */
const staff: Record<string, { worker: string; grids: Record<string, string> }> = {
  'c-heping': { worker: 'worker-liu', grids: { 'g-heping-1': 'grid-chen', 'g-heping-2': 'grid-he' } },
  'c-jinlvzhou': { worker: 'worker-wu', grids: { 'g-jinlvzhou-1': 'grid-lin', 'g-jinlvzhou-2': 'grid-guo' } },
  'c-yuanxin': { worker: 'worker-zheng', grids: { 'g-yuanxin-1': 'grid-ma', 'g-yuanxin-2': 'grid-luo' } },
};
const OFFICER = 'officer-huang';
const REGION = '330106';

/** a moment in China time: `YYYY-MM-DD` at hh:00 */
const chinaAt = (day: string, hour = 10) => chinaInstant(day, `${String(hour).padStart(2, '0')}:00`);

/** What one application goes through, and when (months before `now`'s month; the day of that month). */
interface Plan {
  type: ReliefType;
  ends: ApplicationStatus;
  /** filed by the grid worker of the resident's grid, with the signed paper form */
  proxy?: boolean;
  monthsAgo: number;
  day: number;
}

/** The same plan in every community: every state, recurring payments from June, a one-off in August. */
const plans: Plan[] = [
  { type: 'dibao', ends: 'approved', monthsAgo: 7, day: 8 },
  { type: 'dibao', ends: 'approved', proxy: true, monthsAgo: 7, day: 15 },
  { type: 'severeDisabilitySubsidy', ends: 'approved', monthsAgo: 7, day: 20 },
  { type: 'seniorAllowance', ends: 'approved', monthsAgo: 6, day: 3 },
  { type: 'temporaryRelief', ends: 'approved', monthsAgo: 4, day: 6 },
  { type: 'dibao', ends: 'approved', monthsAgo: 3, day: 12 },
  { type: 'seniorCard', ends: 'approved', monthsAgo: 2, day: 18 },
  { type: 'dibao', ends: 'rejected', monthsAgo: 2, day: 9 },
  { type: 'seniorCard', ends: 'withdrawn', monthsAgo: 1, day: 21 },
  { type: 'dibao', ends: 'communityApproved', monthsAgo: 1, day: 10 },
  { type: 'dibao', ends: 'infoRequested', proxy: true, monthsAgo: 1, day: 16 },
  { type: 'seniorCard', ends: 'submitted', proxy: true, monthsAgo: 0, day: 0 },
  { type: 'temporaryRelief', ends: 'submitted', monthsAgo: 0, day: 0 },
  { type: 'dibao', ends: 'draft', monthsAgo: 0, day: 0 },
];

export async function seedRelief(opts: {
  deps: Deps;
  now: Date;
  people: ReliefSeedPerson[];
  call: Call;
  tokenFor: (openid: string, at: Date) => string;
  log?: (line: string) => void;
}): Promise<ReliefSeedSummary> {
  const { deps, now, call: rawCall, tokenFor } = opts;
  const log = opts.log ?? (() => {});
  const done = await deps.db.get<{ summary: ReliefSeedSummary }>(marker);
  if (done) return { ...done.summary, written: 0, apiCalls: 0, skipped: done.summary.written };

  const summary: ReliefSeedSummary = {
    applications: { draft: 0, submitted: 0, infoRequested: 0, communityApproved: 0, approved: 0, rejected: 0, withdrawn: 0 },
    proxy: 0,
    payments: 0,
    periods: { from: addMonths(now.toISOString().slice(0, 7), -6), to: addMonths(now.toISOString().slice(0, 7), -1) },
    registry: 0,
    flagged: 0,
    mustVisits: { open: 0, overdue: 0, done: 0 },
    pairings: 0,
    written: 0,
    skipped: 0,
    apiCalls: 0,
  };
  const call: Call = async (at, method, path, token, body, headers) => {
    summary.apiCalls++;
    const res = await rawCall(at, method, path, token, body, headers);
    if (res.status >= 300) throw new Error(`seed relief: ${method} ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const as = (openid: string, at: Date) => tokenFor(openid, new Date(at.getTime() - 60_000));
  const byOpenid = new Map(opts.people.map((p) => [p.openid, p]));
  const thisMonth = now.toISOString().slice(0, 7);
  // `now` minus a little, for what happened "today"
  const recent = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);

  // each scope numbers its own people (communities run side by side: one shared counter would not be deterministic)
  const seqs = new Map<number, number>();
  const idNumber = (base: number, birth: string) => {
    const seq = (seqs.get(base) ?? base) + 1;
    seqs.set(base, seq);
    const first17 = `${REGION}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    return withCheckDigit(first17);
  };
  const baseOf = (c: { id: string }, kind: 'apps' | 'registry') => (kind === 'apps' ? 100 : 500) + communities.findIndex((x) => x.id === c.id) * (kind === 'apps' ? 100 : 30);
  const IMPORT_BASE = 900;
  const docs = (uploader: string, kinds: string[], n: number) => kinds.map((kind) => ({ kind, key: `relief-docs/${uploader}/${kind}${n}.jpg` }));
  const bank = (r: () => number) => `6222${String(Math.floor(r() * 1e15)).padStart(15, '0')}`;
  const nameOf = (r: () => number) => `${surnames[Math.floor(r() * surnames.length)]}${givenNames[Math.floor(r() * givenNames.length)]}`;

  /** the body of an application of a type, for an owner (names and ID numbers made up; their own name for the applicant) */
  function body(r: () => number, base: number, type: ReliefType, owner: ReliefSeedPerson, uploader: string, n: number, onDay: string) {
    const idNumberOf = (birth: string) => idNumber(base, birth);
    const self = (birth: string, extra: Record<string, unknown> = {}) => ({ name: owner.displayName, relation: 'self', idNumber: idNumberOf(birth), ...extra });
    const year = (lo: number, hi: number) => `${lo + Math.floor(r() * (hi - lo))}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
    switch (type) {
      case 'dibao':
        return {
          type,
          household: [
            self(year(1955, 1975), { monthlyIncome: 400 + Math.floor(r() * 5) * 100 }),
            { name: nameOf(r), relation: 'spouse', idNumber: idNumberOf(year(1955, 1975)), monthlyIncome: Math.floor(r() * 4) * 100, health: '慢性病长期服药' },
            ...(r() < 0.6 ? [{ name: nameOf(r), relation: 'child', idNumber: idNumberOf(year(2008, 2018)), monthlyIncome: 0 }] : []),
          ],
          form: { reason: '家庭成员患病，收入微薄，生活困难', housing: r() < 0.5 ? 'rented' : 'owned', bankAccount: bank(r) },
          documents: docs(uploader, ['idCard', 'householdRegister', 'incomeProof'], n),
        };
      case 'temporaryRelief':
        return {
          type,
          household: [self(year(1960, 1990)), { name: nameOf(r), relation: 'child', idNumber: idNumberOf(year(2010, 2020)) }],
          form: { emergency: 'illness', occurredOn: new Date(Date.parse(onDay) - 12 * DAY).toISOString().slice(0, 10), description: '家人突发重病住院，医疗费用负担重', requestedAmount: 3000 + Math.floor(r() * 5) * 500, bankAccount: bank(r) },
          documents: docs(uploader, ['idCard', 'emergencyProof'], n),
        };
      case 'severeDisabilitySubsidy':
        return {
          type,
          household: [self(year(1960, 1990), { disability: { category: 'physical', grade: 1 + Math.floor(r() * 2) } })],
          form: { disabilityCertificateNo: `${REGION}${String(Math.floor(r() * 1e12)).padStart(12, '0')}11`, bankAccount: bank(r) },
          documents: docs(uploader, ['idCard', 'disabilityCertificate'], n),
        };
      case 'seniorAllowance':
        return { type, household: [self(year(1929, 1935))], form: { bankAccount: bank(r) }, documents: docs(uploader, ['idCard'], n) };
      default:
        return { type, household: [self(year(1940, 1965))], form: { pickup: r() < 0.5 ? 'community' : 'mail' }, documents: docs(uploader, ['idCard', 'photo'], n) };
    }
  }

  async function applicationsOf(c: (typeof communities)[number]) {
    const r = rng(`relief#${c.id}`);
    const { worker, grids } = staff[c.id]!;
    // the named residents first (王秀兰 has an approved dibao), then the generated ones
    const residents = opts.people.filter((p) => p.communityId === c.id && p.gridId && grids[p.gridId]);
    const owners = [...residents.filter((p) => !p.openid.startsWith('r-')), ...residents.filter((p) => p.openid.startsWith('r-'))];
    // the bodies first, in order (the random stream and the ID numbers stay the same on every run), then the
    // applications' lives side by side: each is its own chain of steps
    const made = plans.map((plan, i) => {
      const owner = owners[i % owners.length]!;
      const filer = plan.proxy ? grids[owner.gridId!]! : owner.openid;
      const filerId = byOpenid.get(filer)!.userId;
      const start = plan.monthsAgo ? chinaAt(`${addMonths(thisMonth, -plan.monthsAgo)}-${String(plan.day).padStart(2, '0')}`, 9) : recent(30 + i);
      return { plan, i, owner, filer, filerId, start, b: body(r, baseOf(c, 'apps'), plan.type, owner, filerId, i, start.toISOString().slice(0, 10)) };
    });
    await pool(made, 4, async ({ plan, i, owner, filer, filerId, start, b }) => {
      const proxy = plan.proxy ? { forUserId: owner.userId, gridId: owner.gridId } : {};
      const d = await call(start, 'POST', '/relief/applications', as(filer, start), { ...b, ...proxy }, { 'idempotency-key': `seed-relief-${c.id}-${i}` });
      const id = d.body.application.id as string;
      if (plan.proxy) summary.proxy++;
      if (plan.ends === 'draft') {
        summary.applications.draft++;
        return;
      }
      let version = d.body.application.version as number;
      let at = new Date(start.getTime() + HOUR);
      const step = async (who: string, path: string, extra: Record<string, unknown>) => {
        const res = await call(at, 'POST', `/relief/applications/${id}${path}`, as(who, at), { ...extra, version });
        version = res.body.application.version;
        return res;
      };
      await step(filer, '/consent', plan.proxy ? { method: 'signedForm', textVersion: '2026-11', photoKey: `relief-docs/${filerId}/signed${i}.jpg` } : { method: 'app', textVersion: '2026-11' });
      at = new Date(at.getTime() + HOUR);
      await step(filer, '/submit', {});
      if (plan.ends === 'withdrawn') {
        at = new Date(at.getTime() + 2 * DAY);
        await step(filer, '/withdraw', {});
      } else if (plan.ends === 'infoRequested') {
        at = new Date(at.getTime() + 2 * DAY);
        await step(worker, '/review', { decision: 'requestInfo', note: '请补充近三个月的收入证明和家庭成员的就业情况', missing: ['收入证明'] });
      } else if (plan.ends === 'rejected') {
        at = new Date(at.getTime() + 3 * DAY);
        await step(worker, '/review', { decision: 'reject', note: '经入户核查，家庭人均收入超过当地低保标准' });
      } else if (plan.ends === 'communityApproved' || plan.ends === 'approved') {
        at = new Date(at.getTime() + 3 * DAY);
        const amount = plan.type === 'temporaryRelief' ? { amount: (b.form as { requestedAmount: number }).requestedAmount - 500 } : {};
        const first = await step(worker, '/review', { decision: 'approve', note: '已入户核查，情况属实', ...(plan.type === 'seniorCard' ? {} : amount) });
        if (first.body.application.status === 'communityApproved' && plan.ends === 'approved') {
          at = new Date(at.getTime() + 4 * DAY);
          await step(OFFICER, '/review', { decision: 'approve', ...amount });
        }
      }
      summary.applications[plan.ends]++;
    });
  }

  /** the monthly batches of a community, each run on the 25th of its month (after that month's approvals) */
  async function batchesOf(c: (typeof communities)[number]) {
    const { worker } = staff[c.id]!;
    for (let m = -6; m <= -1; m++) {
      const period = addMonths(thisMonth, m);
      const at = chinaAt(`${period}-25`, 9);
      const res = await call(at, 'POST', `/communities/${c.id}/relief/disbursements/batch`, as(worker, at), { period });
      summary.payments += res.body.created as number;
    }
  }

  /** households paid by the civil-affairs system (not applied for in the app): one xlsx import for the half year */
  async function importCivilAffairs() {
    const r = rng('relief#import');
    const rows: (string | number)[][] = [['社区', '户主姓名', '身份证号', '救助类型', '发放月份', '保障人数', '发放金额']];
    for (const c of communities) {
      for (let h = 0; h < 5; h++) {
        const name = nameOf(r);
        const senior = h >= 3;
        const id = idNumber(IMPORT_BASE, senior ? `193${Math.floor(r() * 5)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}` : `19${60 + Math.floor(r() * 20)}-1${Math.floor(r() * 3)}-2${Math.floor(r() * 8)}`);
        const persons = senior ? 1 : 1 + Math.floor(r() * 3);
        const amount = senior ? 200 : 1365 * persons - Math.floor(r() * 8) * 100;
        for (let m = -6; m <= -1; m++) rows.push([c.name, name, id, senior ? '高龄津贴' : '低保', addMonths(thisMonth, m), persons, amount]);
      }
    }
    const at = chinaAt(`${thisMonth}-01`, 9);
    const res = await call(at, 'POST', `/subdistricts/${SUBDISTRICT}/relief/disbursements/import`, as(OFFICER, at), { format: 'xlsx', content: writeXlsx(rows).toString('base64') });
    // accepted (202): the relief worker writes it, as its schedule would within the minute; then the import is done
    await drainReliefWork(deps);
    const state = await call(at, 'GET', `/subdistricts/${SUBDISTRICT}/relief/disbursements/imports/${res.body.id}`, as(OFFICER, at));
    if (state.body.state !== 'done') throw new Error(`seed relief: the import is ${state.body.state}`);
    summary.payments += state.body.imported as number;
  }

  /** worker-added registry entries, must-visits in each state, a pairing */
  async function registryOf(c: (typeof communities)[number]) {
    const r = rng(`relief#registry#${c.id}`);
    const { worker, grids } = staff[c.id]!;
    const [gridA, gridB] = Object.keys(grids) as [string, string];
    const added: { householdId: string; gridId: string }[] = [];
    const entries: [string, string, string[], string][] = [
      // one turns 90 this month: the screening flags the senior allowance
      [gridA, `1936-${now.toISOString().slice(5, 7)}-0${1 + Math.floor(r() * 9)}`, ['elderlyAlone'], '独居老人，子女在外地'],
      [gridA, '1948-06-12', ['elderlyAlone', 'seriousIllness'], '老伴去世后独居，患高血压'],
      [gridB, '1982-03-08', ['leftBehindChild'], '父母外出务工，孩子由祖母照看'],
      [gridB, '1975-11-20', ['disability', 'lowIncome'], '肢体残疾，靠打零工为生'],
    ];
    for (const [i, [gridId, birth, tags, note]] of entries.entries()) {
      const at = chinaAt(`${addMonths(thisMonth, -5)}-1${i}`, 10);
      const res = await call(at, 'POST', `/communities/${c.id}/relief/registry`, as(worker, at), { gridId, headName: nameOf(r), headIdNumber: idNumber(baseOf(c, 'registry'), birth), tags, note });
      added.push({ householdId: res.body.householdId, gridId });
    }
    const visit = async (i: number, daysAgo: number, kind: string, note: string) => {
      const { householdId, gridId } = added[i]!;
      const at = recent(daysAgo * 24);
      const assigneeId = byOpenid.get(grids[gridId]!)!.userId;
      const res = await call(at, 'POST', `/communities/${c.id}/relief/must-visits`, as(worker, at), { householdId, kind, note, occurredOn: new Date(at.getTime() - DAY).toISOString().slice(0, 10), assigneeId });
      return { id: res.body.id as string, gridWorker: grids[gridId]! };
    };
    // done: recorded three weeks ago, visited two days later
    const d = await visit(1, 21, 'seriousIllness', '突发脑梗住院治疗');
    const at = recent(19 * 24);
    await call(at, 'POST', `/relief/must-visits/${d.id}/logs`, as(d.gridWorker, at), { found: '已到医院探望，家属陪护，协助申请临时救助', photos: [`uploads/${byOpenid.get(d.gridWorker)!.userId}/visit-${c.id}.jpg`] });
    summary.mustVisits.done++;
    // overdue: hardship, ten days ago (seven allowed)
    await visit(3, 10, 'hardship', '失去零工收入，家中断粮');
    summary.mustVisits.overdue++;
    // open: a bereavement yesterday
    await visit(0, 1, 'bereavement', '弟弟去世，情绪低落');
    summary.mustVisits.open++;
    // a resident (a party member) paired with the old person living alone, and their first visit
    const member = opts.people.find((p) => p.communityId === c.id && p.openid.startsWith('r-'))!;
    const pairAt = chinaAt(`${addMonths(thisMonth, -4)}-02`, 10);
    await call(pairAt, 'POST', `/communities/${c.id}/relief/pairings`, as(worker, pairAt), { householdId: added[0]!.householdId, userId: member.userId, role: 'partyMember' });
    const pvAt = chinaAt(`${addMonths(thisMonth, -1)}-20`, 15);
    await call(pvAt, 'POST', `/communities/${c.id}/relief/pairings/${added[0]!.householdId}/visits`, as(member.openid, pvAt), { found: '帮老人打扫卫生，陪同聊天，血压正常' });
    summary.pairings++;
    summary.registry += added.length;
  }

  await Promise.all(communities.map((c) => applicationsOf(c)));
  log(`relief: ${Object.values(summary.applications).reduce((a, b) => a + b, 0)} applications (${summary.proxy} filed by grid workers)`);
  await Promise.all([...communities.map((c) => batchesOf(c)), ...communities.map((c) => registryOf(c))]);
  // after the batches: both add to the same figure counters
  await importCivilAffairs();
  const screened = await screenRegistry(deps, now);
  // every final approval puts its household in the registry
  summary.registry += summary.applications.approved;
  summary.flagged = screened.flagged;
  log(`relief: ${summary.payments} payments ${summary.periods.from}..${summary.periods.to}, registry ${summary.registry} (${screened.flagged} flagged), visits, pairings`);
  // what this run did: each call is one step written through the handlers, and the marker
  summary.written = summary.apiCalls + 1;
  await deps.db.put({ ...marker, entity: 'seedMarker', summary });
  return summary;
}
