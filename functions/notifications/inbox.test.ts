import { text } from '../../shared/notifications/texts';
import { harness, type Harness, type Person } from '../../tests/support/harness';
import { watchTransactions } from '../../tests/support/transactions';
import { makeCtx } from '../platform/context';
import { notificationWrites } from '../platform/notify';

let h: Harness;

beforeAll(async () => {
  h = await harness();
});

async function inboxOf(p: Person, n: number): Promise<string[]> {
  const ctx = makeCtx(h.deps, 'test');
  for (let i = 0; i < n; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, n - i) }, (_, k) =>
        h.deps.db.transact(notificationWrites(ctx, { userId: p.id, template: 'matterOutcome', text: text('sayItDay.outcome', { matter: `第${i + k}条`, kind: 'solvedOnSpot' }), data: { thing1: '事项' } })),
      ),
    );
  }
  const page = await h.api.as(p).get(`/me/inbox?limit=100`);
  return page.body.items.map((i: { id: string }) => i.id);
}

describe('marking the inbox read', () => {
  it('marks 100 items read at once, in transactions of at most 100 items', async () => {
    // Prepare
    const wang = await h.person('王秀兰', [['resident', 'c-a']]);
    const ids = await inboxOf(wang, 100);
    const tx = watchTransactions(h.deps.db.client);
    // Act
    const res = await h.api.as(wang).post('/me/inbox/read', { ids });
    tx.stop();
    // Assess
    expect(res.status).toBe(200);
    expect(res.body.unread).toBe(0);
    expect(tx.largest()).toBeLessThanOrEqual(100);
    expect(tx.sizes).toEqual([100, 2]);
    expect((await h.api.as(wang).get('/me/inbox?limit=100')).body.items.every((i: { read: boolean }) => i.read)).toBe(true);
  });

  it('marks 99 items read in one transaction of exactly 100 items', async () => {
    // Prepare
    const li = await h.person('李建国', [['resident', 'c-a']]);
    const ids = await inboxOf(li, 100);
    const tx = watchTransactions(h.deps.db.client);
    // Act
    const res = await h.api.as(li).post('/me/inbox/read', { ids: ids.slice(0, 99) });
    tx.stop();
    // Assess
    expect(res.body.unread).toBe(1);
    expect(tx.sizes).toEqual([100]);
  });
});
