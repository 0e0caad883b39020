import { withCheckDigit } from '../../shared/platform/idNumber';
import { harness, type Harness, type Person } from './harness';

/**
 * A relief world: the harness with a second grid in community A, people in every role, valid ID numbers made with
 * their check digit, and helpers that take an application to a given state through the real API.
 */
export function idNumber(birth: string, seq = '123', region = '440305'): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${seq}`;
  return withCheckDigit(first17);
}
/** the same number with a wrong check digit */
export function badIdNumber(birth: string): string {
  const good = idNumber(birth);
  return `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
}

export const BANK = '6222021234567890123';

export async function reliefWorld() {
  const h = await harness({ extraUnits: [{ id: 'g-a2', kind: 'grid', name: '和平二网格', parentId: 'c-a', path: ['sd-t', 'c-a', 'g-a2'] }] });
  const p = {
    wang: await h.person('王秀兰', [['resident', 'c-a']]),
    li: await h.person('李建国', [['resident', 'c-a']]),
    zhao: await h.person('赵敏', [['resident', 'c-b']]),
    grid: await h.person('张网格', [['gridWorker', 'g-a1']]),
    grid2: await h.person('钱网格', [['gridWorker', 'g-a2']]),
    worker: await h.person('刘芳', [['communityWorker', 'c-a']]),
    workerB: await h.person('孙丽', [['communityWorker', 'c-b']]),
    officer: await h.person('黄伟', [['subdistrictOfficer', 'sd-t']]),
    admin: await h.person('管理员', [['admin', 'sd-t']]),
  };
  return { h, p, ...helpers(h, p) };
}
export type ReliefWorld = Awaited<ReturnType<typeof reliefWorld>>;
type People = Record<'wang' | 'li' | 'zhao' | 'grid' | 'grid2' | 'worker' | 'workerB' | 'officer' | 'admin', Person>;

export function ok(res: { status: number; body: any }, what: string) {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const doc = (who: Person, kind: string, n = 1) => ({ kind, key: `relief-docs/${who.id}/${kind}${n}.jpg` });

/** A dibao application body: a household of three below the line (1365 × 3 − 2000 = 2095 a month). */
let family = 100;
export function dibaoBody(who: Person, opts: { self?: string; spouse?: string; forUserId?: string; gridId?: string; seq?: string } = {}) {
  family += 1;
  return {
    type: 'dibao',
    household: [
      { name: '王秀兰', relation: 'self', idNumber: opts.self ?? idNumber('1970-03-04', opts.seq ?? String(100 + (family % 400) * 2 + 1)), monthlyIncome: 1500, health: '慢性肾病' },
      { name: '陈大明', relation: 'spouse', idNumber: opts.spouse ?? idNumber('1968-05-06', String(family)), monthlyIncome: 500, disability: { category: 'physical', grade: 2 } },
      { name: '陈小雨', relation: 'child', idNumber: idNumber('2012-07-08', String(family)), monthlyIncome: 0 },
    ],
    form: { reason: '丈夫因病失去劳动能力，家庭收入微薄', housing: 'rented', bankAccount: BANK },
    documents: [doc(who, 'idCard'), doc(who, 'householdRegister'), doc(who, 'incomeProof')],
    ...(opts.forUserId ? { forUserId: opts.forUserId, gridId: opts.gridId } : {}),
  };
}

export function seniorCardBody(who: Person, opts: { forUserId?: string; gridId?: string; birth?: string } = {}) {
  return {
    type: 'seniorCard',
    household: [{ name: '李奶奶', relation: 'self', idNumber: idNumber(opts.birth ?? '1950-01-01', '222') }],
    form: { pickup: 'community' },
    documents: [doc(who, 'idCard'), doc(who, 'photo')],
    ...(opts.forUserId ? { forUserId: opts.forUserId, gridId: opts.gridId } : {}),
  };
}

function helpers(h: Harness, p: People) {
  const path = (id: string, rest = '') => `/relief/applications/${id}${rest}`;

  async function draft(who: Person = p.wang, body: unknown = dibaoBody(who)) {
    return ok(await h.api.as(who).post('/relief/applications', body), 'create');
  }
  async function consented(who: Person = p.wang, body?: unknown) {
    const d = await draft(who, body ?? dibaoBody(who));
    return ok(await h.api.as(who).post(path(d.application.id, '/consent'), { method: 'app', textVersion: '2026-11', version: d.application.version }), 'consent');
  }
  async function submitted(who: Person = p.wang, body?: unknown) {
    const c = await consented(who, body);
    return ok(await h.api.as(who).post(path(c.application.id, '/submit'), { version: c.application.version }), 'submit');
  }
  async function review(who: Person, id: string, decision: 'approve' | 'reject' | 'requestInfo', extra: Record<string, unknown> = {}) {
    const d = ok(await h.api.as(who).get(path(id)), 'detail');
    return h.api.as(who).post(path(id, '/review'), { decision, version: d.application.version, ...extra });
  }
  async function approved(who: Person = p.wang, body?: unknown) {
    const s = await submitted(who, body);
    const id = s.application.id as string;
    ok(await review(p.worker, id, 'approve'), 'community approval');
    const d = ok(await h.api.as(p.officer).get(path(id)), 'read').application;
    if (d.status === 'communityApproved') ok(await review(p.officer, id, 'approve'), 'sub-district approval');
    return ok(await h.api.as(p.officer).get(path(id)), 'approved detail');
  }
  return { path, draft, consented, submitted, review, approved };
}
