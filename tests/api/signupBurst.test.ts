import { DEFAULT_TABLE } from '../../scripts/localStack';
import { startOffline, type Offline } from '../../scripts/offline';
import { harness, type Harness, type Person } from '../support/harness';
import { helpers, ok } from '../support/signups';

/**
 * A burst as the app makes it: many volunteers tap 报名 at once, through the HTTP API (serverless-offline behind the
 * concurrency gate, as `npm start` runs it). The bench does the same with 500 for 50 places.
 */
let h: Harness;
let offline: Offline;
let organizer: Person;
let people: Person[];

jest.setTimeout(180_000);

beforeAll(async () => {
  h = await harness({ tableName: DEFAULT_TABLE });
  organizer = await h.person('周组织', [['organizer', 'c-a']]);
  // registered 10 at a time: a hundred at once in-process would only measure this machine
  const { volunteer } = helpers(h, organizer);
  people = [];
  for (let i = 0; i < 100; i += 10) people.push(...(await Promise.all(Array.from({ length: 10 }, (_, k) => volunteer(`冲量${i + k + 1}`)))));
  offline = await startOffline({ env: process.env });
});

afterAll(async () => {
  await offline?.stop();
});

describe('a burst of sign-ups through the HTTP API', () => {
  it('tells each of 100 volunteers tapping at once for 10 places their outcome, with no server error and no overbooking', async () => {
    // Prepare: a shift of 10 places a week from now (the functions run on the real clock)
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const created = ok(
      await h.api.as(organizer).post('/activities', {
        unitId: 'c-a',
        title: '周末义诊引导',
        cancelCutoffHours: 24,
        shifts: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(), place: '和平社区', slots: 10 }],
      }),
      'create',
    );
    ok(await h.api.as(organizer).post(`/activities/${created.activity.id}/publish`), 'publish');
    const shiftId = created.activity.shifts[0].id as string;
    await offline.warm('signups', '/me/signups', { authorization: `Bearer ${people[0]!.token}` });
    // Act
    const answers = await Promise.all(
      people.map(async (p) => {
        const res = await fetch(`${offline.base}/shifts/${shiftId}/signup`, { method: 'POST', headers: { authorization: `Bearer ${p.token}` } });
        return { status: res.status, body: (await res.json()) as { status?: string; code?: string; position?: number } };
      }),
    );
    // Assess
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    const outcome = (a: (typeof answers)[number]) => (a.status === 201 ? a.body.status : a.status === 409 ? a.body.code : `${a.status} ${a.body.code}`);
    const counts = answers.reduce<Record<string, number>>((m, a) => ({ ...m, [outcome(a)!]: (m[outcome(a)!] ?? 0) + 1 }), {});
    expect(counts).toEqual({ confirmed: 10, waitlisted: 10, PLACE_FULL: 80 });
    const roster = ok(await h.api.as(organizer).get(`/shifts/${shiftId}/roster`), 'roster');
    expect(roster.availability).toEqual({ capacity: 10, taken: 10, free: 0, waiting: 10 });
    const positions = roster.items.filter((i: { status: string }) => i.status === 'waitlisted').map((i: { position: number }) => i.position);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(offline.gate.stats.byFunction.signups!.maxInFlight).toBeLessThanOrEqual(offline.gate.stats.byFunction.signups!.limit);
  });
});
