import { harness, NEXT_SESSION_A, type Harness, type Person } from './harness';

/**
 * A five-lists world: the harness with a second partner unit, people in every role, and helpers that take a matter
 * to a given state through the real API.
 */
export const SESSION_DAY = '2026-12-05T01:00:00.000Z'; // 09:00 in China on the say-it day

export async function fiveListsWorld() {
  const h = await harness({ extraUnits: [{ id: 'p-power', kind: 'partnerUnit', name: '区供电所', parentId: 'sd-t', path: ['sd-t', 'p-power'] }] });
  const p: People = {
    wang: await h.person('王秀兰', [['resident', 'c-a']]),
    li: await h.person('李建国', [['resident', 'c-a']]),
    chen: await h.person('陈静', [['resident', 'c-a']]),
    zhao: await h.person('赵敏', [['resident', 'c-b']]),
    grid: await h.person('张网格', [['gridWorker', 'g-a1']]),
    worker: await h.person('刘芳', [['communityWorker', 'c-a']]),
    officer: await h.person('黄伟', [['subdistrictOfficer', 'sd-t']]),
    committee: await h.person('大工委老周', [['jointCommittee', 'sd-t']]),
    admin: await h.person('管理员', [['admin', 'sd-t']]),
    water: await h.person('水务小周', [['unitContact', 'p-water']]),
    water2: await h.person('水务小吴', [['unitContact', 'p-water']]),
    power: await h.person('供电老孙', [['unitContact', 'p-power']]),
  };
  return { h, p, ...helpers(h, p) };
}

type People = Record<'wang' | 'li' | 'chen' | 'zhao' | 'grid' | 'worker' | 'officer' | 'committee' | 'admin' | 'water' | 'water2' | 'power', Person>;

function ok(res: { status: number; body: any }, what: string) {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

function helpers(h: Harness, p: People) {
  /**
   * Raises matters for the next session of community A (by wang, each seconded by li), holds the session and sends each
   * into the five lists. Call once per world, before anything moves the clock: the session can start only once.
   */
  async function fromSession(specs: { text: string; anonymous?: boolean; seconders?: Person[] }[]): Promise<string[]> {
    const ids: string[] = [];
    for (const s of specs) {
      const m = ok(await h.api.as(p.wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text: s.text, anonymous: !!s.anonymous }), 'submit');
      for (const x of s.seconders ?? [p.li]) ok(await h.api.as(x).post(`/matters/${m.id}/seconds`), 'second');
      ids.push(m.id);
    }
    h.clock.set(SESSION_DAY);
    ok(await h.api.as(p.worker).post(`/sessions/${NEXT_SESSION_A}/start`), 'start');
    for (const id of ids) ok(await h.api.as(p.worker).post(`/matters/${id}/outcome`, { kind: 'toFiveLists', note: '需街道协调' }), 'outcome');
    return ids;
  }

  async function collected(text = '小区东门路面塌陷需要修补', category = 'safety'): Promise<string> {
    return ok(await h.api.as(p.grid).post('/five-lists/matters', { communityId: 'c-a', gridId: 'g-a1', source: 'walkRound', category, text }), 'collect').id;
  }

  const detail = async (id: string, who: Person = p.officer) => ok(await h.api.as(who).get(`/five-lists/matters/${id}`), 'detail');
  const version = async (id: string) => (await detail(id)).matter.version as number;

  async function dispatched(id: string, unitId = 'p-water') {
    return ok(await h.api.as(p.officer).post(`/five-lists/matters/${id}/dispatch`, { unitId, version: await version(id) }), 'dispatch');
  }
  async function reviewed(id: string, unitId = 'p-water') {
    const d = await dispatched(id, unitId);
    return ok(await h.api.as(p.officer).post(`/five-lists/matters/${id}/review`, { decision: 'confirm', version: d.version }), 'confirm');
  }
  async function claimed(id: string, contact: Person = p.water, unitId = 'p-water') {
    const r = await reviewed(id, unitId);
    return ok(await h.api.as(contact).post(`/five-lists/matters/${id}/claim`, { version: r.version }), 'claim');
  }
  async function resolved(id: string, contact: Person = p.water, unitId = 'p-water') {
    const c = await claimed(id, contact, unitId);
    return ok(
      await h.api.as(contact).post(`/five-lists/matters/${id}/resolve`, { note: '已安排维修并完工', photos: [`uploads/${contact.id}/done1.jpg`], version: c.version }),
      'resolve',
    );
  }
  return { fromSession, collected, detail, version, dispatched, reviewed, claimed, resolved };
}
