import { createSessions } from '../jobs';
import { harness, type Harness, type Person } from '../../../tests/support/harness';

let h: Harness;
let liu: Person;
let wang: Person;

beforeAll(async () => {
  h = await harness();
  liu = await h.person('刘芳', [['communityWorker', 'c-a']]);
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
});

describe('the say-it day schedule', () => {
  it('makes nothing new when the session job runs twice', async () => {
    const before = await h.snapshot();
    const again = await createSessions(h.deps);
    expect(again.created).toBe(0);
    expect(await h.snapshot()).toEqual(before);
  });

  it('lets a community worker change the rule, and the job makes sessions by it', async () => {
    const rule = await h.api.as(liu).get('/communities/c-a/schedule-rule');
    expect(rule.body.daysOfMonth).toEqual([5, 15, 25]);
    const put = await h.api.as(liu).put('/communities/c-a/schedule-rule', {
      daysOfMonth: [10, 20],
      startTime: '14:30',
      durationMinutes: 90,
      place: '和平社区议事厅',
      cutoffHours: 24,
      version: rule.body.version,
    });
    expect(put.status).toBe(200);
    const made = await createSessions(h.deps);
    expect(made.created).toBeGreaterThan(0);
    const sessions = await h.api.as(wang).get('/communities/c-a/sessions?from=2026-12-01&to=2026-12-31');
    const dates = sessions.body.items.map((s: { date: string }) => s.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-12-10', '2026-12-20']));
    const tenth = sessions.body.items.find((s: { date: string }) => s.date === '2026-12-10');
    expect(tenth.startsAt).toBe('2026-12-10T06:30:00.000Z');
    expect(tenth.cutoffAt).toBe('2026-12-09T06:30:00.000Z');
  });

  it('refuses a rule change from a resident', async () => {
    const res = await h.api.as(wang).put('/communities/c-a/schedule-rule', {
      daysOfMonth: [1],
      startTime: '09:00',
      durationMinutes: 60,
      place: '任意',
      cutoffHours: 1,
      version: 1,
    });
    expect(res.status).toBe(403);
  });

  it('refuses a rule saved over a version that changed', async () => {
    const res = await h.api.as(liu).put('/communities/c-a/schedule-rule', {
      daysOfMonth: [3],
      startTime: '09:00',
      durationMinutes: 60,
      place: '和平社区议事厅',
      cutoffHours: 1,
      version: 0,
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE_VERSION');
  });

  it('answers the next session still open for matters', async () => {
    const res = await h.api.as(wang).get('/communities/c-a/sessions/next');
    expect(res.body.session.date).toBe('2026-12-05');
  });
});
