import { REVIEW_WORDS, RISKY_WORDS } from '../../scripts/wechatStandIn';
import { fiveListsWorld } from '../../tests/support/fiveLists';
import { setLogSink } from '../platform/log';
import { wechatClient } from '../platform/wechat';

/**
 * The staff texts residents read beyond staffContent.test.ts's: a council's title, topics, resolutions and evidence
 * notes, a consultation's title, description and options, a five-list closing note, a micro-project's title and a
 * spending's item. Each goes through WeChat's msgSecCheck as its author (contentSecurity.ts › screenStaffText): risky
 * is refused naming the field, with nothing stored; WeChat unsure or unreachable, the text is stored, shown and logged.
 * Through the real handlers against DynamoDB Local and the WeChat stand-in.
 */
jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;

beforeAll(async () => {
  w = await fiveListsWorld();
});

const meeting = (over: Record<string, unknown> = {}) => ({
  title: '十二月居民议事会',
  heldOn: '2026-11-28',
  attendance: 21,
  topics: ['加装电梯', '停车难'],
  resolutions: [
    { topic: '加装电梯', text: '3号楼启动加装电梯意见征集' },
    { topic: '停车难', text: '夜间开放学校操场停车' },
  ],
  published: true,
  ...over,
});

const consultation = (over: Record<string, unknown> = {}) => ({
  unitId: 'c-a',
  title: '中心绿地改造方案征求意见',
  description: '拟将中心绿地部分改造为停车位，请居民投票选择方案。',
  options: ['改造30个车位', '改造15个车位并保留绿地', '不改造'],
  opensAt: '2026-12-01T00:00:00.000Z',
  closesAt: '2026-12-08T00:00:00.000Z',
  ...over,
});

const councilTitles = async () => ((await w.h.api.as(w.p.worker).get('/communities/c-a/councils')).body.items as { title: string }[]).map((c) => c.title);
const consultationTitles = async (who = w.p.worker) => ((await w.h.api.as(who).get('/units/c-a/consultations')).body.items as { title: string }[]).map((c) => c.title);

/** Runs `act` with WeChat's API unreachable (nothing listens there), and answers the warnings logged meanwhile. */
async function withWechatDown<T>(act: () => Promise<T>): Promise<{ result: T; warnings: Record<string, unknown>[] }> {
  const real = w.h.deps.wechat;
  const lines: string[] = [];
  const prev = setLogSink((line) => lines.push(line));
  w.h.deps.wechat = wechatClient({ ...w.h.deps.config.wechat, apiBase: 'http://127.0.0.1:9', timeoutMs: 300 });
  try {
    return { result: await act(), warnings: lines.map((l) => JSON.parse(l)).filter((l) => l.level === 'warn') };
  } finally {
    w.h.deps.wechat = real;
    setLogSink(prev);
  }
}

describe("a residents' council", () => {
  it('is refused with a risky word in a topic or in a resolution, naming the field, and nothing is recorded', async () => {
    // Act
    const inTopic = await w.h.api.as(w.p.worker).post('/communities/c-a/councils', meeting({ title: '议事会A', topics: ['加装电梯', `${RISKY_WORDS[0]}整治`] }));
    const inResolution = await w.h.api.as(w.p.officer).post(
      '/communities/c-a/councils',
      meeting({ title: '议事会B', resolutions: [{ topic: '加装电梯', text: `联系${RISKY_WORDS[1]}报销` }] }),
    );
    // Assess
    expect(inTopic.status).toBe(422);
    expect(inTopic.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'topics.1' } });
    expect(inTopic.body.message).toContain('第2项议题');
    expect(inTopic.body.messageEn).toContain('topic 2');
    expect(inResolution.status).toBe(422);
    expect(inResolution.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'resolutions.0.text' } });
    expect(await councilTitles()).not.toEqual(expect.arrayContaining(['议事会A']));
    expect(await councilTitles()).not.toEqual(expect.arrayContaining(['议事会B']));
  });

  it("refuses an evidence note with a risky word and keeps the resolution as it was, then takes a clean one", async () => {
    // Prepare
    const made = await w.h.api.as(w.p.worker).post('/communities/c-a/councils', meeting({ title: '议事会C' }));
    expect(made.status).toBe(201);
    const implemented = (note: string) => w.h.api.as(w.p.worker).post(`/councils/${made.body.id}/resolutions/r1/implemented`, { implemented: true, note, version: made.body.version });
    // Act
    const risky = await implemented(`操场已开放，${RISKY_WORDS[2]}`);
    const after = (await w.h.api.as(w.p.wang).get(`/councils/${made.body.id}`)).body.resolutions[1];
    const clean = await implemented('已与学校签订协议，每晚开放');
    // Assess
    expect(risky.status).toBe(422);
    expect(risky.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'note' } });
    expect(after).toMatchObject({ implemented: false });
    expect(after.evidence).toBeUndefined();
    expect(clean.status).toBe(200);
  });

  it("is recorded and shown to residents when WeChat cannot be reached, with a warning naming the fields", async () => {
    // Act
    const { result: res, warnings } = await withWechatDown(() => w.h.api.as(w.p.worker).post('/communities/c-a/councils', meeting({ title: '议事会D' })));
    // Assess
    expect(res.status).toBe(201);
    const seen = (await w.h.api.as(w.p.wang).get('/communities/c-a/councils')).body.items as { title: string }[];
    expect(seen.map((c) => c.title)).toContain('议事会D');
    const warned = warnings.find((l) => l.msg === 'staff text stored without a pass');
    expect(warned).toMatchObject({ outcome: 'unchecked', userId: w.p.worker.id });
    // the resolutions' topics repeat the topics word for word: asked once, named where they first appear
    expect(warned!.fields).toEqual(['title', 'topics.0', 'topics.1', 'resolutions.0.text', 'resolutions.1.text']);
  });
});

describe('a consultation put to the residents', () => {
  it('is refused with a risky word in an option or in the description, naming the field, and nothing is put', async () => {
    // Act
    const inOption = await w.h.api.as(w.p.worker).post('/consultations', consultation({ title: '征求意见A', options: ['同意', '不同意', `${RISKY_WORDS[0]}`] }));
    const inDescription = await w.h.api.as(w.p.officer).post('/consultations', consultation({ title: '征求意见B', description: `详情请见${RISKY_WORDS[1]}` }));
    // Assess
    expect(inOption.status).toBe(422);
    expect(inOption.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'options.2' } });
    expect(inOption.body.message).toContain('第3个选项');
    expect(inDescription.status).toBe(422);
    expect(inDescription.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'description' } });
    const titles = await consultationTitles();
    expect(titles).not.toContain('征求意见A');
    expect(titles).not.toContain('征求意见B');
  });

  it('is put and shown to residents when WeChat is unsure of its title', async () => {
    // Act
    const res = await w.h.api.as(w.p.worker).post('/consultations', consultation({ title: `征求意见C${REVIEW_WORDS[0]}` }));
    // Assess
    expect(res.status).toBe(201);
    expect(await consultationTitles(w.p.wang)).toContain(`征求意见C${REVIEW_WORDS[0]}`);
  });
});

describe('a five-list closing note, told to the residents who follow the matter', () => {
  it('is refused with a risky word, naming the field, and the matter stays open until a clean note comes', async () => {
    // Prepare
    const id = await w.collected('建议增设社区图书角');
    const close = (note: string) => w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/close`, { note, version: 0 });
    // Act
    const risky = await close(`不予采纳，另见${RISKY_WORDS[0]}`);
    const state = (await w.detail(id)).matter.state;
    const clean = await close('纳入明年社区规划统筹考虑');
    // Assess
    expect(risky.status).toBe(422);
    expect(risky.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'note' } });
    expect(state).toBe('collected');
    expect(clean.status).toBe(200);
    expect(clean.body.state).toBe('closed');
  });
});

describe("a micro-project on the community's public accounts", () => {
  it('is refused with a risky word in its title, naming the field, and nothing is proposed', async () => {
    // Prepare: a council resolution to propose from
    const council = await w.h.api.as(w.p.worker).post('/communities/c-a/councils', meeting({ title: '议事会E' }));
    expect(council.status).toBe(201);
    const source = { kind: 'resolution', councilId: council.body.id, resolutionId: 'r0' };
    // Act
    const res = await w.h.api.as(w.p.worker).post('/micro-projects', { communityId: 'c-a', title: `${RISKY_WORDS[1]}电梯项目`, description: '3号楼加装电梯', budgetFen: 100_000, source });
    // Assess
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'title' } });
    const list = await w.h.api.as(w.p.worker).get('/communities/c-a/micro-projects');
    expect(list.body.projects.some((p: { title: string }) => p.title.includes('电梯项目'))).toBe(false);
  });

  it("refuses a spending whose item holds a risky word, naming the field, and spends nothing", async () => {
    // Prepare: an approved project
    const council = await w.h.api.as(w.p.worker).post('/communities/c-a/councils', meeting({ title: '议事会F' }));
    const proposed = await w.h.api.as(w.p.worker).post('/micro-projects', {
      communityId: 'c-a',
      title: '操场夜间照明',
      description: '夜间开放停车所需照明',
      budgetFen: 50_000,
      source: { kind: 'resolution', councilId: council.body.id, resolutionId: 'r1' },
    });
    expect(proposed.status).toBe(201);
    const approved = await w.h.api.as(w.p.officer).post(`/communities/c-a/micro-projects/${proposed.body.id}/decision`, { approve: true, version: proposed.body.version });
    expect(approved.status).toBe(200);
    const spend = (item: string, n: number) =>
      w.h.api.as(w.p.worker).post(`/communities/c-a/micro-projects/${proposed.body.id}/spending`, { amountFen: 20_000, item, spentOn: '2026-11-30', receipts: [`uploads/${w.p.worker.id}/receipt${n}.jpg`] });
    // Act
    const risky = await spend(`灯具及${RISKY_WORDS[1]}`, 1);
    const after = (await w.h.api.as(w.p.wang).get('/communities/c-a/micro-projects')).body.projects.find((p: { id: string }) => p.id === proposed.body.id);
    const clean = await spend('灯具及安装', 2);
    // Assess
    expect(risky.status).toBe(422);
    expect(risky.body).toMatchObject({ code: 'CONTENT_RISKY', details: { field: 'item' } });
    expect(after.spentFen).toBe(0);
    expect(after.spending ?? []).toHaveLength(0);
    expect(clean.status).toBe(201);
  });
});
