import { REVIEW_WORDS, RISKY_WORDS } from '../../scripts/wechatStandIn';
import { announcementWorld } from '../../tests/support/announcements';
import { fiveListsWorld } from '../../tests/support/fiveLists';
import { harness, type Harness, type Person } from '../../tests/support/harness';
import { SHIFT_END, SHIFT_START } from '../../tests/support/signups';
import { wechatClient } from '../platform/wechat';

/**
 * What staff write for residents goes through WeChat's msgSecCheck as residents' texts do (contentSecurity.ts ›
 * screenStaffText): risky is refused naming the field; WeChat unsure or unreachable, the worker's text is stored and
 * shown (README: why). Through the real handlers against DynamoDB Local and the WeChat stand-in.
 */
jest.setTimeout(60_000);

let h: Harness;
let worker: Person; // 和平社区's community worker
let organizer: Person;
let resident: Person; // of 和平社区, reads the announcements

beforeAll(async () => {
  h = await harness();
  worker = await h.person('张社工', [['communityWorker', 'c-a']]);
  organizer = await h.person('周组织', [['organizer', 'c-a']]);
  resident = await announcementWorld(h).resident('王秀兰');
});

const post = (p: Person, title: string, body: string) => h.api.as(p).post('/announcements', { title, body, audience: { unitId: 'c-a' } });
const titlesSeenBy = async (p: Person) => ((await h.api.as(p).get('/me/announcements')).body.items as { title: string }[]).map((a) => a.title);

const eventBody = (description: string) => ({
  unitId: 'c-a',
  title: '迎新年社区文艺汇演',
  description,
  place: '和平社区文化广场',
  startsAt: SHIFT_START,
  endsAt: SHIFT_END,
  capacity: 40,
  maxCompanions: 1,
  cancelCutoffHours: 2,
});

describe("staff texts residents read are checked before they are stored", () => {
  it('refuses an announcement with a risky word in its body or its title, naming the field, and posts nothing', async () => {
    // Act
    const inBody = await post(worker, '停水通知', `12月3日停水，另有${RISKY_WORDS[0]}请联系`);
    const inTitle = await post(worker, `${RISKY_WORDS[1]}通知`, '请各位居民注意。');
    // Assess
    expect(inBody.status).toBe(422);
    expect(inBody.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'body' } });
    expect(inBody.body.message).toContain('正文');
    expect(inBody.body.messageEn.length).toBeGreaterThan(0);
    expect(inTitle.status).toBe(422);
    expect(inTitle.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'title' } });
    const mine = (await h.api.as(worker).get('/units/c-a/announcements')).body.items as unknown[];
    expect(mine).toHaveLength(0);
  });

  it("stores and shows a worker's announcement when WeChat cannot be reached, and one WeChat is unsure of", async () => {
    // Prepare: WeChat down (nothing listens there)
    const real = h.deps.wechat;
    h.deps.wechat = wechatClient({ ...h.deps.config.wechat, apiBase: 'http://127.0.0.1:9', timeoutMs: 300 });
    let down;
    try {
      // Act
      down = await post(worker, '明日停电通知', '12月2日 8:00–12:00 3号楼检修线路。');
    } finally {
      h.deps.wechat = real;
    }
    const unsure = await post(worker, '寒潮预警', `今晚降温，请关好门窗。${REVIEW_WORDS[0]}`);
    // Assess
    expect(down.status).toBe(201);
    expect(unsure.status).toBe(201);
    expect(await titlesSeenBy(resident)).toEqual(expect.arrayContaining(['明日停电通知', '寒潮预警']));
  });

  it("refuses a scheduled announcement's edit to a risky body, and keeps the text it had", async () => {
    // Prepare
    const made = await h.api.as(worker).post('/announcements', { title: '周末义诊', body: '周六上午在党群服务中心。', audience: { unitId: 'c-a' }, publishAt: '2026-12-03T01:00:00.000Z' });
    expect(made.status).toBe(201);
    // Act
    const res = await h.api.as(worker).patch(`/announcements/${made.body.id}`, { body: `义诊改期，${RISKY_WORDS[2]}`, version: made.body.version });
    // Assess
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual({ field: 'body' });
    expect((await h.api.as(worker).get(`/announcements/${made.body.id}`)).body.body).toBe('周六上午在党群服务中心。');
  });

  it("refuses an event whose description holds a risky word, naming the field, and takes a clean one", async () => {
    // Act
    const risky = await h.api.as(organizer).post('/events', eventBody(`演出后${RISKY_WORDS[0]}抽奖`));
    const clean = await h.api.as(organizer).post('/events', eventBody('居民合唱、戏曲、舞蹈'));
    // Assess
    expect(risky.status).toBe(422);
    expect(risky.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'description' } });
    expect(clean.status).toBe(201);
  });

  it('refuses an activity whose title holds a risky word', async () => {
    // Act
    const res = await h.api.as(organizer).post('/activities', {
      unitId: 'c-a',
      title: `${RISKY_WORDS[1]}宣传`,
      description: '周末早上在小区垃圾投放点引导居民分类',
      elderToElder: false,
      cancelCutoffHours: 24,
      shifts: [{ startsAt: SHIFT_START, endsAt: SHIFT_END, place: '和平社区党群服务中心', slots: 5 }],
    });
    // Assess
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'title' } });
  });
});

describe('a five-list resolution note, told to the residents who follow the matter', () => {
  it('is refused with a risky word, naming the field, and the matter stays claimed until a clean note comes', async () => {
    // Prepare: a matter claimed by the water company's contact
    const w = await fiveListsWorld();
    const id = await w.collected();
    const claimed = await w.claimed(id);
    const resolve = (note: string) => w.h.api.as(w.p.water).post(`/five-lists/matters/${id}/resolve`, { note, photos: [`uploads/${w.p.water.id}/done1.jpg`], version: claimed.version });
    // Act
    const risky = await resolve(`已处理，详情见${RISKY_WORDS[0]}`);
    const state = (await w.detail(id)).matter.state;
    const clean = await resolve('已安排维修并完工');
    // Assess
    expect(risky.status).toBe(422);
    expect(risky.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'note' } });
    expect(state).toBe('claimed');
    expect(clean.status).toBe(200);
  });
});
