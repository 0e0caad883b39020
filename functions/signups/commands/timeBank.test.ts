import { signupsWorld, ok } from '../../../tests/support/signups';

type World = Awaited<ReturnType<typeof signupsWorld>>;
let w: World;

beforeAll(async () => {
  w = await signupsWorld();
});

const request = (minutes: number) => ({
  communityId: 'c-a',
  birthDate: '1944-05-01',
  service: 'companionship',
  description: '陪同去社区医院复查',
  at: '2026-12-12T01:00:00.000Z',
  minutes,
});

describe('the time bank', () => {
  it('never goes below zero when many spends land at once', async () => {
    // Prepare: an older resident with 60 minutes, four requests of 30 taken by a younger elder
    const elder = await w.h.person('高奶奶', [['resident', 'c-a']]);
    const worker = await w.h.person('刘芳', [['communityWorker', 'c-a']]);
    const helper = await w.volunteer('王阿姨', { birthDate: '1960-06-01' });
    ok(await w.h.api.as(worker).post(`/time-bank/accounts/${elder.id}/grants`, { minutes: 60, reason: '街道为高龄老人配发' }), 'grant');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = ok(await w.h.api.as(elder).post('/time-bank/requests', request(30)), 'request');
      ok(await w.h.api.as(helper).post(`/time-bank/requests/${r.id}/take`), 'take');
      ids.push(r.id);
    }
    // Act
    const results = await Promise.all(ids.map((id) => w.h.api.as(elder).post(`/time-bank/requests/${id}/complete`, { minutes: 30 })));
    // Assess
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(['TIMEBANK_INSUFFICIENT', 'TIMEBANK_INSUFFICIENT']);
    const mine = ok(await w.h.api.as(elder).get('/me/time-bank'), 'bank');
    expect(mine.balanceMinutes).toBe(0);
    expect(mine.entries.map((e: { kind: string }) => e.kind).sort()).toEqual(['grant', 'spend', 'spend']);
    const theirs = ok(await w.h.api.as(helper).get('/me/time-bank'), 'helper bank');
    expect(theirs.balanceMinutes).toBe(60);
  });

  it('keeps helpers and the helped to their age bands, which are settings', async () => {
    const elder = await w.h.person('李爷爷', [['resident', 'c-a']]);
    const young = await w.volunteer('小青年', { birthDate: '1995-01-01' });
    const tooYoung = await w.h.api.as(elder).post('/time-bank/requests', { ...request(30), birthDate: '1956-01-01' });
    expect(tooYoung.status).toBe(422);
    expect(tooYoung.body.code).toBe('TIMEBANK_AGE');
    const r = ok(await w.h.api.as(elder).post('/time-bank/requests', request(30)), 'request');
    const refused = await w.h.api.as(young).post(`/time-bank/requests/${r.id}/take`);
    expect(refused.body.code).toBe('TIMEBANK_AGE');
    // the sub-district widens the helpers' band
    const officer = await w.h.person('黄伟', [['subdistrictOfficer', 'sd-t']]);
    const settings = ok(await w.h.api.as(officer).get('/subdistricts/sd-t/time-bank/settings'), 'settings');
    expect(settings).toMatchObject({ helperMinAge: 60, helperMaxAge: 75, helpedMinAge: 75 });
    expect((await w.h.api.as(elder).put('/subdistricts/sd-t/time-bank/settings', { helperMinAge: 18, helperMaxAge: 75, helpedMinAge: 75, version: 0 })).status).toBe(403);
    ok(await w.h.api.as(officer).put('/subdistricts/sd-t/time-bank/settings', { helperMinAge: 18, helperMaxAge: 75, helpedMinAge: 75, version: 0 }), 'put');
    expect((await w.h.api.as(young).post(`/time-bank/requests/${r.id}/take`)).status).toBe(200);
  });

  it('lets the helper neither take their own request nor confirm their own help', async () => {
    const helper = await w.volunteer('赵阿姨', { birthDate: '1958-01-01' });
    const elder = await w.h.person('钱奶奶', [['resident', 'c-a']]);
    const r = ok(await w.h.api.as(elder).post('/time-bank/requests', request(30)), 'request');
    ok(await w.h.api.as(helper).post(`/time-bank/requests/${r.id}/take`), 'take');
    const own = await w.h.api.as(helper).post(`/time-bank/requests/${r.id}/complete`, { minutes: 30 });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('OWN_HOURS');
    const second = await w.volunteer('孙阿姨', { birthDate: '1958-01-01' });
    expect((await w.h.api.as(second).post(`/time-bank/requests/${r.id}/take`)).body.code).toBe('HELP_REQUEST_NOT_OPEN');
  });

  it("holds a month's grants to the sub-district's allotment, names the worker of each, and grants once on a retry", async () => {
    // Prepare: 120 minutes left of the month's allotment (the tests above granted some), set by the officer
    const officer = await w.h.person('街道时间银行', [['subdistrictOfficer', 'sd-t']]);
    const settings = ok(await w.h.api.as(officer).get('/subdistricts/sd-t/time-bank/settings'), 'settings');
    expect(settings.monthlyGrantMinutes).toBe(3000);
    const before = ok(await w.h.api.as(officer).get('/subdistricts/sd-t/time-bank/grants?month=2026-12'), 'ledger before');
    const allotment = before.grantedMinutes + 120;
    ok(await w.h.api.as(officer).put('/subdistricts/sd-t/time-bank/settings', { helperMinAge: settings.helperMinAge, helperMaxAge: settings.helperMaxAge, helpedMinAge: settings.helpedMinAge, monthlyGrantMinutes: allotment, version: settings.version }), 'put settings');
    const workerA = await w.h.person('配发甲', [['communityWorker', 'c-a']]);
    const workerB = await w.h.person('配发乙', [['communityWorker', 'c-b']]);
    const elderA = await w.h.person('配发老人甲', [['resident', 'c-a']]);
    const elderB = await w.h.person('配发老人乙', [['resident', 'c-b']]);
    const key = 'grant-retry-0001';
    // Act: 60 granted (and retried), 45 in another community, then 30 more than is left
    const first = await w.h.api.as(workerA).post(`/time-bank/accounts/${elderA.id}/grants`, { minutes: 60, reason: '街道为高龄老人配发' }, { 'idempotency-key': key });
    const retry = await w.h.api.as(workerA).post(`/time-bank/accounts/${elderA.id}/grants`, { minutes: 60, reason: '街道为高龄老人配发' }, { 'idempotency-key': key });
    const second = await w.h.api.as(workerB).post(`/time-bank/accounts/${elderB.id}/grants`, { minutes: 45, reason: '子女转入' });
    const over = await w.h.api.as(workerA).post(`/time-bank/accounts/${elderA.id}/grants`, { minutes: 30, reason: '再配发' });
    const tooBig = await w.h.api.as(workerA).post(`/time-bank/accounts/${elderA.id}/grants`, { minutes: 180, reason: '一次配发' });
    // Assess
    expect([first.status, retry.status, second.status]).toEqual([200, 200, 200]);
    expect(retry.body).toEqual(first.body);
    expect([over.status, over.body.code, tooBig.status, tooBig.body.code]).toEqual([409, 'TIMEBANK_ALLOTMENT_SPENT', 409, 'TIMEBANK_ALLOTMENT_SPENT']);
    expect(ok(await w.h.api.as(elderA).get('/me/time-bank'), 'bank A').balanceMinutes).toBe(60);
    const ledger = ok(await w.h.api.as(officer).get('/subdistricts/sd-t/time-bank/grants?month=2026-12'), 'ledger');
    expect(ledger).toMatchObject({ month: '2026-12', monthlyGrantMinutes: allotment, grantedMinutes: before.grantedMinutes + 105 });
    // the harness's clock stands still: every grant of the file has the same time, so they are compared as a set
    const theirs = ledger.items.filter((g: { grantedBy: string }) => [workerA.id, workerB.id].includes(g.grantedBy));
    expect(theirs.map((g: { grantedBy: string; userId: string; minutes: number }) => [g.grantedBy, g.userId, g.minutes]).sort()).toEqual(
      [
        [workerA.id, elderA.id, 60],
        [workerB.id, elderB.id, 45],
      ].sort(),
    );
    // a worker reads no ledger; next month starts again
    expect((await w.h.api.as(workerA).get('/subdistricts/sd-t/time-bank/grants?month=2026-12')).status).toBe(403);
    expect((await w.h.api.as(officer).get('/subdistricts/sd-t/time-bank/grants?month=2026-13')).status).toBe(400);
    w.h.clock.advance(31 * 86_400_000);
    try {
      const january = await w.h.person('配发丙', [['communityWorker', 'c-a']]);
      expect((await w.h.api.as(january).post(`/time-bank/accounts/${elderA.id}/grants`, { minutes: 30, reason: '新月配发' })).status).toBe(200);
    } finally {
      w.h.clock.advance(-31 * 86_400_000);
    }
  });
});
