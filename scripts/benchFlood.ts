/**
 * Bench of the rate limits (issue 11 item 5): a script floods POST /uploads (a presigned 5 MB photo upload each) at
 * 1,000 requests a minute, first as one user, then spread over 100 users. The requests are sent on a steady schedule
 * (one every 60 ms, not waiting for the answers), in-process through the real wrapper and DynamoDB Local. What must
 * hold: one user gets exactly the hourly upload limit through and 429 RATE_LIMITED with Retry-After for the rest;
 * 100 users (10 each, under their limits) all pass; no answer of 500 or above. Measured: how many pass, how many 429,
 * p50/p99 of the wrapper's added time (x-limit-ms: the counters' conditional UpdateItems, and the give-backs of a
 * refused request) and of the whole handler.
 *
 * Its users are tokens signed here (the limit counts per user id; no profile is read), so it runs with or without the
 * seed. `--flood-seconds 10` squeezes the 1,000 requests into 10 seconds (the default is 60).
 */
import { handleAny } from '../functions/app';
import { rateLimits } from '../functions/platform/rateLimits';
import { signAccessToken } from '../functions/platform/tokens';
import type { BenchTools } from './benchRelief';

const REQUESTS = 1000;

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

interface Answer {
  status: number;
  limitMs: number;
  handlerMs: number;
  retryAfter?: string;
}

export async function floodBench<Row>(t: BenchTools<Row>, opts: { seconds?: number } = {}): Promise<{ ok: boolean }> {
  const { deps, print } = t;
  const seconds = opts.seconds ?? 60;
  const spacingMs = (seconds * 1000) / REQUESTS;
  const hourly = rateLimits.upload.find((r) => r.windowSeconds === 3600)!.max;
  const token = (userId: string) => signAccessToken({ userId, displayName: userId, grants: [] }, deps.config.tokenSecret, new Date(), 3600);
  const run = `${Date.now().toString(36)}`;

  async function send(tok: string, n: number): Promise<Answer> {
    const res = await handleAny(
      {
        rawPath: '/uploads',
        headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
        body: JSON.stringify({ purpose: 'matterPhoto', contentType: 'image/jpeg', size: 5 * 1024 * 1024 }),
        requestContext: { requestId: `flood-${run}-${n}`, http: { method: 'POST' } },
      },
      deps,
    );
    return { status: res.statusCode, limitMs: Number(res.headers['x-limit-ms'] ?? NaN), handlerMs: Number(res.headers['x-handler-ms'] ?? NaN), retryAfter: res.headers['retry-after'] };
  }

  /** Sends REQUESTS on a steady schedule; `who(n)` is the token of the n-th request. */
  async function flood(who: (n: number) => string): Promise<{ answers: Answer[]; ms: number }> {
    const t0 = performance.now();
    const pending: Promise<Answer>[] = [];
    for (let n = 0; n < REQUESTS; n++) {
      const due = t0 + n * spacingMs;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      pending.push(send(who(n), n));
    }
    const answers = await Promise.all(pending);
    return { answers, ms: performance.now() - t0 };
  }

  function report(name: string, answers: Answer[], ms: number): { passed: number; limited: number; fives: number } {
    const passed = answers.filter((a) => a.status === 201);
    const limited = answers.filter((a) => a.status === 429);
    const fives = answers.filter((a) => a.status >= 500).length;
    const others = answers.length - passed.length - limited.length;
    const sorted = (xs: number[]) => xs.filter(Number.isFinite).sort((a, b) => a - b);
    const limitOk = sorted(passed.map((a) => a.limitMs));
    const limit429 = sorted(limited.map((a) => a.limitMs));
    const handler = sorted(answers.map((a) => a.handlerMs));
    print(
      `| ${name} | ${(ms / 1000).toFixed(1)} s | ${passed.length} | ${limited.length} | ${others} | ${f2(pct(limitOk, 0.5))} / ${f2(pct(limitOk, 0.99))} | ${f2(pct(limit429, 0.5))} / ${f2(pct(limit429, 0.99))} | ${f2(pct(handler, 0.5))} / ${f2(pct(handler, 0.99))} |`,
    );
    return { passed: passed.length, limited: limited.length, fives };
  }

  print(`\n## Flood: ${REQUESTS} POST /uploads in ${seconds} s (one every ${spacingMs.toFixed(0)} ms), in-process with DynamoDB Local\n`);
  print(`Upload limit: ${rateLimits.upload.map((r) => `${r.max} per ${r.windowSeconds === 3600 ? 'hour' : 'day'}`).join(', ')} a user. x-limit-ms is the wrapper's added time (the counters' conditional UpdateItems; a refused request also gives back what its other windows took).\n`);
  print('| who | took | 201 | 429 | other | x-limit-ms p50 / p99 (passed) | x-limit-ms p50 / p99 (429) | handler ms p50 / p99 |');
  print('| --- | --- | --- | --- | --- | --- | --- | --- |');

  // unmeasured: DynamoDB Local's JVM and the uploads handler warm up on 200 requests of 20 other users, 10 at a time
  const warm = Array.from({ length: 20 }, (_, i) => token(`u-flood-${run}-warm-${i}`));
  for (let n = 0; n < 200; n += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => send(warm[(n + k) % warm.length]!, -1 - n - k)));

  const one = token(`u-flood-${run}-one`);
  const single = await flood(() => one);
  const a = report('one user', single.answers, single.ms);
  const retryAfter = single.answers.find((x) => x.status === 429)?.retryAfter;

  const many = Array.from({ length: 100 }, (_, i) => token(`u-flood-${run}-${i}`));
  const spread = await flood((n) => many[n % many.length]!);
  const b = report('100 users (10 each)', spread.answers, spread.ms);

  const ok = a.passed === hourly && a.limited === REQUESTS - hourly && a.fives === 0 && b.passed === REQUESTS && b.fives === 0;
  print(
    `\nOne user: ${a.passed} through (the hourly limit is ${hourly}), ${a.limited} refused with 429 (Retry-After ${retryAfter ?? '–'} s); 100 users: ${b.passed} of ${REQUESTS} through; responses ≥ 500: ${a.fives + b.fives}. ${ok ? 'OK' : 'FAILED'}`,
  );
  return { ok };
}
