import { publishAnnouncements } from '../../functions/announcements/jobs';
import { newId } from '../../functions/platform/clock';
import { keys } from '../../functions/platform/keys';
import { announcementWorld } from '../support/announcements';
import type { Person } from '../support/harness';
import { ok, reliefWorld, type ReliefWorld } from '../support/relief';

/**
 * Inbox texts by key (issue 13 item 5), through the API: a notice made by a real command (a relief application's
 * steps, an announcement published by its job) is read back from GET /me/inbox with its key, its params, the Chinese
 * (title/body) and the English (titleEn/bodyEn), and the English says nothing in Chinese but what its params carry
 * (a name, a title). An item stored before texts had keys answers as it was stored.
 */
jest.setTimeout(90_000);

interface Item {
  id: string;
  key?: string;
  params?: Record<string, unknown>;
  title: string;
  body: string;
  titleEn?: string;
  bodyEn?: string;
  template: string;
  link?: string;
}

let w: ReliefWorld;
beforeAll(async () => {
  w = await reliefWorld();
});

const inbox = async (p: Person): Promise<Item[]> => ok(await w.h.api.as(p).get('/me/inbox?limit=100'), 'inbox').items;
const byKey = (items: Item[], key: string) => items.filter((i) => i.key === key);

/** what the English says once every string param is taken out: its own words, which must hold no Chinese */
function ownWords(item: Item): string {
  let s = `${item.titleEn ?? ''}\n${item.bodyEn ?? ''}`;
  const values = Object.values(item.params ?? {}).filter((v): v is string => typeof v === 'string');
  // the longest first, so a param inside another is not cut out of it first
  for (const v of values.sort((a, b) => b.length - a.length)) if (v) s = s.split(v).join('');
  return s;
}
// CJK ideographs and the full-width punctuation Chinese texts use (，：。（）)
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('GET /me/inbox, texts by key', () => {
  it('answers each step of a relief application with its key, the Chinese and the English of the same notice', async () => {
    // Prepare: wang's dibao, submitted, approved by the community worker, then by the officer (all through the API)
    const { p } = w;
    // Act
    const done = await w.approved(p.wang);
    // Assess: the owner heard of both decisions, each by its key
    expect(done.application.status).toBe('approved');
    const mine = await inbox(p.wang);
    const [community] = byKey(mine, 'relief.communityApproved');
    expect(community).toMatchObject({
      template: 'reliefDecision',
      params: { typeZh: '低保', typeEn: 'Minimum living allowance' },
      title: '申请已通过社区初审',
      body: '您的低保申请已通过社区初审，等待街道审批',
      titleEn: 'Passed the community review',
      bodyEn: 'Your Minimum living allowance application now awaits the sub-district',
    });
    // the amount the officer approved (1365 × 3 − 2000 a month), said in both languages
    const [approved] = byKey(mine, 'relief.approved');
    expect(approved).toMatchObject({
      params: { typeZh: '低保', typeEn: 'Minimum living allowance', recurring: true, amount: 2095 },
      title: '申请已批准',
      body: '您的低保申请已批准，每月2095元',
      titleEn: 'Application approved',
      bodyEn: 'Your Minimum living allowance application was approved: ¥2095 a month',
    });
    expect(approved!.link).toBe(`/packages/relief/application/index?id=${done.application.id}`);
    // the reviewer's notice of new work names the applicant masked, in both languages; the English's own words are English
    const [work] = byKey(await inbox(p.worker), 'relief.newWork');
    expect(work).toMatchObject({ params: { applicant: '王*兰', level: 'community' }, title: '有新的救助申请待审核', titleEn: 'A relief application awaits review', bodyEn: "王*兰's Minimum living allowance application was submitted" });
    for (const item of [community!, approved!, work!]) {
      expect(item.titleEn!.length).toBeGreaterThan(0);
      expect(ownWords(item)).not.toMatch(CHINESE);
      // and the Chinese is Chinese: the two are not one text twice
      expect(item.title).toMatch(CHINESE);
      expect(item.title).not.toBe(item.titleEn);
    }
  });

  it('answers an announcement with its Chinese title inside the English, and nothing else Chinese there', async () => {
    // Prepare: a resident of c-a who asked to be told, and the community worker's announcement
    const a = announcementWorld(w.h);
    const told = await a.resident('周阿姨', { notify: true });
    const posted = await a.post(w.p.worker, { title: '停水通知', body: '12月3日 9:00–17:00 管网检修，请提前储水。', audience: { unitId: 'c-a' } });
    // Act: the job that tells residents
    const run = await publishAnnouncements(w.h.deps);
    // Assess
    expect(run.told).toBeGreaterThanOrEqual(1);
    const items = byKey(await inbox(told), 'announcements.published');
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item.link).toContain(posted.id);
    expect(item.title).toBe('公告：停水通知');
    expect(item.titleEn).toBe('Announcement: 停水通知');
    expect(item.params).toMatchObject({ title: '停水通知' });
    expect(item.bodyEn).toBe(item.params!.excerpt);
    expect(ownWords(item)).toBe('Announcement: \n');
  });

  it('answers an item stored before texts had keys as it was stored, in Chinese, with no English', async () => {
    // Prepare: an item of the old shape (title and body, no key), written as the code before keys wrote it
    const li = w.p.li;
    const id = newId(new Date('2026-11-20T02:00:00.000Z'));
    await w.h.deps.db.put({ ...keys.inboxItem(li.id, id), entity: 'inboxItem', id, template: 'reliefDecision', title: '您的高龄津贴申请已受理', body: '社区已收到您的申请材料，请留意后续通知', createdAt: '2026-11-20T02:00:00.000Z', read: false });
    // Act
    const items = await inbox(li);
    // Assess
    const old = items.find((i) => i.id === id);
    expect(old).toEqual({ id, template: 'reliefDecision', title: '您的高龄津贴申请已受理', body: '社区已收到您的申请材料，请留意后续通知', createdAt: '2026-11-20T02:00:00.000Z', read: false });
  });

  it('answers an item whose params the table no longer takes with its stored Chinese, and no English', async () => {
    // Prepare: a keyed item whose params do not fit its key's schema (written by an older table)
    const zhao = w.p.zhao;
    const id = newId(new Date('2026-11-21T02:00:00.000Z'));
    await w.h.deps.db.put({ ...keys.inboxItem(zhao.id, id), entity: 'inboxItem', id, template: 'reliefDecision', key: 'relief.approved', params: { type: 'dibao' }, title: '申请已批准', body: '您的低保申请已批准', createdAt: '2026-11-21T02:00:00.000Z', read: false });
    // Act
    const res = await w.h.api.as(zhao).get('/me/inbox');
    // Assess: 200, the stored words, no English made up
    expect(res.status).toBe(200);
    const item = (res.body.items as Item[]).find((i) => i.id === id)!;
    expect(item).toMatchObject({ key: 'relief.approved', title: '申请已批准', body: '您的低保申请已批准' });
    expect(item.titleEn).toBeUndefined();
    expect(item.bodyEn).toBeUndefined();
  });
});
