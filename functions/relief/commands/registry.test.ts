import { screenRegistry } from '../../relief/jobs';
import { dibaoBody, idNumber, ok, reliefWorld, type ReliefWorld } from '../../../tests/support/relief';

jest.setTimeout(90_000);

let w: ReliefWorld;
let alone: string;
beforeAll(async () => {
  w = await reliefWorld();
});

const reg = '/communities/c-a/relief/registry';

describe('the relief registry', () => {
  it('takes in an approved household, with its benefit and tag', async () => {
    await w.approved(w.p.wang, dibaoBody(w.p.wang));
    const list = ok(await w.h.api.as(w.p.worker).get(reg), 'registry');
    expect(list.items).toEqual([expect.objectContaining({ headName: '王秀兰', source: 'application', tags: ['dibao'], benefits: [expect.objectContaining({ type: 'dibao', since: '2026-12-01' })] })]);
  });

  it('lets a grid worker add a household of their grid, once, and see only their grid', async () => {
    // Act: an old man living alone who turns 90 in January
    const body = { gridId: 'g-a1', headName: '周老伯', headIdNumber: idNumber('1937-01-15', '555'), tags: ['elderlyAlone'], note: '独居，子女在外地' };
    const res = await w.h.api.as(w.p.grid).post(reg, body);
    // Assess
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ headName: '周老伯', tags: ['elderlyAlone'], source: 'worker', gridId: 'g-a1' });
    expect(JSON.stringify(res.body)).not.toContain(body.headIdNumber);
    alone = res.body.householdId;
    expect((await w.h.api.as(w.p.grid).post(reg, body)).body.code).toBe('ALREADY_IN_REGISTRY');
    const mine = ok(await w.h.api.as(w.p.grid).get(reg), 'grid list');
    expect(mine.items.map((e: { headName: string }) => e.headName)).toEqual(['周老伯']);
    expect((await w.h.api.as(w.p.grid2).get(`${reg}?gridId=g-a1`)).status).toBe(404);
    expect((await w.h.api.as(w.p.wang).get(reg)).status).toBe(404);
  });

  it('changes tags on the version read', async () => {
    const entry = ok(await w.h.api.as(w.p.grid).get(reg), 'list').items[0];
    const res = await w.h.api.as(w.p.grid).put(`${reg}/${alone}/tags`, { tags: ['elderlyAlone', 'seriousIllness'], version: entry.version });
    expect(res.body.tags).toEqual(['elderlyAlone', 'seriousIllness']);
    expect((await w.h.api.as(w.p.grid).put(`${reg}/${alone}/tags`, { tags: [], version: entry.version })).body.code).toBe('STALE_VERSION');
  });
});

describe('revealing a worker-added household’s ID number', () => {
  it('answers the full number to a community worker who states why, audited first; nobody else', async () => {
    // Prepare
    const path = `${reg}/${alone}/reveal`;
    // Act
    const res = await w.h.api.as(w.p.worker).post(path, { reason: '核对高龄津贴发放名单' });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ householdId: alone, headName: '周老伯', headIdNumber: idNumber('1937-01-15', '555') });
    const { items } = await w.h.deps.db.query({ pk: 'RREG#c-a', prefix: `AUDIT#${alone}#` });
    expect(items).toEqual([expect.objectContaining({ byName: '刘芳', reason: '核对高龄津贴发放名单', fields: ['headIdNumber'], id: res.body.auditId })]);
    expect((await w.h.api.as(w.p.grid).post(path, { reason: '核对高龄津贴发放名单' })).status).toBe(403);
    expect((await w.h.api.as(w.p.workerB).post(path, { reason: '核对高龄津贴发放名单' })).status).toBe(404);
    expect((await w.h.api.as(w.p.worker).post(path, {})).status).toBe(400);
    expect((await w.h.deps.db.query({ pk: 'RREG#c-a', prefix: `AUDIT#${alone}#` })).items).toHaveLength(1);
  });

  it('has nothing to reveal for a household that came from an application', async () => {
    const fromApplication = ok(await w.h.api.as(w.p.worker).get(reg), 'list').items.find((e: { source: string }) => e.source === 'application');
    const res = await w.h.api.as(w.p.worker).post(`${reg}/${fromApplication.householdId}/reveal`, { reason: '核对低保发放名单' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NOTHING_SEALED');
  });
});

describe('the monthly screening', () => {
  it('flags households due a re-check or a visit, once per month', async () => {
    // Act: January 2027 (the job's clock; the tokens stay within their month); 周老伯 turns 90
    const january = new Date('2027-01-01T19:00:00.000Z');
    const first = await screenRegistry(w.h.deps, january);
    const second = await screenRegistry(w.h.deps, january);
    // Assess
    expect(first).toMatchObject({ screened: 2, flagged: 1 });
    expect(second).toMatchObject({ screened: 0, flagged: 0 });
    const flagged = ok(await w.h.api.as(w.p.worker).get(`${reg}?flagged=true`), 'flagged');
    expect(flagged.items).toHaveLength(1);
    expect(flagged.items[0].flags.map((f: { kind: string }) => f.kind)).toEqual(['ageThreshold']);
    // March: ninety days without a visit
    await screenRegistry(w.h.deps, new Date('2027-03-02T01:00:00.000Z'));
    const march = ok(await w.h.api.as(w.p.worker).get(`${reg}?flagged=true`), 'flagged');
    expect(march.items[0].flags.map((f: { kind: string }) => f.kind)).toEqual(['visitDue']);
  });
});

describe('must-visits and pairing', () => {
  it('starts a visit with its deadline, flags it overdue per worker, and closes it with a log', async () => {
    // Prepare
    w.h.clock.set('2026-12-10T01:00:00.000Z');
    const v = ok(
      await w.h.api.as(w.p.grid).post('/communities/c-a/relief/must-visits', { householdId: alone, kind: 'seriousIllness', note: '突发脑梗住院', occurredOn: '2026-12-09' }),
      'record',
    );
    expect(v).toMatchObject({ kind: 'seriousIllness', status: 'open', assigneeName: '张网格', deadlineAt: '2026-12-13T01:00:00.000Z', overdue: false });
    // Act: four days later
    w.h.clock.set('2026-12-14T01:00:00.000Z');
    const overdue = ok(await w.h.api.as(w.p.worker).get('/communities/c-a/relief/must-visits/overdue'), 'overdue');
    expect(overdue.items).toEqual([{ workerId: w.p.grid.id, workerName: '张网格', open: 1, overdue: 1 }]);
    const logged = await w.h.api.as(w.p.grid).post(`/relief/must-visits/${v.id}/logs`, { found: '已到医院探望，家属陪护，协助申请临时救助', photos: [`uploads/${w.p.grid.id}/visit1.jpg`] });
    // Assess
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ status: 'done', overdue: false, logs: [expect.objectContaining({ byName: '张网格', found: expect.stringContaining('探望') })] });
    expect(ok(await w.h.api.as(w.p.worker).get('/communities/c-a/relief/must-visits/overdue'), 'overdue').items).toEqual([]);
    expect(ok(await w.h.api.as(w.p.grid).get(reg), 'list').items[0].lastVisitAt).toBe('2026-12-14T01:00:00.000Z');
  });

  it('tells the worker a visit is assigned to, and not the worker who assigned it', async () => {
    // Act: the community worker records an event for the grid worker to visit
    const v = ok(
      await w.h.api.as(w.p.worker).post('/communities/c-a/relief/must-visits', { householdId: alone, kind: 'bereavement', note: '老伴去世', occurredOn: '2026-12-14', assigneeId: w.p.grid.id }),
      'record',
    );
    // Assess
    const about = async (who: typeof w.p.grid) => ok(await w.h.api.as(who).get('/me/inbox'), 'inbox').items.filter((i: { link?: string }) => i.link?.includes(v.id));
    expect(await about(w.p.grid)).toEqual([expect.objectContaining({ template: 'reliefVisit', title: '有一户需要走访', body: '周*伯家家中有人去世，请在2026-12-17前走访' })]);
    expect(await about(w.p.worker)).toEqual([]);
    expect(await about(w.p.grid2)).toEqual([]);
  });

  it('refuses a visit for a household not in the registry', async () => {
    const res = await w.h.api.as(w.p.grid).post('/communities/c-a/relief/must-visits', { householdId: 'nosuchhousehold', kind: 'bereavement', note: '家中老人去世', occurredOn: '2027-03-09' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('HOUSEHOLD_NOT_IN_REGISTRY');
  });

  it('pairs a party member with a household and keeps their visits', async () => {
    const member = await w.h.person('党员老陈', [['resident', 'c-a']]);
    const paired = await w.h.api.as(w.p.worker).post('/communities/c-a/relief/pairings', { householdId: alone, userId: member.id, role: 'partyMember' });
    expect(paired.status).toBe(201);
    const visit = await w.h.api.as(member).post(`/communities/c-a/relief/pairings/${alone}/visits`, { found: '帮助打扫卫生，陪同聊天' });
    expect(visit.status).toBe(201);
    expect(visit.body.visits).toEqual([expect.objectContaining({ byName: '党员老陈' })]);
    expect((await w.h.api.as(w.p.li).post(`/communities/c-a/relief/pairings/${alone}/visits`, { found: '冒充' })).status).toBe(404);
    const list = ok(await w.h.api.as(w.p.worker).get(`/communities/c-a/relief/pairings/${alone}`), 'pairings');
    expect(list.items).toEqual([expect.objectContaining({ userName: '党员老陈', role: 'partyMember' })]);
  });
});
