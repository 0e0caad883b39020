import { RISKY_PHOTO_MARK } from '../../scripts/wechatStandIn';
import { harness, type Harness, type Person } from '../../tests/support/harness';
import { wechatClient } from '../platform/wechat';
import { MEDIA_WAITING } from '../platform/contentSecurity';
import { MEDIA_CHECK_TRIES, RECHECK_AFTER_HOURS, recheckMediaChecks } from './jobs';
import { asksAbout as asksAboutPhoto, deliver as deliverVerdict, uploadPhoto } from '../../tests/support/mediaChecks';

/**
 * Staff photos residents see (an announcement's attachments) go through WeChat's media check as residents' photos do:
 * the text is published at once, the photo reaches residents only after the push says pass; a risky one never, and
 * its author is told; one whose verdict never comes is asked about again and then given up, its author told. The
 * stand-in keeps each verdict until a test delivers it (not delivering is a dropped push). Its own file: the clock
 * moves by hours.
 */
jest.setTimeout(60_000);

let h: Harness;
let worker: Person; // 和平社区's community worker, who posts
let resident: Person; // lives in 和平社区
let organizer: Person; // 和平社区's event organizer

beforeAll(async () => {
  h = await harness();
  worker = await h.person('张社工', [['communityWorker', 'c-a']]);
  resident = await h.person('王秀兰', [['resident', 'c-a']]);
  organizer = await h.person('周组织', [['organizer', 'c-a']]);
});

const HOUR = 3600_000;

/** The worker posts an announcement to 和平社区 with one photo; answers the announcement as the worker got it. */
async function announcementWithPhoto(title: string, bytes: string) {
  const photo = await uploadPhoto(h, worker, bytes);
  const res = await h.api.as(worker).post('/announcements', { title, body: '请各位居民留意，详见图片。', audience: { unitId: 'c-a' }, photos: [photo] });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, photo, posted: res.body };
}

/** The asks WeChat (the stand-in) got about this photo, oldest first. */
const asksAbout = (photoKey: string, by: Person = worker) => asksAboutPhoto(by, photoKey);
const deliver = (event: Record<string, unknown>) => deliverVerdict(h, event);

/** What this person gets of the announcement: its title and the photos' keys, on its page and in their list. */
async function seenBy(p: Person, id: string) {
  const one = await h.api.as(p).get(`/announcements/${id}`);
  expect(one.status).toBe(200);
  return { title: one.body.title as string, photos: (one.body.photos as { key: string }[]).map((x) => x.key), checks: one.body.photoChecks as { key: string; check: string }[] | undefined };
}

async function listedPhotos(p: Person, id: string): Promise<string[] | undefined> {
  const mine = await h.api.as(p).get('/me/announcements');
  expect(mine.status).toBe(200);
  const a = (mine.body.items as { id: string; photos: { key: string }[] }[]).find((x) => x.id === id);
  return a?.photos.map((x) => x.key);
}

async function inboxOf(p: Person) {
  return (await h.api.as(p).get('/me/inbox')).body.items as { key?: string; title: string; params?: Record<string, unknown> }[];
}

/** Runs the job `hours` after now, and puts the clock back. */
async function jobAfter(hours: number) {
  h.clock.advance(hours * HOUR);
  try {
    return await recheckMediaChecks(h.deps, {});
  } finally {
    h.clock.advance(-hours * HOUR);
  }
}

describe("an announcement's photo", () => {
  it('is held from residents until the verdict passes it; the text is published at once; staff see it with its state', async () => {
    // Prepare
    const { id, photo, posted } = await announcementWithPhoto('小区消防通道清理通知', 'a plain notice photo');
    // Assess: WeChat was asked once; the poster sees the photo marked pending
    const asks = await asksAbout(photo);
    expect(asks).toHaveLength(1);
    expect(posted.photos.map((x: { key: string }) => x.key)).toEqual([photo]);
    expect(posted.photoChecks).toEqual([{ key: photo, check: 'pending' }]);
    // before the push: the resident reads the text, not the photo, on its page and in the list
    const before = await seenBy(resident, id);
    expect(before.title).toBe('小区消防通道清理通知');
    expect(before.photos).toEqual([]);
    expect(before.checks).toBeUndefined();
    expect(await listedPhotos(resident, id)).toEqual([]);
    // Act: the verdict (pass) arrives
    await deliver(asks[0]!.event);
    // Assess
    expect((await seenBy(resident, id)).photos).toEqual([photo]);
    expect(await listedPhotos(resident, id)).toEqual([photo]);
    expect((await seenBy(worker, id)).checks).toEqual([{ key: photo, check: 'pass' }]);
    // pinning it afterwards (an edit from a read copy) does not put the verdict back to pending
    const pinned = await h.api.as(worker).patch(`/announcements/${id}`, { version: posted.version, pinned: true });
    expect(pinned.status).toBe(200);
    expect((await seenBy(resident, id)).photos).toEqual([photo]);
  });

  it('is never shown after a risky verdict, and its author is told once (WeChat retries the push)', async () => {
    // Prepare
    const { id, photo } = await announcementWithPhoto('社区活动照片', `${RISKY_PHOTO_MARK} in the bytes`);
    const [ask] = await asksAbout(photo);
    // Act: the risky verdict, pushed twice
    await deliver(ask!.event);
    await deliver(ask!.event);
    // Assess
    const seen = await seenBy(resident, id);
    expect(seen.title).toBe('社区活动照片');
    expect(seen.photos).toEqual([]);
    expect(await listedPhotos(resident, id)).toEqual([]);
    expect((await seenBy(worker, id)).checks).toEqual([{ key: photo, check: 'risky' }]);
    const told = (await inboxOf(worker)).filter((n) => n.key === 'moderation.staffPhotoHeld' && n.params?.outcome === 'risky');
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toContain('社区活动照片');
    expect((await inboxOf(resident)).filter((n) => n.key === 'moderation.staffPhotoHeld')).toEqual([]);
  });

  it(`whose verdict never came is asked about again, then given up after ${MEDIA_CHECK_TRIES} asks: still held, its author told once`, async () => {
    // Prepare: every verdict dropped
    const { id, photo } = await announcementWithPhoto('冬季取暖安全提示', 'a heating safety photo');
    // Act
    const runs = [];
    for (let i = 1; i <= MEDIA_CHECK_TRIES + 1; i++) runs.push(await jobAfter(i * (RECHECK_AFTER_HOURS + 1)));
    // Assess
    expect(await asksAbout(photo)).toHaveLength(MEDIA_CHECK_TRIES);
    expect(runs.reduce((n, r) => n + r.gaveUp, 0)).toBe(1);
    expect(runs[MEDIA_CHECK_TRIES - 1]!.gaveUp).toBe(1);
    expect((await seenBy(resident, id)).photos).toEqual([]);
    expect((await seenBy(worker, id)).checks).toEqual([{ key: photo, check: 'pending' }]);
    const told = (await inboxOf(worker)).filter((n) => n.key === 'moderation.staffPhotoHeld' && n.params?.outcome === 'unverified');
    expect(told).toHaveLength(1);
    const waiting = await h.deps.db.query({ index: 'gsi1', pk: MEDIA_WAITING });
    expect(waiting.items.filter((t) => t.photoKey === photo)).toEqual([]);
    // a late verdict still counts: the last ask's pass shows it
    const asks = await asksAbout(photo);
    await deliver(asks[asks.length - 1]!.event);
    expect((await seenBy(resident, id)).photos).toEqual([photo]);
  });

  it('posted while WeChat cannot be reached is held, and asked about by the job once WeChat is back', async () => {
    // Prepare: WeChat down (nothing listens there) at the post
    const photo = await uploadPhoto(h, worker, 'a photo posted during the outage');
    const real = h.deps.wechat;
    h.deps.wechat = wechatClient({ ...h.deps.config.wechat, apiBase: 'http://127.0.0.1:9', timeoutMs: 300 });
    let res;
    try {
      res = await h.api.as(worker).post('/announcements', { title: '燃气检修通知', body: '明日上午燃气管道检修。', audience: { unitId: 'c-a' }, photos: [photo] });
    } finally {
      h.deps.wechat = real;
    }
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    expect(await asksAbout(photo)).toHaveLength(0);
    expect((await seenBy(resident, id)).photos).toEqual([]);
    // Act: the job, after the wait
    const run = await jobAfter(RECHECK_AFTER_HOURS + 1);
    // Assess: asked now; its pass shows the photo
    expect(run.asked).toBeGreaterThanOrEqual(1);
    const asks = await asksAbout(photo);
    expect(asks).toHaveLength(1);
    await deliver(asks[0]!.event);
    expect((await seenBy(resident, id)).photos).toEqual([photo]);
  });
});

/** The organizer posts an event of 和平社区 with a poster; answers its id and the poster's key. */
async function eventWithPoster(title: string, bytes: string) {
  const posterKey = await uploadPhoto(h, organizer, bytes);
  const res = await h.api.as(organizer).post('/events', {
    unitId: 'c-a',
    title,
    description: '居民合唱、戏曲、舞蹈',
    place: '和平社区文化广场',
    startsAt: '2026-12-20T06:00:00.000Z',
    endsAt: '2026-12-20T08:00:00.000Z',
    capacity: 20,
    maxCompanions: 1,
    cancelCutoffHours: 2,
    posterKey,
  });
  expect(res.status).toBe(201);
  return { id: res.body.event.id as string, posterKey, posted: res.body.event };
}

/** The poster this person gets of the event, on its page and in the community's list. */
async function posterSeenBy(p: Person, id: string) {
  const one = await h.api.as(p).get(`/events/${id}`);
  expect(one.status).toBe(200);
  const list = await h.api.as(p).get('/communities/c-a/events');
  expect(list.status).toBe(200);
  const listed = (list.body.items as { id: string; posterKey?: string; posterUrl?: string }[]).find((e) => e.id === id);
  expect(listed).toBeDefined();
  return { detail: one.body.event.posterKey as string | undefined, url: one.body.event.posterUrl as string | undefined, listed: listed!.posterKey, listedUrl: listed!.posterUrl };
}

describe("an event's poster", () => {
  it('is held from residents until the verdict passes it; the event is open at once; its organizer sees it', async () => {
    // Prepare
    const { id, posterKey, posted } = await eventWithPoster('迎新年社区文艺汇演', 'a concert poster');
    expect(posted.posterKey).toBe(posterKey);
    const asks = await asksAbout(posterKey, organizer);
    expect(asks).toHaveLength(1);
    // Assess: before the push the resident sees the event, not the poster
    expect(await posterSeenBy(resident, id)).toEqual({ detail: undefined, url: undefined, listed: undefined, listedUrl: undefined });
    expect((await posterSeenBy(organizer, id)).detail).toBe(posterKey);
    // Act
    await deliver(asks[0]!.event);
    // Assess
    const after = await posterSeenBy(resident, id);
    expect([after.detail, after.listed]).toEqual([posterKey, posterKey]);
    expect(after.url).toBeDefined();
  });

  it('is never shown after a risky verdict, and its organizer is told once', async () => {
    const { id, posterKey } = await eventWithPoster('社区书法展', `${RISKY_PHOTO_MARK} poster`);
    const [ask] = await asksAbout(posterKey, organizer);
    await deliver(ask!.event);
    await deliver(ask!.event);
    expect(await posterSeenBy(resident, id)).toEqual({ detail: undefined, url: undefined, listed: undefined, listedUrl: undefined });
    const told = (await inboxOf(organizer)).filter((n) => n.key === 'moderation.staffPhotoHeld');
    expect(told).toHaveLength(1);
    expect(told[0]!.params?.outcome).toBe('risky');
  });

  it('whose verdict never came is given up by the job: still held, its organizer told', async () => {
    const { id, posterKey } = await eventWithPoster('社区健步走', 'a walking poster');
    const runs = [];
    for (let i = 1; i <= MEDIA_CHECK_TRIES; i++) runs.push(await jobAfter(i * (RECHECK_AFTER_HOURS + 1)));
    expect(await asksAbout(posterKey, organizer)).toHaveLength(MEDIA_CHECK_TRIES);
    expect(runs.reduce((n, r) => n + r.gaveUp, 0)).toBe(1);
    expect((await posterSeenBy(resident, id)).detail).toBeUndefined();
    const told = (await inboxOf(organizer)).filter((n) => n.key === 'moderation.staffPhotoHeld' && n.params?.outcome === 'unverified');
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toContain('社区健步走');
  });
});
