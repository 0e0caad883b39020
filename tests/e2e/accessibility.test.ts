import type { Browser, BrowserContext, Page } from 'playwright-core';
import { harness, NEXT_SESSION_A, type Harness, type Person } from '../support/harness';
import { drainPrivacyWork } from '../../functions/privacy/jobs';
import { dibaoBody, idNumber } from '../support/relief';
import { builtInVersion } from '../../shared/relief/rules';
import { axeViolations, elderShortfalls, ensureH5Build, launchBrowser, phoneContext, startWeb } from '../support/web';

/**
 * Every page, as the person who uses it, in normal and in elder mode (长辈版): axe-core finds no serious or critical
 * WCAG 2.1 A/AA violation; in elder mode all visible text is at least 18 px and every tap target at least 48 px.
 */
jest.setTimeout(600_000);

let h: Harness;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
const tokens: Record<string, { accessToken: string; refreshToken: string }> = {};
let matterId = '';

beforeAll(async () => {
  ensureH5Build();
  h = await harness();
  const people = {
    'resident-wang': await h.person('王秀兰', [['resident', 'c-a']], { openid: 'resident-wang' }),
    'resident-li': await h.person('李建国', [['resident', 'c-a']], { openid: 'resident-li' }),
    'worker-liu': await h.person('刘芳', [['communityWorker', 'c-a']], { openid: 'worker-liu' }),
    admin: await h.person('系统管理员', [['admin', 'sd-t']], { openid: 'admin' }),
  };
  await h.person('新居民', [], { openid: 'newcomer' });
  for (const openid of [...Object.keys(people), 'newcomer']) {
    const login = await h.api.as().post('/auth/wechat', { code: `dev:${openid}` });
    tokens[openid] = { accessToken: login.body.accessToken, refreshToken: login.body.refreshToken };
  }
  // something on every list: a matter, a second, an inbox item, a binding request
  const m = await h.api.as(people['resident-wang']).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text: '小区东门的垃圾桶满了没人清理' });
  matterId = m.body.id;
  await h.api.as(people['resident-li']).post(`/matters/${matterId}/seconds`);
  await h.api.as({ token: tokens.newcomer!.accessToken } as never).post('/me/binding', { communityId: 'c-a', note: '5号楼' });
  await seedFiveLists(people['resident-wang'], people['worker-liu']);
  await seedSignups(people['resident-wang']);
  await seedWorkbench(people['resident-wang']);
  await seedReliefRegistry(people['worker-liu']);
  await seedRelief(people['resident-wang'], people['worker-liu']);
  await seedPrivacy(people['resident-wang']);
  await seedElderCare(people['resident-wang'], people['worker-liu']);
  await seedEmploymentAndProjects(people['worker-liu']);
  await seedSafety(people['worker-liu']);
  ann.ANN_ID = (await h.api.as(people['worker-liu']).post('/announcements', { title: '周三上午停水通知', body: '因管网检修，本周三 9:00–15:00 停水，请提前储水。', audience: { unitId: 'c-a' }, pinned: true })).body.id;
  await seedModeration(people['resident-li']);
  await seedReliefRules();
  web = await startWeb(h.deps);
  browser = await launchBrowser();
});

/** Elder care: a provider on p-water (its contact unit-sun), a bath and a meal booked by wang on 2 December, her 助急 request. */
const ec: Record<string, string> = {};
async function seedElderCare(wang: Person, liu: Person) {
  await h.person('孙明', [['unitContact', 'p-water']], { openid: 'unit-sun' });
  const login = await h.api.as().post('/auth/wechat', { code: 'dev:unit-sun' });
  tokens['unit-sun'] = { accessToken: login.body.accessToken, refreshToken: login.body.refreshToken };
  await h.api.as(wang).put('/me/elder-care/profile', { birthYear: 1941 });
  const provider = (
    await h.api.as(liu).post(
      '/elder-care/providers',
      { communityId: 'c-a', name: '和平长者食堂', kind: 'elderCanteen', partnerUnitId: 'p-water', servicePoints: [{ id: 'sp1', name: '和平长者食堂', address: '和平路12号' }], services: ['meal', 'bath'] },
      { 'idempotency-key': 'a11y-ec-provider' },
    )
  ).body;
  ec.EC_PROVIDER = provider.id;
  const slot = async (body: Record<string, unknown>, key: string) =>
    (await h.api.as(liu).post('/elder-care/slots', { providerId: provider.id, servicePointId: 'sp1', days: ['2026-12-02', '2026-12-03'], minutes: 60, capacity: 10, ...body }, { 'idempotency-key': key })).body.items[0].id as string;
  const meal = await slot({ serviceId: 'meal', startTime: '11:30', cutoffTime: '09:00' }, 'a11y-ec-meals');
  const bath = await slot({ serviceId: 'bath', startTime: '14:00' }, 'a11y-ec-baths');
  await h.api.as(wang).post('/elder-care/bookings', { slotId: meal, mode: 'home' }, { 'idempotency-key': 'a11y-ec-book-meal' });
  await h.api.as(wang).post('/elder-care/bookings', { slotId: bath }, { 'idempotency-key': 'a11y-ec-book-bath' });
  ec.EC_SOS = (await h.api.as(wang).post('/elder-care/emergencies', { location: { address: '和平路12号3楼' } }, { 'idempotency-key': 'a11y-ec-sos' })).body.id;
  ec.EC_WANG = wang.id;
}

/**
 * Employment and micro-projects: two job seekers (consent recorded), a vacancy, a referral and a training (the worker's
 * board has a card in every list); a project proposed (the officer's 批准预算 and 不予立项 show), one started with a
 * spending and its receipt (登记支出 and 项目完成 show; the residents' accounts have a spending line and a receipt), one
 * done. Runs after seedFiveLists (officer-huang's token) and uses the say-it day matter of beforeAll as the source.
 */
async function seedEmploymentAndProjects(liu: Person) {
  const officer = { token: tokens['officer-huang']!.accessToken } as Person;
  const ok = <T = { id: string; version: number }>(what: string, res: { status: number; body: unknown }): T => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const seeker = ok('seeker', await h.api.as(liu).post('/employment/seekers', { communityId: 'c-a', name: '张建军', category: 'hardToEmploy', wants: '物业保安', consent: { given: true, method: 'signedForm' } }, { 'idempotency-key': 'a11y-emp-seeker-1' }));
  ok('seeker 2', await h.api.as(liu).post('/employment/seekers', { communityId: 'c-a', name: '李红梅', category: 'unemployed', wants: '保洁', consent: { given: true, method: 'inPerson' } }, { 'idempotency-key': 'a11y-emp-seeker-2' }));
  const vacancy = ok('vacancy', await h.api.as(liu).post('/employment/vacancies', { communityId: 'c-a', employer: '鑫源物业服务有限公司', post: '秩序维护员', count: 2, payMin: 3200, payMax: 3800, until: '2026-12-31' }, { 'idempotency-key': 'a11y-emp-vacancy' }));
  ok('referral', await h.api.as(liu).post('/employment/referrals', { communityId: 'c-a', seekerId: seeker.id, vacancyId: vacancy.id }, { 'idempotency-key': 'a11y-emp-referral' }));
  ok('training', await h.api.as(liu).post('/employment/trainings', { communityId: 'c-a', course: '家政服务技能培训', people: 18, heldOn: '2026-11-25' }, { 'idempotency-key': 'a11y-emp-training' }));

  type Project = { id: string; version: number };
  const propose = async (title: string, budgetFen: number) =>
    ok<Project>(`project ${title}`, await h.api.as(liu).post('/micro-projects', { communityId: 'c-a', title, description: '居民说事会提出，社区两委研究', budgetFen, source: { kind: 'matter', matterId } }, { 'idempotency-key': `a11y-mp-${budgetFen}` }));
  const approve = async (p: Project) => ok<Project>('approve', await h.api.as(officer).post(`/communities/c-a/micro-projects/${p.id}/decision`, { approve: true, version: p.version }));
  const status = async (p: Project, s: 'inProgress' | 'done') => ok<Project>(s, await h.api.as(liu).post(`/communities/c-a/micro-projects/${p.id}/status`, { status: s, version: p.version }));
  await propose('儿童游乐设施维修', 50_000);
  const started = await status(await approve(await propose('东门垃圾桶更换', 120_000)), 'inProgress');
  // the receipt's key is the worker's own upload; no object is behind it (as the five lists' seed's photo), so the page shows its alt text
  ok('spend', await h.api.as(liu).post(`/communities/c-a/micro-projects/${started.id}/spending`, { amountFen: 86_000, item: '分类垃圾桶八只', spentOn: '2026-11-30', receipts: [`uploads/${liu.id}/receipt1.jpg`] }, { 'idempotency-key': 'a11y-mp-spend' }));
  await status(await status(await approve(await propose('楼道照明改造', 360_000)), 'inProgress'), 'done');
}

/** Safety: a market of c-a inspected by grid-he with one open hazard, two shops (one signed), an illegal-building report. */
const sf: Record<string, string> = {};
async function seedSafety(liu: Person) {
  const grid = await h.person('何丽', [['gridWorker', 'g-a1']], { openid: 'grid-he' });
  const login = await h.api.as().post('/auth/wechat', { code: 'dev:grid-he' });
  tokens['grid-he'] = { accessToken: login.body.accessToken, refreshToken: login.body.refreshToken };
  const site = (await h.api.as(liu).post('/communities/c-a/sites', { type: 'market', name: '和平农贸市场', address: '和平路66号' }, { 'idempotency-key': 'a11y-sf-site' })).body;
  sf.SF_SITE = site.id;
  const results = ['exitsClear', 'extinguishersValid', 'emergencyLights', 'wiringSafe', 'gasCylinders', 'aislesClear'].map((itemId) =>
    itemId === 'gasCylinders' ? { itemId, ok: false, note: '液化气瓶露天存放' } : { itemId, ok: true },
  );
  const inspected = (await h.api.as(grid).post(`/sites/${site.id}/inspections`, { results }, { 'idempotency-key': 'a11y-sf-inspect' })).body;
  sf.SF_HAZARD = inspected.hazards[0].id;
  const shop = (await h.api.as(liu).post('/communities/c-a/shops', { name: '好邻居便利店', address: '和平路20号' }, { 'idempotency-key': 'a11y-sf-shop-1' })).body;
  await h.api.as(liu).post('/communities/c-a/shops', { name: '老王五金店', address: '和平路12号' }, { 'idempotency-key': 'a11y-sf-shop-2' });
  await h.api.as(grid).post(`/shops/${shop.id}/agreements`, { year: 2026, signedOn: '2026-11-28' }, { 'idempotency-key': 'a11y-sf-sign' });
  sf.SF_REPORT = (
    await h.api.as(grid).post('/communities/c-a/illegal-buildings', { place: '和平路3号楼顶', description: '楼顶新搭建彩钢板房', photos: [`uploads/${grid.id}/wj1.jpg`] }, { 'idempotency-key': 'a11y-sf-report' })
  ).body.id;
}

/**
 * Moderation: li reports wang's say-it day matter and her comment on the consultation, so the worker's queue has a
 * matter and a comment in it (neither is hidden: the other pages show them as before). Runs after seedFiveLists.
 */
async function seedModeration(li: Person) {
  const ok = (what: string, res: { status: number; body: unknown }) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  ok('report matter', await h.api.as(li).post(`/moderation/matter/${matterId}/report`, { reason: 'ads' }));
  const comments = (await h.api.as(li).get(`/consultations/${five.CONSULT_ID}/comments`)).body.items as { id: string; text: string }[];
  const wangs = comments.find((c) => c.text === '建议按月收费，价格公开');
  if (!wangs) throw new Error(`no comment of wang's to report: ${JSON.stringify(comments)}`);
  ok('report comment', await h.api.as(li).post(`/moderation/comment/${five.CONSULT_ID}.${wangs.id}/report`, { reason: 'abuse' }));
}

/**
 * Relief rules (救助类型与规则): the officer enters dibao's table as version 1 from today and a raised line as version 2
 * from 1 January (the page shows the version in force, the next one and the history). Runs last: the applications
 * seeded before keep the built-in version, and today's figures are the built-in ones.
 */
async function seedReliefRules() {
  const officer = { token: tokens['officer-huang']!.accessToken } as Person;
  const { nameZh, nameEn, parameters, documents, levels } = builtInVersion('dibao', 'sd-t');
  const add = async (body: Record<string, unknown>, key: string) => {
    const res = await h.api.as(officer).post('/relief/types/dibao/versions', { nameZh, nameEn, parameters, documents, levels, ...body }, { 'idempotency-key': key });
    if (res.status !== 201) throw new Error(`rule version: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await add({ effectiveFrom: '2026-12-01', reason: '按区民政局文件录入现行低保标准' }, 'a11y-rules-v1');
  await add({ parameters: { dibaoLine: (parameters.dibaoLine ?? 1000) + 50 }, effectiveFrom: '2027-01-01', reason: '2027年起低保标准上调' }, 'a11y-rules-v2');
}

/** Announcements: one published to c-a, pinned (the list, its detail and the form show it). */
const ann: Record<string, string> = {};

/** The five lists: a matter in each state a page shows its panel for, a council and an open consultation. */
const five: Record<string, string> = {};
async function seedFiveLists(wang: Person, liu: Person) {
  const officer = await h.person('黄伟', [['subdistrictOfficer', 'sd-t']], { openid: 'officer-huang' });
  const sun = await h.person('孙明', [['unitContact', 'p-water']], { openid: 'unit-sun' });
  await h.person('唐建华', [['jointCommittee', 'sd-t']], { openid: 'committee-tang' });
  for (const openid of ['officer-huang', 'unit-sun', 'committee-tang']) {
    const login = await h.api.as().post('/auth/wechat', { code: `dev:${openid}` });
    tokens[openid] = { accessToken: login.body.accessToken, refreshToken: login.body.refreshToken };
  }
  const collect = async (text: string) => (await h.api.as(liu).post('/five-lists/matters', { communityId: 'c-a', source: 'walkRound', category: 'environment', text })).body;
  const step = async (who: Person, id: string, action: string, body: object) => (await h.api.as(who).post(`/five-lists/matters/${id}/${action}`, body)).body;
  const toClaimed = async (m: { id: string; version: number }) => {
    const d = await step(officer, m.id, 'dispatch', { unitId: 'p-water', version: m.version });
    const r = await step(officer, m.id, 'review', { decision: 'confirm', version: d.version });
    return step(sun, m.id, 'claim', { version: r.version });
  };
  five.FIVE_COLLECTED = (await collect('小区北门路灯不亮，晚上出行不便')).id;
  const claimed = await toClaimed(await collect('3号楼下水道堵塞，一楼反水'));
  five.FIVE_CLAIMED = claimed.id;
  const resolved = await toClaimed(await collect('东门垃圾桶破损需要更换'));
  await step(sun, resolved.id, 'resolve', { note: '已更换新垃圾桶', photos: [`uploads/${sun.id}/done.jpg`], version: resolved.version });
  five.FIVE_RESOLVED = resolved.id;
  const council = await h.api.as(liu).post('/communities/c-a/councils', {
    title: '2026年第11次居民议事会',
    heldOn: '2026-11-20',
    attendance: 21,
    topics: ['加装电梯', '停车管理'],
    resolutions: [{ topic: '加装电梯', text: '5号楼启动加装电梯意见征询' }, { topic: '停车管理', text: '东门施划临时停车位' }],
    published: true,
  });
  five.COUNCIL_ID = council.body.id;
  const consultation = await h.api.as(officer).post('/consultations', {
    unitId: 'c-a',
    title: '和平社区停车收费方案征求意见',
    description: '拟对小区内部停车位实行收费管理，请居民投票。',
    options: ['按月收费', '按次收费', '维持免费'],
    opensAt: '2026-11-30T00:00:00.000Z',
    closesAt: '2026-12-20T00:00:00.000Z',
  });
  five.CONSULT_ID = consultation.body.id;
  await h.api.as(wang).put(`/consultations/${five.CONSULT_ID}/vote`, { optionId: 'o0' });
  await h.api.as(wang).post(`/consultations/${five.CONSULT_ID}/comments`, { text: '建议按月收费，价格公开' });
}

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

/** Sign-ups: an organizer, a published activity wang signed up for, an event wang registered for (its ticket shows). */
const su: Record<string, string> = {};
async function seedSignups(wang: Person) {
  const zhou = await h.person('周婷', [['organizer', 'c-a']], { openid: 'organizer-zhou' });
  const login = await h.api.as().post('/auth/wechat', { code: 'dev:organizer-zhou' });
  tokens['organizer-zhou'] = { accessToken: login.body.accessToken, refreshToken: login.body.refreshToken };
  await h.api.as(wang).put('/me/volunteer', { realName: '王秀兰', phoneCode: 'phone:13900000001', skills: ['陪伴聊天'], availability: ['weekendDaytime'] });
  const shift = { startsAt: '2026-12-10T01:00:00.000Z', endsAt: '2026-12-10T03:00:00.000Z', place: '和平社区党群服务中心', slots: 5, requirements: '穿志愿者马甲' };
  const a = (await h.api.as(zhou).post('/activities', { unitId: 'c-a', title: '垃圾分类桶边督导', description: '周末早上引导居民分类', elderToElder: true, shifts: [shift] })).body;
  await h.api.as(zhou).post(`/activities/${a.activity.id}/publish`);
  su.SU_ACTIVITY = a.activity.id;
  su.SU_SHIFT = a.activity.shifts[0].id;
  await h.api.as(wang).post(`/shifts/${su.SU_SHIFT}/signup`);
  const e = (await h.api.as(zhou).post('/events', { unitId: 'c-a', title: '迎新年社区文艺汇演', description: '居民合唱、戏曲、舞蹈', place: '和平社区文化广场', startsAt: '2026-12-12T11:00:00.000Z', endsAt: '2026-12-12T13:00:00.000Z', capacity: 50, maxCompanions: 2 })).body;
  su.SU_EVENT = e.event.id;
  await h.api.as(wang).post(`/events/${su.SU_EVENT}/registration`, { companions: 1 });
}

/** The workbench: a team of c-a with wang on it (the organizer's team hours, and wang's hours as staff see them). */
async function seedWorkbench(wang: Person) {
  const organizer = { token: tokens['organizer-zhou']!.accessToken } as Person;
  const team = await h.api.as(organizer).post('/volunteer-teams', { unitId: 'c-a', name: '和平助老服务队', kind: 'other', leaderIds: [wang.id] });
  if (team.status !== 201) throw new Error(`team not formed: ${team.status} ${JSON.stringify(team.body)}`);
  su.SU_WANG = wang.id;
}

/** Relief: a grid worker, a dibao application wang submitted (documents named, consent given), and one approved at both levels (on the public notice). */
const rl: Record<string, string> = {};
async function seedRelief(wang: Person, liu: Person) {
  await h.person('张网格', [['gridWorker', 'g-a1']], { openid: 'grid-zhang' });
  const login = await h.api.as().post('/auth/wechat', { code: 'dev:grid-zhang' });
  tokens['grid-zhang'] = { accessToken: login.body.accessToken, refreshToken: login.body.refreshToken };
  const d = (await h.api.as(wang).post('/relief/applications', dibaoBody(wang))).body;
  const c = (await h.api.as(wang).post(`/relief/applications/${d.application.id}/consent`, { method: 'app', textVersion: '2026-11', version: d.application.version })).body;
  await h.api.as(wang).post(`/relief/applications/${d.application.id}/submit`, { version: c.application.version });
  rl.RL_APP = d.application.id;
  const reviewer = await h.person('审核员', [['subdistrictOfficer', 'sd-t']]);
  const a = (await h.api.as(wang).post('/relief/applications', dibaoBody(wang))).body;
  const ac = (await h.api.as(wang).post(`/relief/applications/${a.application.id}/consent`, { method: 'app', textVersion: '2026-11', version: a.application.version })).body;
  let v = (await h.api.as(wang).post(`/relief/applications/${a.application.id}/submit`, { version: ac.application.version })).body.application.version;
  v = (await h.api.as(liu).post(`/relief/applications/${a.application.id}/review`, { decision: 'approve', version: v })).body.application.version;
  const final = await h.api.as(reviewer).post(`/relief/applications/${a.application.id}/review`, { decision: 'approve', version: v });
  if (final.body?.application?.status !== 'approved') throw new Error(`dibao not approved: ${final.status} ${JSON.stringify(final.body)}`);
  // a draft of wang's with her own upload: the uploader's 查看 shows on it (no object is behind the key; the page needs none to render)
  const own = (await h.api.as(wang).post('/relief/applications', { ...dibaoBody(wang), documents: [{ kind: 'idCard', key: `relief-docs/${wang.id}/a11y-id.jpg` }] })).body;
  if (!own?.application?.id) throw new Error(`relief draft: ${JSON.stringify(own)}`);
  rl.RL_DRAFT = own.application.id;
}

/** Residents' rights: wang's download of her data, ready (her consented relief applications are listed as consents). */
async function seedPrivacy(wang: Person) {
  const started = await h.api.as(wang).post('/me/data-export', undefined, { 'idempotency-key': 'a11y-pv-export' });
  if (started.status >= 300) throw new Error(`privacy export: ${started.status} ${JSON.stringify(started.body)}`);
  await drainPrivacyWork(h.deps);
}

/** The relief registry: a household of grid g-a1 with an open bereavement visit assigned to the community worker. */
const rr: Record<string, string> = {};
async function seedReliefRegistry(liu: Person) {
  const e = (await h.api.as(liu).post('/communities/c-a/relief/registry', { gridId: 'g-a1', headName: '周桂英', headIdNumber: idNumber('1941-02-03', '482'), tags: ['elderlyAlone'] })).body;
  rr.RR_HOUSEHOLD = encodeURIComponent(e.householdId);
  await h.api.as(liu).post('/communities/c-a/relief/must-visits', { householdId: e.householdId, kind: 'bereavement', note: '老伴病逝', occurredOn: '2026-11-29' });
}

const pages: [string, string][] = [
  ['', '#/pages/login/index'],
  ['resident-wang', '#/pages/home/index'],
  ['resident-wang', '#/pages/matters/index'],
  ['resident-wang', '#/pages/me/index'],
  ['resident-wang', `#/packages/sayItDay/submit/index?sessionId=${NEXT_SESSION_A}`],
  ['resident-li', '#/packages/sayItDay/matter/index?id=MATTER'],
  ['resident-wang', `#/packages/sayItDay/session/index?id=${NEXT_SESSION_A}`],
  ['resident-wang', '#/packages/me/inbox/index'],
  ['resident-wang', '#/packages/me/settings/index'],
  ['newcomer', '#/packages/me/bind/index'],
  ['worker-liu', `#/packages/worker/run/index?id=${NEXT_SESSION_A}`],
  ['worker-liu', '#/packages/worker/sessions/index'],
  ['worker-liu', '#/packages/worker/rule/index'],
  ['worker-liu', '#/packages/worker/bindings/index'],
  ['admin', '#/packages/me/admin/index'],
  ['resident-wang', '#/packages/fiveLists/board/index'],
  ['worker-liu', '#/packages/fiveLists/matter/index?id=FIVE_RESOLVED'],
  ['worker-liu', '#/packages/fiveLists/rate/index?id=FIVE_RESOLVED'],
  ['officer-huang', '#/packages/fiveLists/matter/index?id=FIVE_COLLECTED'],
  ['unit-sun', '#/packages/fiveLists/matter/index?id=FIVE_CLAIMED'],
  // a unit contact's 说事: their five lists work in place of a board
  ['unit-sun', '#/pages/matters/index'],
  // a neighbour: the watch (关注) button
  ['resident-li', '#/packages/fiveLists/matter/index?id=FIVE_CLAIMED'],
  ['unit-sun', '#/packages/fiveLists/unit/index'],
  ['unit-sun', '#/packages/fiveLists/scores/index'],
  ['officer-huang', '#/packages/fiveLists/officer/index'],
  ['officer-huang', '#/packages/fiveLists/scores/index'],
  ['resident-wang', '#/packages/fiveLists/councils/index'],
  ['resident-wang', '#/packages/fiveLists/council/index?id=COUNCIL_ID'],
  ['resident-wang', '#/packages/fiveLists/consultations/index'],
  ['resident-wang', '#/packages/fiveLists/consultation/index?id=CONSULT_ID'],
  ['worker-liu', '#/packages/fiveLists/raise/index'],
  ['officer-huang', '#/packages/fiveLists/publish/index'],
  ['committee-tang', '#/packages/fiveLists/officer/index'],
  ['resident-wang', '#/pages/volunteer/index'],
  ['resident-wang', '#/packages/signups/register/index'],
  ['resident-wang', '#/packages/signups/activity/index?id=SU_ACTIVITY'],
  ['resident-wang', '#/packages/signups/event/index?id=SU_EVENT'],
  ['resident-wang', '#/packages/signups/hours/index'],
  ['resident-wang', '#/packages/signups/timebank/index'],
  ['resident-wang', '#/packages/signups/teams/index'],
  ['organizer-zhou', '#/packages/signups/organize/index'],
  // the workbench (工作台): a worker's and an organizer's first screens, team hours, a volunteer's hours as staff see them
  ['worker-liu', '#/pages/home/index'],
  ['organizer-zhou', '#/pages/home/index'],
  ['organizer-zhou', '#/pages/volunteer/index'],
  ['organizer-zhou', '#/packages/workbench/teams/index'],
  ['organizer-zhou', '#/packages/workbench/volunteer/index?unitId=c-a&userId=SU_WANG'],
  ['organizer-zhou', '#/packages/signups/newActivity/index'],
  ['organizer-zhou', '#/packages/signups/newEvent/index'],
  ['organizer-zhou', '#/packages/signups/activity/index?id=SU_ACTIVITY'],
  ['organizer-zhou', '#/packages/signups/roster/index?shiftId=SU_SHIFT'],
  ['organizer-zhou', '#/packages/signups/qr/index?shiftId=SU_SHIFT'],
  ['organizer-zhou', '#/packages/signups/door/index?eventId=SU_EVENT'],
  ['organizer-zhou', '#/packages/signups/newEvent/index?id=SU_EVENT'],
  ['organizer-zhou', '#/packages/signups/newActivity/index?id=SU_ACTIVITY'],
  ['resident-wang', '#/packages/signups/verify/index?serial=LL20260101NOTREAL00'],
  ['worker-liu', '#/packages/relief/registry/index'],
  ['worker-liu', '#/packages/relief/household/index?communityId=c-a&householdId=RR_HOUSEHOLD'],
  ['worker-liu', '#/packages/relief/visits/index'],
  ['resident-wang', '#/pages/services/index'],
  ['worker-liu', '#/pages/services/index'],
  ['resident-wang', '#/packages/relief/apply/index?type=dibao'],
  ['resident-wang', '#/packages/relief/application/index?id=RL_APP'],
  ['worker-liu', '#/packages/relief/application/index?id=RL_APP'],
  ['grid-zhang', '#/packages/relief/proxy/index'],
  ['worker-liu', '#/packages/relief/queue/index?level=community'],
  ['worker-liu', '#/packages/relief/disbursements/index'],
  ['officer-huang', '#/packages/relief/figures/index'],
  ['resident-wang', '#/packages/relief/notice/index'],
  // the uploader's own draft, with 查看 on her upload
  ['resident-wang', '#/packages/relief/application/index?id=RL_DRAFT'],
  // 个人信息与隐私: the policy, the download, consents, closing the account
  ['resident-wang', '#/packages/privacy/home/index'],
  ['resident-wang', '#/packages/announcements/list/index'],
  ['resident-wang', '#/packages/announcements/detail/index?id=ANN_ID'],
  ['worker-liu', '#/packages/announcements/list/index'],
  ['worker-liu', '#/packages/announcements/detail/index?id=ANN_ID'],
  ['worker-liu', '#/packages/announcements/post/index'],
  // elder care (为老服务): the elder's screens, the worker's and the provider contact's
  ['resident-wang', '#/packages/elderCare/home/index'],
  ['resident-wang', '#/packages/elderCare/book/index?service=bath'],
  ['resident-wang', '#/packages/elderCare/meals/index'],
  ['resident-wang', '#/packages/elderCare/bookings/index'],
  ['resident-wang', '#/packages/elderCare/emergency/index'],
  ['resident-wang', '#/packages/elderCare/family/index'],
  ['worker-liu', '#/packages/elderCare/behalf/index'],
  ['worker-liu', '#/packages/elderCare/book/index?service=meal&elderId=EC_WANG&worker=1&community=c-a'],
  ['worker-liu', '#/packages/elderCare/emergency/index?id=EC_SOS'],
  ['unit-sun', '#/packages/elderCare/provider/index?id=EC_PROVIDER&day=2026-12-02'],
  ['officer-huang', '#/packages/workSummary/summary/index'],
  // employment (就业援助) and micro-projects (惠民项目): the worker's board and projects, the officer's projects, the resident's 社区家务账
  ['worker-liu', '#/packages/employment/board/index'],
  ['worker-liu', '#/packages/microProjects/projects/index'],
  ['officer-huang', '#/packages/microProjects/projects/index'],
  ['resident-wang', '#/packages/microProjects/accounts/index'],
  // safety (安全生产, 门前三包, 违建): the register and an inspection, the hazards and reports, a case, the shops, the report form
  ['worker-liu', '#/packages/safety/sites/index'],
  ['grid-he', '#/packages/safety/sites/index'],
  ['grid-he', '#/packages/safety/inspect/index?siteId=SF_SITE'],
  ['grid-he', '#/packages/safety/hazards/index'],
  ['grid-he', '#/packages/safety/case/index?caseId=SF_HAZARD'],
  ['worker-liu', '#/packages/safety/hazards/index?kind=illegalBuilding'],
  ['worker-liu', '#/packages/safety/case/index?caseId=SF_REPORT'],
  ['worker-liu', '#/packages/safety/shops/index'],
  ['grid-he', '#/packages/safety/report/index'],
  // moderation (举报与审核): the worker's queue with a reported matter and a reported comment
  ['worker-liu', '#/packages/moderation/queue/index?unitId=c-a'],
  // 救助类型与规则: dibao with a version in force, the next one and the history
  ['officer-huang', '#/packages/relief/rules/index'],
];

/**
 * One phone per person and mode, each page a fresh load in it: the pages of a phone share the HTTP cache (the app's
 * scripts load once, not 190 times), and every load starts from the same storage (the init script runs before the
 * app on each load).
 */
const phones = new Map<string, Promise<BrowserContext>>();
function phoneOf(who: string, elder: boolean): Promise<BrowserContext> {
  const key = `${who}|${elder}`;
  if (!phones.has(key)) {
    phones.set(
      key,
      phoneContext(browser).then(async (context) => {
        await context.addInitScript(
          ([t, elderMode]) => {
            localStorage.setItem('linli.privacyAgreed', JSON.stringify({ data: true }));
            localStorage.setItem('linli.prefs', JSON.stringify({ data: { elder: elderMode, lang: 'zh' } }));
            if (t) localStorage.setItem('linli.tokens', JSON.stringify({ data: t }));
          },
          [who ? tokens[who] : null, elder] as const,
        );
        return context;
      }),
    );
  }
  return phones.get(key)!;
}

async function open(who: string, route: string, elder: boolean): Promise<Page> {
  const page = await (await phoneOf(who, elder)).newPage();
  await page.goto(`${web.url}/${route.replace('MATTER', matterId).replace(/FIVE_\w+|COUNCIL_ID|CONSULT_ID/, (k) => five[k]!).replace(/SU_\w+/, (k) => su[k]!).replace(/RL_\w+/, (k) => rl[k]!).replace(/RR_\w+/, (k) => rr[k]!).replace(/ANN_\w+/, (k) => ann[k]!).replace(/EC_\w+/g, (k) => ec[k]!).replace(/SF_\w+/g, (k) => sf[k]!)}`);
  await page.waitForLoadState('networkidle');
  // the page has rendered its content (not a spinner): some text in the page root
  await page.waitForFunction(() => (document.querySelector('.taro_page, .taro_router')?.textContent ?? '').trim().length > 4, undefined, { timeout: 15_000 });
  return page;
}

/** What a page shows from its seed before it is checked (a check of an empty state would prove little): test id, text. */
const shows: Record<string, [string, string]> = {
  '#/packages/moderation/queue/index?unitId=c-a': ['mod-queue', '被举报 1 次'],
  '#/packages/relief/rules/index': ['rl-rules-in-force', '现行第 1 版'],
};

describe('accessibility of every page', () => {
  for (const [who, route] of pages) {
    for (const elder of [false, true]) {
      it(`${route} as ${who || 'a visitor'}${elder ? ' in elder mode' : ''}`, async () => {
        const page = await open(who, route, elder);
        try {
          const seeded = shows[route];
          if (seeded) await page.getByTestId(seeded[0]).filter({ hasText: seeded[1] }).waitFor({ timeout: 15_000 });
          expect(await axeViolations(page)).toEqual([]);
          if (elder) expect(await elderShortfalls(page)).toEqual({ small: [], tiny: [] });
        } finally {
          await page.close();
        }
      });
    }
  }
});
