import { text } from '../../shared/notifications/texts';
import { harness, NEXT_SESSION_A, type Harness, type Person } from '../../tests/support/harness';
import { makeCtx } from '../platform/context';
import { keys } from '../platform/keys';
import { notificationWrites, shardOf } from '../platform/notify';
import { remindSessions } from '../sayItDay/jobs';
import { drainOutboxJob } from './jobs';
import { drainOutbox, MAX_ATTEMPTS } from './sender';

let h: Harness;
let wang: Person;
let li: Person;
let liu: Person;
const standIn = process.env.WECHAT_API_BASE!;

/** Every send to this person fails at the stand-in (other suites share it: only their own people's sends fail). */
async function failSendsTo(openid: string, fail = true, errcode?: number) {
  await fetch(`${standIn}/__standin/fail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ touser: openid, fail, errcode }) });
}

async function attemptsTo(openid: string): Promise<number> {
  const res = await fetch(`${standIn}/__standin/attempts`);
  return ((await res.json()) as { items: { touser: string }[] }).items.filter((a) => a.touser === openid).length;
}

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
    expect(drained).toEqual({ sent: 1, inboxOnly: 1, failed: 0, deadLettered: 0 });
    expect(again).toEqual({ sent: 0, inboxOnly: 0, failed: 0, deadLettered: 0 });
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
    await failSendsTo(li.openid);
    const failed = await drainOutbox(h.deps);
    await failSendsTo(li.openid, false);
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
    await failSendsTo(zhao.openid, true, 43101);
    expect(await drainOutbox(h.deps)).toEqual({ sent: 0, inboxOnly: 1, failed: 0, deadLettered: 0 });
    await failSendsTo(zhao.openid, false);
    h.clock.advance(60 * 60_000);
    expect(await drainOutbox(h.deps)).toEqual({ sent: 0, inboxOnly: 0, failed: 0, deadLettered: 0 });
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

describe('the outbox', () => {
  // run as the drainOutbox function, so the local guard checks its calls against its declared needs; each test its own table: one test's messages never stand in another's outbox
  let o: Harness;
  beforeEach(async () => {
    o = await harness();
  });

  /**
   * `n` messages for a person, written as a command writes them, and as many grants to send them; all in outbox shard 0
   * (ids picked so), so the ones in the way are in the very partition of the one behind them.
   */
  async function messagesFor(p: Person, n: number) {
    await o.deps.db.put({ ...keys.subscribeGrant(p.id, 'matterOutcome'), template: 'matterOutcome', count: n });
    const base = makeCtx(o.deps, 'test');
    const ctx = {
      ...base,
      newId: () => {
        for (;;) {
          const id = base.newId();
          if (shardOf(id) === 0) return id;
        }
      },
    };
    for (let i = 0; i < n; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, n - i) }, (_, k) =>
          o.deps.db.transact(notificationWrites(ctx, { userId: p.id, template: 'matterOutcome', text: text('sayItDay.outcome', { matter: `第${i + k}条`, kind: 'solvedOnSpot' }), data: { thing1: `第${i + k}条` } })),
        ),
      );
    }
  }

  it('sends a newer message at once although 100 failing ones are in the way', async () => {
    // Prepare: 100 messages whose sends fail (10 people's), then a newer one for a neighbour
    const failing = await Promise.all(Array.from({ length: 10 }, (_, i) => o.person(`钱${i}`, [['resident', 'c-a']])));
    const fine = await o.person('孙好', [['resident', 'c-a']]);
    o.clock.set('2026-12-06T01:00:00.000Z');
    for (const p of failing) {
      await messagesFor(p, 10);
      await failSendsTo(p.openid);
    }
    const first = await drainOutboxJob(o.deps);
    o.clock.advance(1000);
    await messagesFor(fine, 1);
    // Act: the next run, with the 100 backing off
    const next = await drainOutboxJob(o.deps);
    // ... and a run when the 100 are due again, with a newer message behind them
    o.clock.advance(60 * 60_000);
    await messagesFor(fine, 1);
    const later = await drainOutboxJob(o.deps);
    // Assess
    expect(first).toEqual({ sent: 0, inboxOnly: 0, failed: 100, deadLettered: 0 });
    expect(next).toEqual({ sent: 1, inboxOnly: 0, failed: 0, deadLettered: 0 });
    // not tried while backing off; all tried again once due
    expect((await Promise.all(failing.map((p) => attemptsTo(p.openid)))).reduce((a, b) => a + b)).toBe(200);
    expect(later).toEqual({ sent: 1, inboxOnly: 0, failed: 100, deadLettered: 0 });
    expect(await sentTo(fine.openid)).toHaveLength(2);
    for (const p of failing) await failSendsTo(p.openid, false);
  }, 120_000); // 100 failing sends, twice, on a DynamoDB Local shared with other suites

  it('sends each message once when two drains run at the same time', async () => {
    // Prepare: 20 people, 2 messages each
    o.clock.set('2026-12-07T01:00:00.000Z');
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => o.person(`居民${i}`, [['resident', 'c-a']])));
    for (const p of people) await messagesFor(p, 2);
    // Act: two drains at once, then one more for anything contention left due
    const [a, b] = await Promise.all([drainOutboxJob(o.deps), drainOutboxJob(o.deps)]);
    const after = await drainOutboxJob(o.deps);
    // Assess
    expect(a.sent + b.sent + after.sent).toBe(40);
    for (const p of people) {
      expect(await sentTo(p.openid)).toHaveLength(2);
      expect(await attemptsTo(p.openid)).toBe(2);
      expect((await o.deps.db.get<{ count: number }>(keys.subscribeGrant(p.id, 'matterOutcome')))!.count).toBe(0);
    }
  });

  it(`shows admins a message that failed ${MAX_ATTEMPTS} times as a dead letter, and stops trying it`, async () => {
    // Prepare
    const unlucky = await o.person('吴难', [['resident', 'c-a']]);
    const admin = await o.person('管理员', [['admin', 'sd-t']]);
    o.clock.set('2026-12-08T01:00:00.000Z');
    await messagesFor(unlucky, 1);
    await failSendsTo(unlucky.openid);
    // Act: a run every two hours, past every backoff
    const runs = [];
    for (let i = 0; i < MAX_ATTEMPTS + 1; i++) {
      runs.push(await drainOutboxJob(o.deps));
      o.clock.advance(2 * 3600_000);
    }
    const seen = await o.api.as(admin).get('/admin/dead-letters');
    const refused = await o.api.as(unlucky).get('/admin/dead-letters');
    // Assess
    expect(runs.map((r) => r.failed)).toEqual([...Array(MAX_ATTEMPTS - 1).fill(1), 0, 0]);
    expect(runs.map((r) => r.deadLettered)).toEqual([...Array(MAX_ATTEMPTS - 1).fill(0), 1, 0]);
    expect(await attemptsTo(unlucky.openid)).toBe(MAX_ATTEMPTS);
    expect(seen.status).toBe(200);
    expect(seen.body.items).toEqual([expect.objectContaining({ source: 'outbox', ref: 'matterOutcome', attempts: MAX_ATTEMPTS, lastError: expect.stringContaining('system error') })]);
    expect(JSON.stringify(seen.body)).not.toContain(unlucky.id);
    expect(refused.status).toBe(403);
    expect((await o.api.as(unlucky).get('/me/inbox')).body.items).toHaveLength(1);
    await failSendsTo(unlucky.openid, false);
  });
});
