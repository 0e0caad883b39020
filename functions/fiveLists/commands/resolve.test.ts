import { fiveListsWorld } from '../../../tests/support/fiveLists';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;
let id: string;

beforeAll(async () => {
  w = await fiveListsWorld();
  [id] = (await w.fromSession([{ text: '小区自来水发黄有异味', seconders: [w.p.li, w.p.chen] }])) as [string];
});

describe('resolving a matter', () => {
  it('refuses a report without photos, or with photos someone else uploaded', async () => {
    const c = await w.claimed(id);
    const noPhotos = await w.h.api.as(w.p.water).post(`/five-lists/matters/${id}/resolve`, { note: '已清洗水箱', photos: [], version: c.version });
    expect(noPhotos.status).toBe(400);
    const notMine = await w.h.api.as(w.p.water).post(`/five-lists/matters/${id}/resolve`, { note: '已清洗水箱', photos: [`uploads/${w.p.li.id}/x.jpg`], version: c.version });
    expect(notMine.body.code).toBe('UPLOAD_NOT_YOURS');
  });

  it('refuses a report by another contact of another unit, and by the officer', async () => {
    const v = await w.version(id);
    expect((await w.h.api.as(w.p.power).post(`/five-lists/matters/${id}/resolve`, { note: '代为办结', photos: [`uploads/${w.p.power.id}/a.jpg`], version: v })).status).toBe(404);
    expect((await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/resolve`, { note: '代为办结', photos: [`uploads/${w.p.officer.id}/a.jpg`], version: v })).status).toBe(403);
  });

  it('records what was done with photos, opens the rating window and asks the submitter and seconders to rate', async () => {
    // Act
    const res = await w.h.api.as(w.p.water).post(`/five-lists/matters/${id}/resolve`, {
      note: '已清洗二次供水水箱并检测合格',
      photos: [`uploads/${w.p.water.id}/tank.jpg`],
      version: await w.version(id),
    });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'resolved', resolution: { note: '已清洗二次供水水箱并检测合格', byName: '水务小周' } });
    expect(res.body.deadlineAt).toBe('2026-12-12T01:00:00.000Z'); // seven days to rate
    for (const p of [w.p.wang, w.p.li, w.p.chen]) {
      const inbox = await w.h.api.as(p).get('/me/inbox');
      expect(inbox.body.items.map((i: { title: string }) => i.title)).toContain('事项已办结，请您评价');
    }
  });
});
