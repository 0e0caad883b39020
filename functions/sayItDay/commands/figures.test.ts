import { countersOf } from '../../../tests/support/figures';
import { harness, NEXT_SESSION_A, type Harness, type Person } from '../../../tests/support/harness';
import { sayItDayRecount } from '../figures';

let h: Harness;
let wang: Person;
let li: Person;
let zhao: Person;
let liu: Person;

beforeAll(async () => {
  h = await harness();
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
  li = await h.person('李建国', [['resident', 'c-a']]);
  zhao = await h.person('赵敏', [['resident', 'c-a']]);
  liu = await h.person('刘芳', [['communityWorker', 'c-a']]);
});

describe("the work summary's say-it day figures", () => {
  it('counts a closed session, its attendance and its matters by outcome once, in the month of its date, whatever the retries', async () => {
    // Prepare
    const a = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text: '小区绿化带杂草丛生需要修剪' });
    const b = await h.api.as(li).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'communityBuilding', text: '建议在3号楼加装电梯方便老人' });
    const c = await h.api.as(zhao).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'safety', text: '楼道堆放杂物影响消防通道' });
    const withdrawn = await h.api.as(zhao).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'other', text: '想问问社区活动室的开放时间' });
    await h.api.as(zhao).post(`/matters/${withdrawn.body.id}/withdraw`);
    h.clock.set('2026-12-05T01:00:00.000Z');
    const started = await h.api.as(liu).post(`/sessions/${NEXT_SESSION_A}/start`);
    await h.api.as(liu).put(`/sessions/${NEXT_SESSION_A}/minutes`, { attendance: 23, minutes: '居民代表23人参加', version: started.body.version });
    await h.api.as(liu).post(`/matters/${a.body.id}/outcome`, { kind: 'notAccepted', reason: '先记为不予受理' });
    await h.api.as(liu).post(`/matters/${a.body.id}/outcome`, { kind: 'solvedOnSpot', note: '物业当场安排本周修剪' });
    await h.api.as(liu).post(`/matters/${b.body.id}/outcome`, { kind: 'toFiveLists', note: '需街道协调住建部门' });
    await h.api.as(liu).post(`/matters/${c.body.id}/outcome`, { kind: 'notAccepted', reason: '已由物业处理完毕' });
    const before = await countersOf(h.deps.db, 'sayItDay', 'c-a', '2026-12');
    // Act
    const closed = await h.api.as(liu).post(`/sessions/${NEXT_SESSION_A}/close`);
    const again = await h.api.as(liu).post(`/sessions/${NEXT_SESSION_A}/close`);
    // Assess
    expect(before).toEqual({});
    expect(closed.status).toBe(200);
    expect(again.status).toBe(409);
    const expected = { sessionsHeld: 1, attendance: 23, mattersRaised: 3, solvedOnSpot: 1, toFiveLists: 1, notAccepted: 1 };
    expect(await countersOf(h.deps.db, 'sayItDay', 'c-a', '2026-12')).toEqual(expected);
    expect(await countersOf(h.deps.db, 'sayItDay', 'sd-t', '2026-12', '2026-12', 'subdistrict')).toEqual(expected);
    expect(await sayItDayRecount.recount(h.deps.db, 'c-a', '2026-12', '2026-12')).toEqual(expected);
    expect(await sayItDayRecount.recount(h.deps.db, 'c-a', '2026-11', '2026-11')).toEqual({});
  });
});
