import { defaultScheduleRule, sessionId, sessionTimes } from '../../../shared/sayItDay/schedule';
import type { Session } from '../../../shared/sayItDay/schemas';
import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { sessionItem } from '../store';

jest.setTimeout(60_000);

let h: Harness;
let resident: Person;
beforeAll(async () => {
  h = await harness();
  resident = await h.person('周大妈', [['resident', 'c-b']]);
});

describe("a community's sessions between two dates", () => {
  it('answers every session of the range, past the 100 one read used to stop at', async () => {
    // Prepare: a session every other day of 2027 (183) in community B, as a busy rule would make them
    const days = Array.from({ length: 183 }, (_, n) => new Date(Date.UTC(2027, 0, 1) + 2 * n * 86_400_000).toISOString().slice(0, 10));
    const rule = defaultScheduleRule('c-b');
    const sessions: Session[] = days.map((date) => ({
      id: sessionId('c-b', date),
      communityId: 'c-b',
      subdistrictId: 'sd-t',
      communityName: '金绿洲社区',
      date,
      ...sessionTimes(rule, date),
      place: rule.place,
      state: 'scheduled',
      matterCount: 0,
      version: 0,
    }));
    for (let i = 0; i < sessions.length; i += 25) await Promise.all(sessions.slice(i, i + 25).map((s) => h.deps.db.put(sessionItem(s))));
    // Act
    const res = await h.api.as(resident).get('/communities/c-b/sessions?from=2027-01-01&to=2027-12-31');
    // Assess: all of them, newest first
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: Session) => s.date)).toEqual([...days].reverse());
  });

  it('refuses a range longer than 430 days with a 400 and a code', async () => {
    const res = await h.api.as(resident).get('/communities/c-b/sessions?from=2020-01-01&to=2027-12-31');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
  });
});
