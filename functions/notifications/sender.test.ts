import { harness, NEXT_SESSION_A, type Harness, type Person } from '../../tests/support/harness';
import { remindSessions } from '../sayItDay/jobs';
import { drainOutbox } from './sender';

let h: Harness;
let wang: Person;
let li: Person;
let liu: Person;
const standIn = process.env.WECHAT_API_BASE!;

async function sentTo(openid: string): Promise<{ template_id: string; data: Record<string, { value: string }> }[]> {
  const res = await fetch(`${standIn}/__standin/messages?touser=${encodeURIComponent(openid)}`);
  return ((await res.json()) as { items: never[] }).items;
}

beforeAll(async () => {
  h = await harness();
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
  li = await h.person('李建国', [['resident', 'c-a']]);
  liu = await h.person('刘芳', [['communityWorker', 'c-a']]);
  liMatter = await outcomeFor(li, '希望晚上增加巡逻次数');
  zhao = await h.person('赵敏', [['resident', 'c-a']]);
  zhaoMatter = await outcomeFor(zhao, '希望修好单元门禁');
});
let liMatter: string;
let zhao: Person;
let zhaoMatter: string;

async function outcomeFor(author: Person, text: string) {
  const m = await h.api.as(author).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'other', text });
  return m.body.id as string;
}

describe('notifications', () => {
  it('sends a subscribe message only while the resident holds a grant, and keeps the inbox item either way', async () => {
    // Prepare: one grant for matterOutcome; two outcomes to tell
    const granted = await h.api.as(wang).post('/me/subscriptions', { results: { [h.deps.config.templates.matterOutcome!]: 'accept', 'some-other-app': 'accept' } });
    expect(granted.body.counts).toEqual({ matterOutcome: 1 });
    const first = await outcomeFor(wang, '希望小区增设电动车充电桩');
    const second = await outcomeFor(wang, '希望楼道里增加扶手方便老人');
    h.clock.set('2026-12-05T01:00:00.000Z');
    await h.api.as(liu).post(`/sessions/${NEXT_SESSION_A}/start`);
    await h.api.as(liu).post(`/matters/${first}/outcome`, { kind: 'toFiveLists' });
    await h.api.as(liu).post(`/matters/${second}/outcome`, { kind: 'solvedOnSpot' });
    // Act
    const drained = await drainOutbox(h.deps);
    const again = await drainOutbox(h.deps);
    // Assess
    expect(drained).toEqual({ sent: 1, inboxOnly: 1, failed: 0 });
    expect(again).toEqual({ sent: 0, inboxOnly: 0, failed: 0 });
    const messages = await sentTo(wang.openid);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.template_id).toBe(h.deps.config.templates.matterOutcome);
    const inbox = await h.api.as(wang).get('/me/inbox');
    expect(inbox.body.items).toHaveLength(2);
  });

  it('retries a send that failed, and sends it once', async () => {
    await h.api.as(li).post('/me/subscriptions', { results: { [h.deps.config.templates.matterOutcome!]: 'accept' } });
    const id = liMatter;
    h.clock.set('2026-12-05T01:30:00.000Z');
    await h.api.as(liu).post(`/matters/${id}/outcome`, { kind: 'solvedOnSpot' });
    await fetch(`${standIn}/__standin/fail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 1 }) });
    const failed = await drainOutbox(h.deps);
    expect(failed.failed).toBe(1);
    expect(await sentTo(li.openid)).toHaveLength(0);
    const tooSoon = await drainOutbox(h.deps);
    expect(tooSoon.sent).toBe(0);
    h.clock.advance(10 * 60_000);
    const retried = await drainOutbox(h.deps);
    expect(retried.sent).toBe(1);
    expect(await sentTo(li.openid)).toHaveLength(1);
  });

  it('stops counting grants WeChat says the user does not hold (43101) and does not retry that send', async () => {
    await h.api.as(zhao).post('/me/subscriptions', { results: { [h.deps.config.templates.matterOutcome!]: 'accept' } });
    await h.api.as(zhao).post('/me/subscriptions', { results: { [h.deps.config.templates.matterOutcome!]: 'accept' } });
    h.clock.set('2026-12-05T02:00:00.000Z');
    await h.api.as(liu).post(`/matters/${zhaoMatter}/outcome`, { kind: 'solvedOnSpot' });
    await fetch(`${standIn}/__standin/fail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 1, errcode: 43101, errmsg: 'user refuse to accept the msg' }) });
    expect(await drainOutbox(h.deps)).toEqual({ sent: 0, inboxOnly: 1, failed: 0 });
    h.clock.advance(60 * 60_000);
    expect(await drainOutbox(h.deps)).toEqual({ sent: 0, inboxOnly: 0, failed: 0 });
    expect(await sentTo(zhao.openid)).toHaveLength(0);
    expect((await h.api.as(zhao).post('/me/subscriptions', { results: { [h.deps.config.templates.matterOutcome!]: 'reject' } })).body.counts).toEqual({ matterOutcome: 0 });
    expect((await h.api.as(zhao).get('/me/inbox')).body.items).toHaveLength(1);
  });

  it('marks inbox items read and lowers the unread count by exactly those', async () => {
    const before = await h.api.as(wang).get('/me/inbox/unread');
    const inbox = await h.api.as(wang).get('/me/inbox');
    const id = inbox.body.items[0].id;
    const once = await h.api.as(wang).post('/me/inbox/read', { ids: [id, id] });
    const twice = await h.api.as(wang).post('/me/inbox/read', { ids: [id] });
    expect(once.body.unread).toBe(before.body.unread - 1);
    expect(twice.body.unread).toBe(before.body.unread - 1);
  });

  it('reminds subscribed residents the day before, once however often the job runs', async () => {
    const other = await harness();
    const resident = await other.person('孙丽', [['resident', 'c-a']]);
    const quiet = await other.person('周强', [['resident', 'c-a']]);
    expect((await other.api.as(resident).put('/communities/c-a/reminder', { subscribed: true })).body.subscribed).toBe(true);
    other.clock.set('2026-12-04T02:00:00.000Z'); // the day before the 5th
    const first = await remindSessions(other.deps);
    const second = await remindSessions(other.deps);
    expect(first.reminded).toBe(1);
    expect(second.reminded).toBe(0);
    expect((await other.api.as(resident).get('/me/inbox')).body.items[0].title).toContain('说事日');
    expect((await other.api.as(quiet).get('/me/inbox')).body.items).toHaveLength(0);
    // the next session's reminder comes first in the inbox: reminders keep time-sorted ids
    other.clock.set('2026-12-14T02:00:00.000Z');
    expect((await remindSessions(other.deps)).reminded).toBe(1);
    const inbox = (await other.api.as(resident).get('/me/inbox')).body.items;
    expect(inbox.map((i: { body: string }) => i.body.includes('2026-12-15'))).toEqual([true, false]);
  });
});
