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
});
