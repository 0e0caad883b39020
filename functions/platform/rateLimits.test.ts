import { harness, NEXT_SESSION_A, START, type Harness, type Person } from '../../tests/support/harness';
import { api } from '../../shared/api';
import type { Endpoint, RateLimitName } from '../../shared/http';
import { Db } from './db';
import { setLogSink } from './log';
import { consumeLimit, RateLimitedError, rateLimits, unlimitedWrites } from './rateLimits';

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

describe('staff writes', () => {
  it('names a limit on every write of the contract, or says why a person cannot repeat it without end', () => {
    // Prepare
    const writes = Object.entries(api).flatMap(([capability, endpoints]) =>
      Object.entries(endpoints as Record<string, Endpoint>)
        .filter(([, e]) => e.method !== 'GET')
        .map(([name, e]) => ({ id: `${capability}.${name}`, limit: e.limit })),
    );
    // Act
    const neither = writes.filter((w) => !w.limit && !unlimitedWrites[w.id]).map((w) => w.id);
    const both = writes.filter((w) => w.limit && unlimitedWrites[w.id]).map((w) => w.id);
    const stale = Object.keys(unlimitedWrites).filter((id) => !writes.some((w) => w.id === id));
    // Assess: a new write (a staff step, a new ledger) fails here until it names a limit or its reason
    expect(neither).toEqual([]);
    expect(both).toEqual([]);
    expect(stale).toEqual([]);
    for (const w of writes) if (w.limit) expect(rateLimits[w.limit].length).toBeGreaterThan(0);
    expect(writes.length).toBeGreaterThan(100);
  });

  it('refuses a script-like burst of announcements by one worker with 429 and the hour it may try again, and another worker is not limited by it', async () => {
    // Prepare: 10:00 in China; the hour's window ends at 11:00
    const worker = await h.person('张社工', [['communityWorker', 'c-a']]);
    const other = await h.person('金社工', [['communityWorker', 'c-a']]);
    const hourly = rateLimits.announcement.find((r) => r.windowSeconds === 3600)!.max;
    const post = (p: Person, i: number) => h.api.as(p).post('/announcements', { title: `停水通知${i}`, body: '12月3日 9:00–17:00 管网检修，请提前储水。', audience: { unitId: 'c-a' } });
    // Act: 10 more than the hour's limit, 25 at a time (a few Lambda instances)
    const answers: Awaited<ReturnType<typeof post>>[] = [];
    for (let i = 0; i < hourly + 10; i += 25) answers.push(...(await Promise.all(Array.from({ length: Math.min(25, hourly + 10 - i) }, (_, k) => post(worker, i + k)))));
    const otherOne = await post(other, 0);
    // Assess
    expect(answers.filter((a) => a.status === 201)).toHaveLength(hourly);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused).toHaveLength(10);
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect(r.body).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 3600 });
      expect(r.body.message.length).toBeGreaterThan(0);
      expect(r.body.messageEn.length).toBeGreaterThan(0);
      expect(r.headers['retry-after']).toBe('3600');
    }
    expect(otherOne.status).toBe(201);
  }, 120_000);

  it('passes each staff limit up to its hour and refuses the next request until the hour ends', async () => {
    // Prepare: one worker per limit, half past ten in China (the window ends at 11:00, the day at midnight)
    const at = Date.parse(START) + 30 * 60_000;
    const staff = Object.entries(rateLimits).filter(([name]) => !(name in firstLimits)) as [RateLimitName, (typeof rateLimits)[RateLimitName]][];
    expect(staff.length).toBeGreaterThanOrEqual(15);
    for (const [name, rules] of staff) {
      const input = { principal: { userId: `u-staff-${name}`, grants: [{ role: 'communityWorker', unitId: 'c-a' }] }, params: {}, body: {} } as Parameters<typeof consumeLimit>[2];
      const hourly = rules.find((r) => r.windowSeconds === 3600)!.max;
      // every staff limit has a day above its hour: a slow script left running is stopped too
      expect(rules.find((r) => r.windowSeconds === 86_400)!.max).toBeGreaterThan(hourly);
      // Act
      for (let i = 0; i < hourly; i += 50) await Promise.all(Array.from({ length: Math.min(50, hourly - i) }, () => consumeLimit(h.deps.db, { limit: name } as Endpoint, input, at)));
      const next = await consumeLimit(h.deps.db, { limit: name } as Endpoint, input, at).catch((e: unknown) => e);
      // Assess
      expect({ name, refused: next instanceof RateLimitedError, retry: (next as RateLimitedError).retryAfterSeconds }).toEqual({ name, refused: true, retry: 1800 });
    }
  }, 180_000);
});

/** the limits of issue 11 item 5, before staff writes had theirs (mostly residents'; tested above and in their capabilities) */
const firstLimits: Partial<Record<RateLimitName, true>> = {
  matter: true,
  comment: true,
  binding: true,
  upload: true,
  helpRequest: true,
  familyCode: true,
  familyLink: true,
  inviteCodeRotation: true,
  report: true,
  dataExport: true,
  certificate: true,
};
