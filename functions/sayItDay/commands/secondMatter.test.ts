import { harness, NEXT_SESSION_A, type Harness, type Person } from '../../../tests/support/harness';

let h: Harness;
let wang: Person;
let li: Person;
let matterId: string;

beforeAll(async () => {
  h = await harness();
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
  li = await h.person('李建国', [['resident', 'c-a']]);
  const res = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'safety', text: '单元门禁坏了，陌生人随意进出' });
  matterId = res.body.id;
});

describe('seconding a matter', () => {
  it('counts exactly one second when one resident taps fifty times at once', async () => {
    // Act
    const results = await Promise.all(Array.from({ length: 50 }, () => h.api.as(li).post(`/matters/${matterId}/seconds`)));
    // Assess
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) expect(r.body.code).toBe('ALREADY_SECONDED');
    const detail = await h.api.as(li).get(`/matters/${matterId}`);
    expect(detail.body.matter.secondCount).toBe(1);
    expect(detail.body.secondedByMe).toBe(true);
    expect(detail.body.canSecond).toBe(false);
  });

  it('refuses a second from the resident who raised the matter', async () => {
    const res = await h.api.as(wang).post(`/matters/${matterId}/seconds`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('OWN_MATTER');
  });

  it('orders the agenda by seconds, most first', async () => {
    const other = await h.api.as(li).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'other', text: '希望增加社区图书角的开放时间' });
    const agenda = await h.api.as(wang).get(`/sessions/${NEXT_SESSION_A}`);
    const ids = agenda.body.matters.map((m: { id: string }) => m.id);
    expect(ids.indexOf(matterId)).toBeLessThan(ids.indexOf(other.body.id));
  });
});
