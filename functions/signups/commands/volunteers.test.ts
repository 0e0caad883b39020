import { signupsWorld, ok } from '../../../tests/support/signups';

type World = Awaited<ReturnType<typeof signupsWorld>>;
let w: World;

beforeAll(async () => {
  w = await signupsWorld();
});

describe('volunteers and teams', () => {
  it('registers a volunteer with the phone number WeChat vouches for, shown masked', async () => {
    const p = await w.h.person('陈静', [['resident', 'c-a']]);
    const res = await w.h.api.as(p).put('/me/volunteer', { realName: '陈静', phoneCode: 'phone:13812345678', skills: ['英语', '急救'], availability: ['weekendDaytime'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ realName: '陈静', phoneMasked: '138****5678', skills: ['英语', '急救'], communityId: 'c-a' });
    expect(JSON.stringify(res.body)).not.toContain('13812345678');
    expect(ok(await w.h.api.as(p).get('/me/volunteer'), 'me').volunteer.phoneMasked).toBe('138****5678');
  });

  it('asks a resident to bind to a community before volunteering', async () => {
    const p = await w.h.person('未绑定');
    const res = await w.h.api.as(p).put('/me/volunteer', { realName: '未绑定', phoneCode: 'phone:13812345678' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_BOUND');
  });

  it('forms a team with its leader, who puts volunteers on the roster; outsiders see names masked', async () => {
    // Prepare
    const leader = await w.volunteer('Anna Schmidt');
    const member = await w.volunteer('李明');
    const resident = await w.h.person('旁观者', [['resident', 'c-a']]);
    // Act
    const created = await w.h.api.as(w.organizer).post('/volunteer-teams', { unitId: 'c-a', name: '外籍志愿服务队', kind: 'foreignVolunteers', leaderIds: [leader.id] });
    const byResident = await w.h.api.as(resident).post(`/volunteer-teams/${created.body.team.id}/members`, { userId: member.id, role: 'member' });
    const byLeader = await w.h.api.as(leader).post(`/volunteer-teams/${created.body.team.id}/members`, { userId: member.id, role: 'member' });
    // Assess
    expect(created.status).toBe(201);
    expect(byResident.status).toBe(403);
    expect(byLeader.body.roster.map((m: { displayName: string; role: string }) => [m.displayName, m.role])).toEqual([
      ['Anna Schmidt', 'leader'],
      ['李明', 'member'],
    ]);
    expect(byLeader.body.team.memberCount).toBe(2);
    const seen = ok(await w.h.api.as(resident).get(`/volunteer-teams/${created.body.team.id}`), 'team');
    expect(seen.roster.map((m: { displayName: string }) => m.displayName)).toEqual(['A**********t', '李*']);
    const list = ok(await w.h.api.as(resident).get('/units/c-a/volunteer-teams'), 'list');
    expect(list.items.map((t: { name: string }) => t.name)).toContain('外籍志愿服务队');
  });

  it('lets a leader add a volunteer by the mobile number they registered with, but not one from another community', async () => {
    // Prepare
    const leader = await w.volunteer('王队长');
    const team = ok(await w.h.api.as(w.organizer).post('/volunteer-teams', { unitId: 'c-a', name: '巡防队', kind: 'patrol', leaderIds: [leader.id] }), 'team').team;
    const near = await w.h.person('张近邻', [['resident', 'c-a']]);
    ok(await w.h.api.as(near).put('/me/volunteer', { realName: '张近邻', phoneCode: 'phone:13700000001' }), 'near');
    const far = await w.h.person('赵远方', [['resident', 'c-b']]);
    ok(await w.h.api.as(far).put('/me/volunteer', { realName: '赵远方', phoneCode: 'phone:13700000002' }), 'far');
    // Act
    const added = await w.h.api.as(leader).post(`/volunteer-teams/${team.id}/members`, { phone: '13700000001', role: 'member' });
    const again = await w.h.api.as(leader).post(`/volunteer-teams/${team.id}/members`, { phone: '13700000001', role: 'member' });
    const outside = await w.h.api.as(leader).post(`/volunteer-teams/${team.id}/members`, { phone: '13700000002', role: 'member' });
    const unknown = await w.h.api.as(leader).post(`/volunteer-teams/${team.id}/members`, { phone: '13700000009', role: 'member' });
    const both = await w.h.api.as(leader).post(`/volunteer-teams/${team.id}/members`, { phone: '13700000001', userId: near.id, role: 'member' });
    // Assess
    expect(added.status).toBe(200);
    expect(added.body.roster.map((m: { userId: string }) => m.userId)).toContain(near.id);
    expect(again.body.team.memberCount).toBe(2);
    expect([outside.body.code, unknown.body.code]).toEqual(['NOT_A_VOLUNTEER', 'NOT_A_VOLUNTEER']);
    expect(both.status).toBe(400);
  });

  it("answers a leader's add by user id of a volunteer outside the team's reach as unknown, without their real name", async () => {
    // Prepare: a volunteer of c-b, whose user id a leader of c-a has learned
    const leader = await w.volunteer('孙队长');
    const team = ok(await w.h.api.as(w.organizer).post('/volunteer-teams', { unitId: 'c-a', name: '文明劝导队', kind: 'other', leaderIds: [leader.id] }), 'team').team;
    const far = await w.volunteer('钱远方', { community: 'c-b' });
    const near = await w.volunteer('钱近邻');
    // Act
    const outside = await w.h.api.as(leader).post(`/volunteer-teams/${team.id}/members`, { userId: far.id, role: 'member' });
    const inside = await w.h.api.as(leader).post(`/volunteer-teams/${team.id}/members`, { userId: near.id, role: 'member' });
    // Assess
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('NOT_A_VOLUNTEER');
    expect(JSON.stringify(outside.body)).not.toContain('钱远方');
    expect(inside.status).toBe(200);
    const roster = ok(await w.h.api.as(leader).get(`/volunteer-teams/${team.id}`), 'team').roster.map((m: { userId: string }) => m.userId);
    expect(roster).toContain(near.id);
    expect(roster).not.toContain(far.id);
  });

  it('refuses a team whose leader is not a registered volunteer, and one from a non-organizer', async () => {
    const plain = await w.h.person('普通居民', [['resident', 'c-a']]);
    const res = await w.h.api.as(w.organizer).post('/volunteer-teams', { unitId: 'c-a', name: '巡防队', kind: 'patrol', leaderIds: [plain.id] });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NOT_A_VOLUNTEER');
    expect((await w.h.api.as(plain).post('/volunteer-teams', { unitId: 'c-a', name: '巡防队', kind: 'patrol', leaderIds: [plain.id] })).status).toBe(403);
  });
});
