import { fiveListsWorld } from '../../tests/support/fiveLists';
import { drainWork, escalateOverdue } from './jobs';

jest.setTimeout(60_000);

describe('escalating overdue matters', () => {
  it('tells the next level up once per matter and step, however often it runs', async () => {
    // Prepare: one matter waits for dispatch, one waits for the unit to resolve
    const w = await fiveListsWorld();
    const waiting = await w.collected('小区围墙出现裂缝');
    const claimed = await w.collected('消防栓漏水', 'safety');
    await w.claimed(claimed);
    w.h.clock.advance(4 * 86_400_000);
    // Act
    const first = await escalateOverdue(w.h.deps);
    const again = await escalateOverdue(w.h.deps);
    await drainWork(w.h.deps); // the work item each escalation wrote tells them
    // Assess
    expect(first.escalated).toBe(2);
    expect(again.escalated).toBe(0);
    const adminInbox = await w.h.api.as(w.p.admin).get('/me/inbox');
    expect(adminInbox.body.items.map((i: { title: string }) => i.title)).toEqual(['五单事项逾期：已收单']);
    const officerInbox = await w.h.api.as(w.p.officer).get('/me/inbox');
    expect(officerInbox.body.items.map((i: { title: string }) => i.title)).toContain('五单事项逾期：已领单');
    const d = await w.detail(waiting);
    expect(d.timeline.at(-1)).toMatchObject({ action: 'escalate', to: 'collected' });
  });

  it('closes a matter whose rating window has passed, leaving it unrated', async () => {
    const w = await fiveListsWorld();
    const id = await w.collected('楼道扶手松动');
    await w.resolved(id);
    w.h.clock.advance(8 * 86_400_000);
    const res = await escalateOverdue(w.h.deps);
    expect(res.closed).toBe(1);
    const d = await w.detail(id);
    expect(d.matter).toMatchObject({ state: 'closed', ratingCount: 0 });
    const score = await w.h.api.as(w.p.water).get('/units/p-water/score');
    expect(score.body).toMatchObject({ rated: 0, unrated: 1, satisfiedMatters: 0 });
  });
});
