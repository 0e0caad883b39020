import { createServer, type Server } from 'node:http';
import { declaredFunctions, startConcurrencyGate, type ConcurrencyGate } from '../../scripts/concurrencyGate';

/**
 * The gate in front of serverless-offline, against a stand-in for it: a server that answers slowly and counts what is
 * in flight, and answers a Lambda timeout the way serverless-offline does (200 with an errorMessage).
 */
let upstream: Server;
let upstreamUrl: string;
let inFlight = 0;
let maxInFlight = 0;
const gates: ConcurrencyGate[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      if (req.url === '/slow-import') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errorMessage: '[504] - Lambda timeout.', errorType: 'Error', offlineInfo: 'x' }));
        return;
      }
      res.writeHead(201, { 'content-type': 'application/json', 'x-db-calls': '2' });
      res.end(JSON.stringify({ status: 'confirmed', path: req.url }));
    }, 30);
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
});

beforeEach(() => {
  inFlight = 0;
  maxInFlight = 0;
});

afterAll(async () => {
  for (const g of gates) await g.close();
  await new Promise<void>((r) => upstream.close(() => r()));
});

async function gate(limit: number, maxWaitMs?: number) {
  const g = await startConcurrencyGate({
    target: upstreamUrl,
    port: 0,
    functions: [{ name: 'signups', limit, routes: ['POST /shifts/{shiftId}/signup'] }, { name: 'relief', limit: 1, routes: ['POST /slow-import'] }],
    maxWaitMs,
  });
  gates.push(g);
  return g;
}

describe('the concurrency gate in front of serverless-offline', () => {
  it('answers every one of 200 sign-ups at once while only the reserved number run at a time', async () => {
    // Prepare
    const g = await gate(4);
    // Act
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => fetch(`${g.url}/shifts/s-${i % 3}/signup`, { method: 'POST', body: '{}' })));
    // Assess
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(201));
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(g.stats.byFunction.signups).toMatchObject({ maxInFlight: 4, served: 200 });
    expect(g.stats.byFunction.signups!.maxQueued).toBeGreaterThan(100);
    expect(answers[0]!.headers.get('x-db-calls')).toBe('2');
  });

  it("answers serverless-offline's 200 with '[504] - Lambda timeout.' as a 504 with a code, as API Gateway would", async () => {
    // Prepare
    const g = await gate(4);
    // Act
    const res = await fetch(`${g.url}/slow-import`, { method: 'POST' });
    // Assess
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ code: 'FUNCTION_TIMEOUT', message: expect.any(String), messageEn: expect.any(String) });
    expect(g.stats.timeoutsMapped).toBe(1);
  });

  it('tells a request that waited past the wait limit to try again (503, Retry-After), never leaving it hanging', async () => {
    // Prepare: one at a time, and no request may wait more than 40 ms: 30 at once cannot all be served
    const g = await gate(1, 40);
    // Act
    const answers = await Promise.all(Array.from({ length: 30 }, () => fetch(`${g.url}/shifts/s-1/signup`, { method: 'POST' })));
    // Assess
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThan(0);
    expect(busy[0]!.headers.get('retry-after')).toBe('1');
    expect(await busy[0]!.json()).toMatchObject({ code: 'BUSY_TRY_AGAIN' });
    expect(maxInFlight).toBe(1);
  });

  it("takes each function's routes and reserved concurrency from the capability declarations, within the machine's cap", () => {
    // Act
    const fns = declaredFunctions(6);
    // Assess
    const signups = fns.find((f) => f.name === 'signups')!;
    expect(signups.routes).toContain('POST /shifts/{shiftId}/signup');
    expect(signups.limit).toBeGreaterThanOrEqual(1);
    expect(signups.limit).toBeLessThanOrEqual(6);
    expect(fns.find((f) => f.name === 'platform')!.routes).toContain('GET /openapi.json');
  });
});
