/**
 * The bench's outbox section (npm run bench; alone: npm run bench -- --only-outbox): how many subscribe messages a
 * minute the sender gets out with 100 failing messages in the way, against the WeChat stand-in. Measured, never asserted.
 *   1. 100 messages whose sends fail (the stand-in refuses their people), then 500 good ones behind them, all due: one
 *      run tries all 600 (the failing ones back off) and sends the 500;
 *   2. 500 more good ones while the 100 back off: they are not due, so the run reads past nothing.
 */
import { text } from '../shared/notifications/texts';
import { randomBytes } from 'node:crypto';
import { fixedClock } from '../functions/platform/clock';
import { makeCtx, type Deps } from '../functions/platform/context';
import { keys } from '../functions/platform/keys';
import { notificationWrites } from '../functions/platform/notify';
import { drainOutbox, SEND_CONCURRENCY } from '../functions/notifications/sender';

export async function outboxBench(real: Deps, print: (line?: string) => void): Promise<void> {
  print('\n## Outbox: sends per minute with 100 failing messages in the way\n');
  // a fixed clock: the second run is a second after the first, when the failed ones back off (30 s), however long the
  // runs take here; the 100 failures would each log a warning
  const clock = fixedClock(new Date());
  const deps: Deps = { ...real, clock, log: { ...real.log, warn: () => {}, info: () => {} } };
  const ctx = makeCtx(deps, 'bench-outbox');
  const standIn = deps.config.wechat.apiBase;
  const people = async (n: number, prefix: string) => {
    const ids = Array.from({ length: n }, (_, i) => `u-${prefix}-${i}-${randomBytes(3).toString('hex')}`);
    for (const id of ids) {
      await deps.db.put({ ...keys.user(id), entity: 'user', id, openid: `o-${id}`, displayName: id, createdAt: new Date().toISOString() });
      await deps.db.put({ ...keys.subscribeGrant(id, 'matterOutcome'), template: 'matterOutcome', count: 1000 });
    }
    return ids;
  };
  const messages = async (userIds: string[], each: number) => {
    const all = userIds.flatMap((u) => Array.from({ length: each }, () => u));
    for (let i = 0; i < all.length; i += 20) {
      await Promise.all(all.slice(i, i + 20).map((userId) => deps.db.transact(notificationWrites(ctx, { userId, template: 'matterOutcome', text: text('sayItDay.outcome', { matter: '事项', kind: 'solvedOnSpot' }), data: { thing1: '事项' } }))));
    }
  };
  const failing = await people(20, 'failing');
  for (const id of failing) {
    await fetch(`${standIn}/__standin/fail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ touser: `o-${id}` }) });
  }
  await messages(failing, 5); // 100 failing, oldest
  const good = await people(100, 'good');
  await messages(good, 5); // 500 good behind them
  const rows: string[] = [];
  const run = async (name: string) => {
    const t0 = performance.now();
    const r = await drainOutbox(deps);
    const ms = performance.now() - t0;
    rows.push(`| ${name} | ${r.sent} | ${r.failed} | ${Math.round(ms)} | ${Math.round((r.sent / ms) * 60_000)} |`);
  };
  await run('500 good behind 100 failing, all due');
  clock.advance(1000);
  await messages(good, 5);
  await run('500 more, the 100 failing backing off');
  print(`${SEND_CONCURRENCY} sends in flight; one drain run each (its budget is 40 s of the function's 55 s).\n`);
  print('| run | sent | failed | ms | sends/min |');
  print('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) print(r);
  for (const id of failing) {
    await fetch(`${standIn}/__standin/fail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ touser: `o-${id}`, fail: false }) });
  }
}
