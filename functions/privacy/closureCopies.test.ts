import { harness, type Harness, type Person } from '../../tests/support/harness';
import { helpers, ok } from '../../tests/support/signups';
import { watchTransactions } from '../../tests/support/transactions';
import { drainPrivacyWork } from './jobs';

/**
 * Closing an account leaves no copy of the name (issue 11 item 7): the copies other than those privacy.test.ts covers —
 * a volunteer team's roster, time-bank help requests asked and taken, consultation comments and the moderation entry a
 * report opened on one — each found by its capability's index on the person's id and pseudonymised, through the real
 * handlers and the privacy worker against DynamoDB Local.
 */
jest.setTimeout(120_000);

let h: Harness;
let organizer: Person;
let w: ReturnType<typeof helpers>;

beforeAll(async () => {
  h = await harness();
  organizer = await h.person('周组织', [['organizer', 'c-a']]);
  w = helpers(h, organizer);
});

/** Every item of the table (all pages) whose attributes hold `text` anywhere. */
async function scanFor(text: string): Promise<{ pk: string; sk: string }[]> {
  const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
  const out: { pk: string; sk: string }[] = [];
  let start: Record<string, any> | undefined;
  do {
    const page = await h.deps.db.client.send(new ScanCommand({ TableName: h.tableName, ExclusiveStartKey: start }));
    for (const i of page.Items ?? []) if (JSON.stringify(i).includes(text)) out.push({ pk: String(i.pk?.S), sk: String(i.sk?.S) });
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

const helpRequest = (communityId: string, description: string) => ({ communityId, birthDate: '1944-05-01', service: 'companionship', description, at: '2026-12-12T01:00:00.000Z', minutes: 30 });

describe('closing an account: team rosters, help requests, consultation comments, moderation entries', () => {
  it('leaves the name nowhere in the table, in transactions of at most 100 items, and a re-run changes nothing', async () => {
    // Prepare: a volunteer whose name is copied onto a team's roster, a help request she asked, one she took, a
    // comment of hers on a consultation and the moderation entry a neighbour's report of it opened
    const name = '司马秋菊';
    const person = await w.volunteer(name, { birthDate: '1960-06-01' });
    const leader = await w.volunteer('巡防队长甲');
    const elder = await h.person('高奶奶乙', [['resident', 'c-a']]);
    const neighbour = await h.person('李邻居丙', [['resident', 'c-a']]);
    const worker = await h.person('刘社工丁', [['communityWorker', 'c-a']]);
    const team = ok(await h.api.as(organizer).post('/volunteer-teams', { unitId: 'c-a', name: '和平巡防队', kind: 'patrol', leaderIds: [leader.id] }, { 'idempotency-key': 'closure-team-1' }), 'team');
    ok(await h.api.as(leader).post(`/volunteer-teams/${team.team.id}/members`, { userId: person.id, role: 'member' }), 'add member');
    ok(await h.api.as(person).post('/time-bank/requests', helpRequest('c-a', '陪同去社区医院复查'), { 'idempotency-key': 'closure-req-1' }), 'ask');
    const theirs = ok(await h.api.as(elder).post('/time-bank/requests', helpRequest('c-a', '帮忙买菜送上楼'), { 'idempotency-key': 'closure-req-2' }), 'their request');
    ok(await h.api.as(person).post(`/time-bank/requests/${theirs.id}/take`), 'take');
    const consultation = ok(
      await h.api.as(worker).post('/consultations', { unitId: 'c-a', title: '小区停车位改造方案征求意见', description: '拟将中心绿地部分改造为停车位。', options: ['改造', '不改造'], opensAt: '2026-12-01T00:00:00.000Z', closesAt: '2026-12-20T00:00:00.000Z' }),
      'consultation',
    );
    const comment = ok(await h.api.as(person).post(`/consultations/${consultation.id}/comments`, { text: '建议保留一半绿地' }, { 'idempotency-key': 'closure-comment-1' }), 'comment');
    ok(await h.api.as(neighbour).post(`/moderation/comment/${consultation.id}.${comment.id}/report`, { reason: 'abuse' }), 'report');
    const before = (await scanFor(name)).map((i) => `${i.pk.split('#')[0]}/${i.sk.split('#')[0]}`);
    // Act
    ok(await h.api.as(person).post('/me/close', { confirm: '注销' }), 'close');
    const tx = watchTransactions(h.deps.db.client);
    await drainPrivacyWork(h.deps);
    tx.stop();
    const after = await h.snapshot();
    await drainPrivacyWork(h.deps);
    // Assess: each kind of copy was there, and none is left
    expect(before).toEqual(expect.arrayContaining(['TEAM/MEMBER', 'HELPREQ/HELPREQ', 'CONSULT/COMMENT', 'MODITEM/MOD']));
    // but for the replies kept for the person's own repeated requests (IDEMP#, no index by person: they are not found
    // at closure), which expire a day after the request
    const left = await scanFor(name);
    expect(left.map((i) => i.pk).sort()).toEqual([`IDEMP#${person.id}#closure-comment-1`, `IDEMP#${person.id}#closure-req-1`]);
    for (const i of left) expect((await h.deps.db.get<{ expiresAt: number }>(i, true))!.expiresAt).toBeLessThanOrEqual(h.clock.now().getTime() / 1000 + 86_400);
    expect(tx.largest()).toBeLessThanOrEqual(100);
    expect(await h.snapshot()).toEqual(after);
    // the copies are kept, under the pseudonym
    const roster = ok(await h.api.as(leader).get(`/volunteer-teams/${team.team.id}`), 'roster').roster as { userId: string; displayName: string }[];
    const pseudonym = roster.find((m) => m.userId === person.id)!.displayName;
    expect(pseudonym).toMatch(/^已注销用户/);
    const comments = ok(await h.api.as(neighbour).get(`/consultations/${consultation.id}/comments`), 'comments').items as { id: string; authorName: string }[];
    expect(comments.find((c) => c.id === comment.id)!.authorName).toBe(pseudonym);
  });
});
