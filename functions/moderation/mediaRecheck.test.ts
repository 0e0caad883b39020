import { harness, NEXT_SESSION_A, type Harness, type Person } from '../../tests/support/harness';
import { MEDIA_WAITING } from '../platform/contentSecurity';
import { MEDIA_CHECK_TRIES, RECHECK_AFTER_HOURS, recheckMediaChecks } from './jobs';
import { asksAbout as asksAboutPhoto, deliver as deliverVerdict, uploadPhoto } from '../../tests/support/mediaChecks';

/**
 * A photo whose verdict WeChat never pushed: the stand-in keeps every verdict until a test delivers it, so not
 * delivering is a dropped push. The job asks again after RECHECK_AFTER_HOURS and gives up after MEDIA_CHECK_TRIES asks.
 * Its own file: the tests move the clock by hours.
 */
jest.setTimeout(60_000);

let h: Harness;
let wang: Person; // writes, with photos
let li: Person; // her neighbour
let worker: Person; // 和平社区's community worker

beforeAll(async () => {
  h = await harness();
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
  li = await h.person('李建国', [['resident', 'c-a']]);
  worker = await h.person('刘芳', [['communityWorker', 'c-a']]);
});

const HOUR = 3600_000;

/** A matter with one photo by wang; answers its id and the photo's key. */
async function matterWithPhoto(text: string): Promise<{ id: string; photo: string }> {
  const photo = await uploadPhoto(h, wang, text);
  const res = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text, photos: [photo] });
  expect(res.status).toBe(201);
  return { id: res.body.id, photo };
}

/** The asks WeChat (the stand-in) got about this photo of wang's, oldest first. */
const asksAbout = (photoKey: string) => asksAboutPhoto(wang, photoKey);
const deliver = (event: Record<string, unknown>) => deliverVerdict(h, event);

const photosSeenBy = async (p: Person, id: string) => ((await h.api.as(p).get(`/matters/${id}`)).body.matter.photos as { key: string }[]).map((x) => x.key);

/** Runs the job `hours` after now, and puts the clock back. */
async function jobAfter(hours: number) {
  h.clock.advance(hours * HOUR);
  try {
    return await recheckMediaChecks(h.deps, {});
  } finally {
    h.clock.advance(-hours * HOUR);
  }
}

describe('a photo whose verdict never came', () => {
  it('is asked about again after the wait, not before, and shown once the new verdict says pass', async () => {
    // Prepare: the push of the first verdict is dropped
    const { id, photo } = await matterWithPhoto('楼道堆放杂物，堵住了消防通道');
    expect(await asksAbout(photo)).toHaveLength(1);
    // Act: an hour later nothing is due; after the wait, WeChat is asked once more
    const early = await jobAfter(1);
    const due = await jobAfter(RECHECK_AFTER_HOURS + 1);
    const again = await jobAfter(RECHECK_AFTER_HOURS + 2);
    // Assess
    expect(early.asked).toBe(0);
    expect(due.asked).toBe(1);
    expect(again.asked).toBe(0); // the new ask waits its own hours
    const asks = await asksAbout(photo);
    expect(asks).toHaveLength(2);
    expect(await photosSeenBy(li, id)).toEqual([]);
    // the second verdict arrives: the neighbour sees the photo, and later runs leave the trace alone
    await deliver(asks[1]!.event);
    expect(await photosSeenBy(li, id)).toEqual([photo]);
    const later = await jobAfter(3 * RECHECK_AFTER_HOURS);
    expect(later.asked + later.gaveUp).toBe(0);
    expect(await asksAbout(photo)).toHaveLength(2);
  });

  it(`gives up after ${MEDIA_CHECK_TRIES} asks: the photo stays hidden from neighbours, a worker's queue holds it, its author is told, once`, async () => {
    // Prepare
    const { id, photo } = await matterWithPhoto('小区门口的垃圾桶坏了');
    // Act: every verdict dropped, the job run after each wait
    const runs = [];
    for (let i = 1; i <= MEDIA_CHECK_TRIES + 1; i++) runs.push(await jobAfter(i * (RECHECK_AFTER_HOURS + 1)));
    // Assess: asked again twice (3 asks in all), then given up once
    expect(await asksAbout(photo)).toHaveLength(MEDIA_CHECK_TRIES);
    expect(runs.reduce((n, r) => n + r.gaveUp, 0)).toBe(1);
    expect(runs[MEDIA_CHECK_TRIES - 1]!.gaveUp).toBe(1);
    expect(await photosSeenBy(li, id)).toEqual([]);
    expect(await photosSeenBy(wang, id)).toEqual([photo]);
    const queue = (await h.api.as(worker).get('/moderation/queue?unitId=c-a')).body.items as { ref: string; causes: string[] }[];
    expect(queue.find((q) => q.ref === id)?.causes).toContain('photo');
    const inbox = (await h.api.as(wang).get('/me/inbox')).body.items as { key?: string; title: string }[];
    expect(inbox.filter((n) => n.key === 'moderation.photoUnverified')).toHaveLength(1);
    expect(inbox[0]!.title).toContain('未能完成审核');
    // no trace of it waits any longer: a run days later asks nothing and tells nobody again
    const waiting = await h.deps.db.query({ index: 'gsi1', pk: MEDIA_WAITING });
    expect(waiting.items.filter((t) => t.photoKey === photo)).toEqual([]);
    // a worker's pass shows it
    expect((await h.api.as(worker).post(`/moderation/matter/${id}/restore`, {})).status).toBe(200);
    expect(await photosSeenBy(li, id)).toEqual([photo]);
  });

  it('refuses a payload it does not know, before reading anything', async () => {
    await expect(recheckMediaChecks(h.deps, { pageSize: 0 })).rejects.toMatchObject({ status: 400 });
    await expect(recheckMediaChecks(h.deps, { now: 'yesterday' })).rejects.toMatchObject({ status: 400 });
    await expect(recheckMediaChecks(h.deps, { extra: true })).rejects.toMatchObject({ status: 400 });
  });
});
