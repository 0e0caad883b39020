import { keys } from '../../platform/keys';
import type { Item } from '../../platform/db';
import { ok, signupsWorld } from '../../../tests/support/signups';
import type { Person } from '../../../tests/support/harness';
import { activityItem, eventItem, helpRequestItem, teamItem } from '../store';

jest.setTimeout(120_000);

let w: Awaited<ReturnType<typeof signupsWorld>>;
let resident: Person;
beforeAll(async () => {
  w = await signupsWorld();
  resident = await w.volunteer('翻页居民');
});

const HOUR = 3_600_000;
/** `n` hours after the world's clock (negative: before) */
const at = (hours: number) => new Date(w.h.clock.now().getTime() + hours * HOUR).toISOString();

/** Every page of a list, following its cursor; the ids in the order given and the number of requests. */
async function allPages(who: Person, path: string, limit: number): Promise<{ ids: string[]; pages: number; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const page = ok(await w.h.api.as(who).get(`${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), path);
    ids.push(...page.items.map((i: { id?: string; placeId?: string }) => i.id ?? i.placeId));
    sizes.push(page.items.length);
    cursor = page.cursor;
  } while (cursor);
  return { ids, pages: sizes.length, sizes };
}

const putAll = async (items: Item[]) => {
  for (let i = 0; i < items.length; i += 25) await Promise.all(items.slice(i, i + 25).map((it) => w.h.deps.db.put(it)));
};

describe('long lists come whole, a page at a time', () => {
  it('lists 130 activities of the community and its sub-district over two pages, none lost or repeated, the soonest to end first', async () => {
    // Prepare: one activity made through the API, copied 130 times (70 of the community, 60 of the sub-district) with
    // ends spread over the coming weeks; one that is running (began yesterday, ends tomorrow), one over, one draft
    const { detail } = await w.activity();
    const model = detail.activity;
    const copy = (n: number, unitId: string, start: number, end: number, state = 'published') => ({
      ...model,
      id: `act-long-${n}`,
      unitId,
      unitPath: unitId === 'sd-t' ? ['sd-t'] : ['sd-t', unitId],
      state,
      firstStartsAt: at(start),
      shifts: model.shifts.map((s: object) => ({ ...s, id: `act-long-${n}-1`, startsAt: at(start), endsAt: at(end) })),
    });
    const shown = Array.from({ length: 130 }, (_, n) => copy(n, n % 13 < 7 ? 'c-a' : 'sd-t', 24 + n * 5, 26 + n * 5));
    const running = copy(200, 'c-a', -24, 24);
    const over = copy(201, 'sd-t', -30, -28);
    const draft = copy(202, 'c-a', 30, 32, 'draft');
    await putAll([...shown, running, over, draft].map(activityItem));
    // Act
    const got = await allPages(resident, '/communities/c-a/activities', 100);
    // Assess
    const expected = [running, ...shown].map((a) => a.id);
    const long = got.ids.filter((id) => id.startsWith('act-long-'));
    expect(long).toEqual(expected);
    expect(new Set(got.ids).size).toBe(got.ids.length);
    expect(got.ids).not.toContain(over.id);
    expect(got.ids).not.toContain(draft.id);
    expect(got.pages).toBe(2);
    expect(got.sizes[0]).toBeGreaterThanOrEqual(99); // only the hidden draft may thin a page
  });

  it('lists 130 events of the community and its sub-district over two pages, none lost or repeated, the soonest to end first', async () => {
    // Prepare
    const eventId = await w.event();
    const model = ok(await w.h.api.as(w.organizer).get(`/events/${eventId}`), 'event').event;
    const copy = (n: number, unitId: string, start: number, end: number) => {
      const { posterUrl, ...rest } = model;
      void posterUrl;
      return { ...rest, id: `ev-long-${n}`, unitId, unitPath: unitId === 'sd-t' ? ['sd-t'] : ['sd-t', unitId], startsAt: at(start), endsAt: at(end) };
    };
    const shown = Array.from({ length: 130 }, (_, n) => copy(n, n % 2 ? 'c-a' : 'sd-t', 24 + n * 3, 27 + n * 3));
    const running = copy(200, 'sd-t', -2, 2);
    const over = copy(201, 'c-a', -5, -3);
    await putAll([...shown, running, over].map((e) => eventItem(e, e.startsAt.slice(0, 10))));
    // Act
    const got = await allPages(resident, '/communities/c-a/events', 100);
    // Assess
    const long = got.ids.filter((id) => id.startsWith('ev-long-'));
    expect(long).toEqual([running, ...shown].map((e) => e.id));
    expect(new Set(got.ids).size).toBe(got.ids.length);
    expect(got.ids).not.toContain(over.id);
    expect(got.pages).toBe(2);
  });

  it("lists a volunteer's 130 sign-ups not yet over over two pages, none lost or repeated, the soonest to end first", async () => {
    // Prepare: one sign-up through the API, copied onto 130 other places; one of them over already
    const { shiftIds } = await w.activity({ slots: 3 });
    const person = await w.volunteer('报名很多的人');
    ok(await w.h.api.as(person).post(`/shifts/${shiftIds[0]}/signup`), 'signup');
    const raw = (await w.h.deps.db.get<Item>(keys.reservation(shiftIds[0]!, person.id)))!;
    const copy = (n: number, start: number, end: number): Item => {
      const placeId = `long-place-${String(n).padStart(3, '0')}`;
      return { ...raw, ...keys.reservation(placeId, person.id), ...keys.reservationByHolder(person.id, at(end), placeId), placeId, startsAt: at(start), endsAt: at(end) };
    };
    const coming = Array.from({ length: 130 }, (_, n) => copy(n, 30 + n, 32 + n));
    await putAll([...coming, copy(900, -10, -8)]);
    // Act
    const got = await allPages(person, '/me/signups', 100);
    // Assess: the real sign-up (on the 10th) ends after the copies (within a week)
    expect(got.ids).toEqual([...coming.map((r) => r.placeId), shiftIds[0]]);
    expect(got.pages).toBe(2);
  });

  it("lists a unit's 130 volunteer teams over two pages, none lost or repeated", async () => {
    // Prepare: one team formed through the API, copied 130 times onto the sub-district
    const leader = await w.volunteer('队长很多');
    const made = ok(await w.h.api.as(w.organizer).post('/volunteer-teams', { unitId: 'c-a', name: '和平巡防队', kind: 'patrol', leaderIds: [leader.id] }), 'team').team;
    const copies = Array.from({ length: 130 }, (_, n) => ({ ...made, id: `team-long-${String(n).padStart(3, '0')}`, unitId: 'sd-t', unitPath: ['sd-t'] }));
    await putAll(copies.map((t) => teamItem(t)));
    // Act
    const got = await allPages(resident, '/units/sd-t/volunteer-teams', 100);
    // Assess
    expect(got.ids).toEqual(copies.map((t) => t.id));
    expect(got.pages).toBe(2);
  });

  it("lists a community's 130 help requests of the week over two pages, none lost or repeated, soonest first", async () => {
    // Prepare: one request through the API, copied 130 times an hour apart from tomorrow on; one cancelled
    const elder = await w.h.person('求助很多的老人', [['resident', 'c-b']]);
    const made = ok(
      await w.h.api.as(elder).post('/time-bank/requests', { communityId: 'c-b', birthDate: '1944-05-01', service: 'companionship', description: '陪同去社区医院复查', at: at(24), minutes: 30 }),
      'request',
    );
    const copies = Array.from({ length: 130 }, (_, n) => ({ ...made, id: `help-long-${String(n).padStart(3, '0')}`, at: at(30 + n) }));
    const cancelled = { ...made, id: 'help-long-cancelled', at: at(31), state: 'cancelled' };
    await putAll([...copies, cancelled].map((r) => helpRequestItem(r)));
    const neighbour = await w.volunteer('同社区邻居', { community: 'c-b' });
    // Act
    const got = await allPages(neighbour, '/communities/c-b/time-bank/requests', 100);
    // Assess
    expect(got.ids).toEqual([made.id, ...copies.map((r) => r.id)]);
    expect(got.pages).toBe(2);
  });
});
