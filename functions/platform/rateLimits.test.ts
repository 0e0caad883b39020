import { harness, NEXT_SESSION_A, START, type Harness, type Person } from '../../tests/support/harness';
import type { Endpoint } from '../../shared/http';
import { Db } from './db';
import { setLogSink } from './log';
import { consumeLimit, rateLimits } from './rateLimits';

/**
 * Rate limits through the real wrapper and DynamoDB Local: a burst over a limit passes exactly the limit (the counter's
 * condition, not a read), the rest get 429 with Retry-After, the next window passes again, and a community's limit
 * holds against many accounts.
 */
let h: Harness;

beforeAll(async () => {
  h = await harness();
});

const matter = (i: number) => ({ category: 'environment', text: `楼道灯坏了，第${i}次反映，请尽快修理` });
const hourlyMatters = rateLimits.matter.find((r) => r.per === 'user' && r.windowSeconds === 3600)!.max;

describe('rate limits', () => {
  it('passes exactly the hourly limit of a burst of matters from one resident and refuses the rest with 429 and Retry-After', async () => {
    // Prepare
    const wang = await h.person('王秀兰', [['resident', 'c-a']]);
    // Act: 10 more than the limit, all at once
    const answers = await Promise.all(Array.from({ length: hourlyMatters + 10 }, (_, i) => h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, matter(i))));
    // Assess
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(hourlyMatters);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(10);
    // START is 10:00 in China: the hour's window ends at 11:00
    for (const r of refused) {
      expect(r.body).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 3600 });
      expect(r.body.message.length).toBeGreaterThan(0);
      expect(r.body.messageEn.length).toBeGreaterThan(0);
      expect(r.headers['retry-after']).toBe('3600');
    }
    const mine = await h.api.as(wang).get('/me/matters?limit=100');
    expect(mine.body.items).toHaveLength(hourlyMatters);
  });

  it('passes again in the next window, and another resident was never limited by the first one', async () => {
    // Prepare
    const li = await h.person('李建国', [['resident', 'c-a']]);
    const zhang = await h.person('张伟', [['resident', 'c-a']]);
    await Promise.all(Array.from({ length: hourlyMatters }, (_, i) => h.api.as(li).post(`/sessions/${NEXT_SESSION_A}/matters`, matter(i))));
    expect((await h.api.as(li).post(`/sessions/${NEXT_SESSION_A}/matters`, matter(99))).status).toBe(429);
    expect((await h.api.as(zhang).post(`/sessions/${NEXT_SESSION_A}/matters`, matter(1))).status).toBe(201);
    // Act: an hour later
    h.clock.advance(3600_000);
    try {
      const later = await h.api.as(li).post(`/sessions/${NEXT_SESSION_A}/matters`, matter(100));
      // Assess
      expect(later.status).toBe(201);
    } finally {
      h.clock.advance(-3600_000);
    }
  });

  it('answers a retry of a create that went through with its first answer, not a 429', async () => {
    // Prepare
    const zhou = await h.person('周丽', [['resident', 'c-a']]);
    const headers = { 'idempotency-key': 'limit-retry-0001' };
    const first = await h.api.as(zhou).post(`/sessions/${NEXT_SESSION_A}/matters`, matter(0), headers);
    await Promise.all(Array.from({ length: hourlyMatters }, (_, i) => h.api.as(zhou).post(`/sessions/${NEXT_SESSION_A}/matters`, matter(i + 1))));
    // Act
    const retry = await h.api.as(zhou).post(`/sessions/${NEXT_SESSION_A}/matters`, matter(0), headers);
    // Assess
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });

  it("limits a community's binding requests from many accounts, and not another community's", async () => {
    // Prepare: one more newcomer than community c-a takes requests from in a day
    const perCommunity = rateLimits.binding.find((r) => r.per === 'community')!.max;
    const newcomers: Person[] = [];
    for (let i = 0; i <= perCommunity; i++) newcomers.push(await h.person(`新居民${i}`));
    // Act: 25 at a time, as a few Lambda instances would serve them (not 201 handlers in one process, which measures
    // the SDK's socket pool and outlives the function's timeout on a busy machine)
    const answers: Awaited<ReturnType<ReturnType<Harness['api']['as']>['post']>>[] = [];
    for (let i = 0; i < newcomers.length; i += 25) {
      answers.push(...(await Promise.all(newcomers.slice(i, i + 25).map((p) => h.api.as(p).post('/me/binding', { communityId: 'c-a' })))));
    }
    const elsewhere = await h.api.as(newcomers[0]!).post('/me/binding', { communityId: 'c-b' });
    // Assess
    expect(answers.filter((a) => a.status === 200)).toHaveLength(perCommunity);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.status).toBe(429);
    expect(refused[0]!.body.code).toBe('RATE_LIMITED');
    // the refused newcomer's own daily count was given back: they can still ask c-b
    const refusedOne = newcomers[answers.indexOf(refused[0]!)]!;
    expect((await h.api.as(refusedOne).post('/me/binding', { communityId: 'c-b' })).status).toBe(200);
    // the first newcomer is pending at c-a already: c-b refuses them for that reason, not the limit
    expect(elsewhere.status).not.toBe(429);
  }, 60_000);

  it('limits binding requests per person to five a day', async () => {
    // Prepare
    const perUser = rateLimits.binding.find((r) => r.per === 'user' && r.when?.({ principal: { userId: 'x', grants: [] }, params: {}, body: { communityId: 'c' } }))!.max;
    const me = await h.person('反复申请');
    // Act: asking again replaces the pending request, and each counts (c-b: the test above spent c-a's day)
    const answers = [];
    for (let i = 0; i <= perUser; i++) answers.push(await h.api.as(me).post('/me/binding', { communityId: 'c-b', note: `第${i + 1}次` }));
    // Assess
    expect(answers.slice(0, perUser).map((a) => a.status)).not.toContain(429);
    expect(answers[perUser]!.status).toBe(429);
  });

  it('logs a give-back that fails, and still refuses with 429', async () => {
    // Prepare: a community's daily matters are spent; the table refuses the caller's give-back (a throttled table)
    const db = h.deps.db;
    const failing = Object.create(db) as Db;
    failing.update = (key, change) => (change.add?.count === -1 ? Promise.reject(Object.assign(new Error('throttled'), { name: 'ThrottlingException' })) : db.update(key, change));
    const endpoint = { limit: 'matter' } as Endpoint;
    const input = { principal: { userId: 'u-giveback', grants: [{ role: 'resident', unitId: 'c-giveback' }] }, params: {}, body: {} } as Parameters<typeof consumeLimit>[2];
    const perCommunity = rateLimits.matter.find((r) => r.per === 'community')!.max;
    for (let i = 0; i < perCommunity; i++) await consumeLimit(db, endpoint, { ...input, principal: { ...input.principal, userId: `u-${i}` } }, Date.parse(START));
    const lines: string[] = [];
    const prev = setLogSink((line) => lines.push(line));
    try {
      // Act
      const refused = await consumeLimit(failing, endpoint, input, Date.parse(START)).catch((e: unknown) => e);
      // Assess: refused, and the failed give-back of the user's hourly and daily counts is in the logs
      expect((refused as { status?: number }).status).toBe(429);
      const warned = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'rate limit give-back failed');
      expect(warned).toHaveLength(2);
      expect(warned[0]).toMatchObject({ level: 'warn', limit: 'matter', pk: 'RATE#u#u-giveback', error: 'ThrottlingException' });
    } finally {
      setLogSink(prev);
    }
  }, 120_000);
});
