import { harness, NEXT_SESSION_A, NEXT_SESSION_B, type Harness, type Person } from '../../../tests/support/harness';

let h: Harness;
let wang: Person;
let li: Person;
let liu: Person;
let workerB: Person;
let officer: Person;

beforeAll(async () => {
  h = await harness();
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
  li = await h.person('李建国', [['resident', 'c-a']]);
  liu = await h.person('刘芳', [['communityWorker', 'c-a']]);
  workerB = await h.person('钱进', [['communityWorker', 'c-b']]);
  officer = await h.person('黄伟', [['subdistrictOfficer', 'sd-t']]);
});

describe('running a session', () => {
  it('takes a session from start through minutes and outcomes to close, and tells each author', async () => {
    // Prepare
    const a = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text: '小区绿化带杂草丛生需要修剪' });
    const b = await h.api.as(li).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'communityBuilding', text: '建议在3号楼加装电梯方便老人' });
    h.clock.set('2026-12-05T01:00:00.000Z'); // 09:00 in China on the 5th
    // Act
    const started = await h.api.as(liu).post(`/sessions/${NEXT_SESSION_A}/start`);
    const minutes = await h.api.as(liu).put(`/sessions/${NEXT_SESSION_A}/minutes`, { attendance: 23, minutes: '居民代表23人参加，议定事项如下', version: started.body.version });
    const solved = await h.api.as(liu).post(`/matters/${a.body.id}/outcome`, { kind: 'solvedOnSpot', note: '物业当场安排本周修剪' });
    const refusedNoReason = await h.api.as(liu).post(`/matters/${b.body.id}/outcome`, { kind: 'notAccepted' });
    const toLists = await h.api.as(liu).post(`/matters/${b.body.id}/outcome`, { kind: 'toFiveLists', note: '需街道协调住建部门' });
    const closed = await h.api.as(liu).post(`/sessions/${NEXT_SESSION_A}/close`);
    // Assess
    expect(started.body.state).toBe('inProgress');
    expect(minutes.body).toMatchObject({ attendance: 23 });
    expect(solved.body.status).toBe('solvedOnSpot');
    expect(refusedNoReason.status).toBe(422);
    expect(refusedNoReason.body.code).toBe('OUTCOME_REASON_REQUIRED');
    expect(toLists.body.status).toBe('toFiveLists');
    expect(closed.body.state).toBe('closed');
    expect(closed.body.summary).toEqual({ solvedOnSpot: 1, toFiveLists: 1, notAccepted: 0, withdrawn: 0 });
    const seen = await h.api.as(wang).get(`/matters/${a.body.id}`);
    expect(seen.body.matter.outcome).toMatchObject({ kind: 'solvedOnSpot', note: '物业当场安排本周修剪' });
    const inbox = await h.api.as(wang).get('/me/inbox');
    expect(inbox.body.items[0].title).toContain('当场解决');
    const unread = await h.api.as(wang).get('/me/inbox/unread');
    expect(unread.body.unread).toBe(1);
  });

  it('will not close a session while a matter has no outcome', async () => {
    const other = await harness();
    const resident = await other.person('赵敏', [['resident', 'c-b']]);
    const worker = await other.person('钱进', [['communityWorker', 'c-b']]);
    await other.api.as(resident).post(`/sessions/${NEXT_SESSION_B}/matters`, { category: 'safety', text: '地下车库照明不足容易出事' });
    await other.api.as(worker).post(`/sessions/${NEXT_SESSION_B}/start`);
    const res = await other.api.as(worker).post(`/sessions/${NEXT_SESSION_B}/close`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('MATTERS_WITHOUT_OUTCOME');
  });

  it('refuses a resident who tries to run a session', async () => {
    const res = await h.api.as(wang).post(`/sessions/c-a_20261215/start`);
    expect(res.status).toBe(403);
  });

  it("refuses a worker of community B who tries to close community A's session", async () => {
    const res = await h.api.as(workerB).post(`/sessions/c-a_20261215/close`);
    expect(res.status).toBe(404);
  });

  it('lets a sub-district officer host a session of any of its communities', async () => {
    const res = await h.api.as(officer).post(`/sessions/c-b_20261215/start`);
    expect(res.status).toBe(200);
    expect(res.body.hostName).toBe('黄伟');
  });
});
