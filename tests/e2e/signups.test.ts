import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { harness, type Harness } from '../support/harness';
import { readPdf } from '../support/signups';
import { drainWork } from '../../functions/signups/jobs';
import { ensureH5Build, launchBrowser, openPage, ROOT, startWeb, loginAs as logIn } from '../support/web';

/**
 * A cultural event end to end, in Chromium at a phone's viewport, on the h5 build against the real handlers:
 * an organizer posts an event, residents register until it is full, one cancels, the first waitlisted is promoted
 * and checked in at the door with the ticket.
 */
jest.setTimeout(300_000);

let h: Harness;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
const shots = path.join(ROOT, '.local/screenshots');

beforeAll(async () => {
  ensureH5Build();
  h = await harness();
  await h.person('周婷', [['organizer', 'c-a']], { openid: 'organizer-zhou' });
  await h.person('王秀兰', [['resident', 'c-a']], { openid: 'resident-wang' });
  await h.person('李建国', [['resident', 'c-a']], { openid: 'resident-li' });
  await h.person('赵敏', [['resident', 'c-a']], { openid: 'resident-zhao' });
  web = await startWeb(h.deps);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
  // the h5 build waits its turn under a lock on a shared machine, then takes minutes of its own
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const loginAs = (openid: string): Promise<Page> => logIn(browser, web.url, openid);

const statusOf = (page: Page) => page.getByTestId('event-status');

let eventId = '';

describe('a cultural event, end to end', () => {
  it('lets an organizer post an event with two places', async () => {
    const page = await loginAs('organizer-zhou');
    await openPage(page, `${web.url}/#/pages/me/index`);
    await page.getByTestId('me-organize').click();
    await page.getByTestId('org-new-event').click();
    await page.getByTestId('ne-title').fill('社区迎新年书法体验课');
    await page.getByTestId('ne-description').fill('老师现场教写福字，纸笔由社区提供');
    await page.getByTestId('ne-place').fill('和平社区文化活动室');
    await page.getByTestId('ne-date').fill('2026-12-10');
    await page.getByTestId('ne-start').fill('19:00');
    await page.getByTestId('ne-end').fill('21:00');
    await page.getByTestId('ne-capacity').fill('2');
    await page.getByTestId('ne-companions-0').click();
    await page.getByTestId('ne-post').click();
    await page.waitForURL(/packages\/signups\/event\/index\?id=/, { timeout: 20_000, waitUntil: 'commit' });
    eventId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
    await page.getByTestId('event-title').getByText('社区迎新年书法体验课').waitFor();
    await page.screenshot({ path: path.join(shots, 'signups-1-event-posted.png') });
    await page.context().close();
    // Assess: stored as posted, in China time
    const organizer = await h.person('核对员', [['organizer', 'c-a']]);
    const e = (await h.api.as(organizer).get(`/events/${eventId}`)).body;
    expect(e.event).toMatchObject({ title: '社区迎新年书法体验课', capacity: 2, maxCompanions: 0, startsAt: '2026-12-10T11:00:00.000Z', state: 'published' });
  });

  it('lets residents register from 首页 until it is full, then join the waitlist', async () => {
    for (const [openid, expected] of [
      ['resident-wang', /已报名/],
      ['resident-li', /已报名/],
      ['resident-zhao', /候补第 1 位/],
    ] as const) {
      const page = await loginAs(openid);
      await page.getByTestId(`event-card-${eventId}`).click();
      await page.getByTestId('event-register').click();
      await statusOf(page).getByText(expected).waitFor({ timeout: 15_000 });
      if (openid === 'resident-zhao') {
        await page.getByTestId('event-places').getByText(/剩余 0/).waitFor();
        await page.screenshot({ path: path.join(shots, 'signups-2-waitlisted.png') });
      }
      await page.context().close();
    }
    const organizer = await h.person('核对员', [['organizer', 'c-a']]);
    const att = (await h.api.as(organizer).get(`/events/${eventId}/attendance`)).body;
    expect(att.availability).toMatchObject({ capacity: 2, taken: 2, free: 0 });
    expect(att.items.map((r: { displayName: string; status: string }) => `${r.displayName}:${r.status}`).sort()).toEqual(['李建国:confirmed', '王秀兰:confirmed', '赵敏:waitlisted']);
  });

  it('lets the organizer move the event to another room, and tells everyone registered or waiting', async () => {
    const page = await loginAs('organizer-zhou');
    await page.goto(`${web.url}/#/packages/signups/event/index?id=${eventId}`);
    await page.getByTestId('event-edit').click();
    const place = page.getByTestId('ne-place');
    await place.waitFor();
    expect(await place.inputValue()).toBe('和平社区文化活动室');
    await place.fill('和平社区二楼多功能厅');
    await page.getByTestId('ne-save').click();
    // back on the event page, which shows the new place
    await page.getByRole('main').getByTestId('event-title').waitFor({ timeout: 20_000 });
    await page.getByRole('main').getByText('和平社区二楼多功能厅').first().waitFor({ timeout: 15_000 });
    await page.context().close();
    // the edit wrote one changeHolders work item; the sign-ups worker (every minute in the cloud) tells the holders
    expect((await drainWork(h.deps)).done).toBeGreaterThan(0);
    for (const openid of ['resident-wang', 'resident-li', 'resident-zhao']) {
      const inbox = await h.api.as(await tokenPerson(openid)).get('/me/inbox?limit=20');
      const told = inbox.body.items.filter((i: { template: string }) => i.template === 'signupChanged');
      expect(told).toHaveLength(1);
      expect(told[0].body).toContain('和平社区二楼多功能厅');
    }
  });

  it('promotes the first on the waitlist when a resident gives back a place', async () => {
    const page = await loginAs('resident-wang');
    await page.goto(`${web.url}/#/packages/signups/event/index?id=${eventId}`);
    await statusOf(page).getByText(/已报名/).waitFor();
    await page.getByTestId('event-cancel').click();
    await page.locator('.taro-modal__foot').getByText('确定').click();
    await page.getByTestId('event-note').getByText(/已取消报名/).waitFor({ timeout: 15_000 });
    await page.context().close();

    const promoted = await loginAs('resident-zhao');
    await promoted.goto(`${web.url}/#/packages/signups/event/index?id=${eventId}`);
    await statusOf(promoted).getByText(/已报名/).waitFor({ timeout: 15_000 });
    await promoted.locator('[data-testid="event-ticket"] img').first().waitFor();
    await promoted.screenshot({ path: path.join(shots, 'signups-3-promoted-ticket.png') });
    ticket = (await promoted.getByTestId('event-ticket-code').textContent())!.trim();
    expect(ticket.length).toBeGreaterThan(10);
    await promoted.context().close();
    // the promoted resident was told, in the inbox
    const zhaoInbox = await h.api.as(await tokenPerson('resident-zhao')).get('/me/inbox?limit=20');
    expect(zhaoInbox.body.items.map((i: { template: string }) => i.template)).toContain('signupPromoted');
  });

  it('checks the promoted resident in at the door with the ticket', async () => {
    const page = await loginAs('organizer-zhou');
    await page.goto(`${web.url}/#/packages/signups/event/index?id=${eventId}`);
    await page.getByTestId('event-door').click();
    await page.getByTestId('door-ticket').fill(ticket);
    await page.getByTestId('door-checkin').click();
    await page.getByTestId('door-note').getByText(/赵敏/).waitFor({ timeout: 15_000 });
    await page.getByTestId('door-count').getByText(/已入场 1 份报名/).waitFor();
    await page.screenshot({ path: path.join(shots, 'signups-4-door.png') });
    await page.context().close();
    const organizer = await h.person('核对员', [['organizer', 'c-a']]);
    const att = (await h.api.as(organizer).get(`/events/${eventId}/attendance`)).body;
    expect(att.checkedIn).toBe(1);
    const zhao = att.items.find((r: { displayName: string }) => r.displayName === '赵敏');
    expect(zhao).toMatchObject({ status: 'confirmed' });
    expect(zhao.checkedInAt).toBeTruthy();
  });
});

/** 王秀兰's ID number (made up; its check digit is X) and how every page and the certificate show it */
const WANG_ID = '11010519580302706X';
const WANG_ID_MASKED = '110105********706X';

describe('a certificate of service hours', () => {
  it('takes the volunteer’s ID number at registration, checked on the phone, with its consent, and shows it only masked', async () => {
    // Prepare
    const page = await loginAs('resident-wang');
    await page.goto(`${web.url}/#/packages/signups/register/index`);
    await page.getByTestId('vol-name').fill('王秀兰');
    await page.getByTestId('vol-phone').fill('13911112222');
    // Act + Assess: a wrong check digit is caught on the phone, and nothing is sent
    await page.getByTestId('vol-id').fill(`${WANG_ID.slice(0, 17)}1`);
    await page.getByText('身份证号码校验位不对，请核对').first().waitFor();
    await page.getByTestId('vol-submit').click();
    await page.getByText('身份证号码校验位不对，请核对').first().waitFor();
    // the right number, typed with a lower-case x, needs the consent, whose text says why and that it is encrypted
    await page.getByTestId('vol-id').fill(WANG_ID.toLowerCase());
    await page.getByTestId('vol-submit').click();
    await page.getByText('请先阅读并同意身份证号的使用说明，或清空身份证号').waitFor();
    expect(await page.getByTestId('vol-id-consent-text').textContent()).toContain('加密保存');
    await page.getByTestId('vol-id-consent-agree').click();
    await page.getByText('请先阅读并同意身份证号的使用说明，或清空身份证号').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(shots, 'signups-4b-volunteer-id.png') });
    await page.getByTestId('vol-submit').click();
    // Assess: registered with the number masked; the page, opened again, shows only the masked form
    const wang = await tokenPerson('resident-wang');
    let mine: { volunteer: { maskedIdNumber?: string } | null } = { volunteer: null };
    for (let i = 0; i < 50 && !mine.volunteer; i++) {
      mine = (await h.api.as(wang).get('/me/volunteer')).body;
      if (!mine.volunteer) await page.waitForTimeout(200);
    }
    expect(mine.volunteer?.maskedIdNumber).toBe(WANG_ID_MASKED);
    expect(JSON.stringify(mine)).not.toContain(WANG_ID);
    // a fresh tab of the same phone (its storage, so the same person): the page's own navigateBack after registering,
    // which may still be under way, cannot interrupt its load
    const again = await page.context().newPage();
    await again.goto(`${web.url}/#/packages/signups/register/index`);
    await again.getByTestId('vol-id-on-file').getByText(WANG_ID_MASKED, { exact: false }).waitFor({ timeout: 15_000 });
    expect(await again.content()).not.toContain(WANG_ID);
    await page.context().close();
  });

  it('downloads the volunteer’s certificate as a PDF from 我的证明, and anyone can check its number', async () => {
    // Prepare: wang (registered above, with her ID number) serves two hours on a shift, confirmed by its organizer (through the API)
    const organizer = await h.person('证明组织者', [['organizer', 'c-a']]);
    const before = h.clock.now().toISOString();
    try {
      let wang = await tokenPerson('resident-wang');
      expect((await h.api.as(wang).get('/me/volunteer')).body.volunteer).toMatchObject({ realName: '王秀兰', maskedIdNumber: WANG_ID_MASKED });
      const created = (
        await h.api.as(organizer).post('/activities', {
          unitId: 'c-a',
          title: '敬老院陪伴聊天',
          shifts: [{ startsAt: '2026-12-10T01:00:00.000Z', endsAt: '2026-12-10T03:00:00.000Z', place: '和平敬老院', slots: 3 }],
        })
      ).body;
      const shiftId = created.activity.shifts[0].id as string;
      await h.api.as(organizer).post(`/activities/${created.activity.id}/publish`);
      expect((await h.api.as(wang).post(`/shifts/${shiftId}/signup`)).status).toBe(201);
      const code = async () => (await h.api.as(organizer).get(`/shifts/${shiftId}/qr`)).body.token as string;
      h.clock.set('2026-12-10T00:55:00.000Z');
      wang = await tokenPerson('resident-wang');
      expect((await h.api.as(wang).post(`/shifts/${shiftId}/check-in`, { token: await code() })).status).toBe(200);
      h.clock.set('2026-12-10T03:00:00.000Z');
      wang = await tokenPerson('resident-wang');
      expect((await h.api.as(wang).post(`/shifts/${shiftId}/check-out`, { token: await code() })).status).toBe(200);
      const wangId = (await h.api.as(wang).get('/me')).body.id as string;
      expect((await h.api.as(organizer).post(`/shifts/${shiftId}/hours/${wangId}`, { minutes: 120 })).status).toBe(200);

      // Act: in the app, issue the certificate and press 我的证明 (PDF)
      const page = await loginAs('resident-wang');
      await page.goto(`${web.url}/#/packages/signups/hours/index`);
      await page.getByTestId('cert-from').fill('2026-01-01');
      await page.getByTestId('cert-to').fill('2026-12-31');
      await page.getByTestId('cert-issue').click();
      const serial = (await page.getByTestId('cert-serial').textContent({ timeout: 15_000 }))!.trim();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.getByTestId('cert-pdf').click()]);
      await page.getByTestId('cert-opened').waitFor();
      await page.screenshot({ path: path.join(shots, 'signups-5-certificate.png') });
      // Assess: the file is the certificate, and reads back
      expect(download.suggestedFilename()).toBe(`volunteer-certificate-${serial}.pdf`);
      const pdf = readPdf(readFileSync((await download.path())!));
      const text = pdf.pages.map((p) => p.lines.join('')).join('');
      for (const s of ['志愿服务记录证明', `王秀兰（身份证号：${WANG_ID_MASKED}）`, serial, '敬老院陪伴聊天', '合计：2小时']) expect(text).toContain(s);
      expect(text).not.toContain(WANG_ID);

      // the number checks out on the public page, with the name masked
      await page.goto(`${web.url}/#/packages/signups/verify/index?serial=${serial}`);
      await page.getByTestId('verify-result').getByText('证明有效').waitFor({ timeout: 15_000 });
      await page.getByTestId('verify-result').getByText('王*兰').waitFor();
      await page.getByTestId('verify-result').getByText(WANG_ID_MASKED).waitFor();
      await page.context().close();
    } finally {
      h.clock.set(before);
    }
  });
});

let ticket = '';

/** A person already in the table, by openid, with a token (login through the real handler). */
async function tokenPerson(openid: string) {
  const login = await h.api.as().post('/auth/wechat', { code: `dev:${openid}` });
  return { token: login.body.accessToken } as never;
}
