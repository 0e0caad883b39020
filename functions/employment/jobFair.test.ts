import { harness, type Harness, type Person } from '../../tests/support/harness';

/**
 * Job fairs (招聘会) are events on the sign-ups engine, posted through its own command with the jobFair category:
 * employment does not fork the engine, so a fair never overbooks and has its waitlist like any event.
 */
let h: Harness;
let organizer: Person;
let residents: Person[];

beforeAll(async () => {
  h = await harness();
  organizer = await h.person('周婷', [['organizer', 'c-a']]);
  residents = [await h.person('张建军', [['resident', 'c-a']]), await h.person('李梅', [['resident', 'c-a']])];
});

const fair = { unitId: 'c-a', title: '春风行动专场招聘会', description: '20家企业、300个岗位', place: '和平社区文化广场', startsAt: '2026-12-12T01:00:00.000Z', endsAt: '2026-12-12T04:00:00.000Z', capacity: 1 };

it('keeps a job fair posted as an event with its category, and takes registrations on the one engine', async () => {
  // Act
  const posted = await h.api.as(organizer).post('/events', { ...fair, category: 'jobFair' });
  const first = await h.api.as(residents[0]).post(`/events/${posted.body.event.id}/registration`, { companions: 0 });
  const second = await h.api.as(residents[1]).post(`/events/${posted.body.event.id}/registration`, { companions: 0 });
  const read = await h.api.as(residents[0]).get(`/events/${posted.body.event.id}`);
  // Assess
  expect(posted.status).toBe(201);
  expect(read.body.event.category).toBe('jobFair');
  expect([first.status, second.status]).toEqual([201, 201]);
  expect([first.body.status, second.body.status]).toEqual(['confirmed', 'waitlisted']);
});

it('posts an event without a category as a cultural one', async () => {
  const posted = await h.api.as(organizer).post('/events', { ...fair, title: '迎新年文艺汇演' });
  expect(posted.body.event.category).toBe('cultural');
});
