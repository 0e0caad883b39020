import fc from 'fast-check';
import { api } from '../../shared/api';
import type { Endpoint } from '../../shared/http';
import { harness, NEXT_SESSION_A, type Harness, type Person } from '../support/harness';

/**
 * Every endpoint that takes a body gets many generated bad bodies: each answer is a 4xx with a stable code and
 * messages in both languages, never a 500, and the table is unchanged.
 */
let h: Harness;
let people: Record<string, Person>;

beforeAll(async () => {
  h = await harness();
  people = {
    resident: await h.person('王秀兰', [['resident', 'c-a']]),
    worker: await h.person('刘芳', [['communityWorker', 'c-a']]),
    admin: await h.person('管理员', [['admin', 'sd-t']]),
  };
});

const endpoints = Object.values(api).flatMap((group) => Object.values(group as Record<string, Endpoint>));
const withBody = endpoints.filter((e) => (e.body as unknown as { def: { type: string } }).def.type !== 'undefined');

const pathValues: Record<string, string> = { communityId: 'c-a', sessionId: NEXT_SESSION_A, matterId: 'nosuchmatter', unitId: 'c-a', userId: 'nobody' };
const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, n: string) => pathValues[n] ?? 'x');

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string(),
  fc.integer(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 2 }), { maxKeys: 6 }),
  fc.record({ text: fc.oneof(fc.string(), fc.integer()), category: fc.string(), version: fc.oneof(fc.integer(), fc.string()), photos: fc.array(fc.string()) }, { requiredKeys: [] }),
);

/** Endpoints where a generated body may by chance be valid and so write (a subscription answer, a read mark). */
// a logout with any refresh-token-shaped string is well formed: it revokes the caller's own access tokens issued until now
const mayWrite = new Set(['POST /auth/logout', 'POST /me/subscriptions', 'POST /me/inbox/read', 'PUT /communities/{communityId}/reminder']);

describe('fuzzed bodies', () => {
  it('covers every endpoint that takes a body', () => {
    expect(withBody.length).toBeGreaterThanOrEqual(14);
  });

  it.each(withBody.map((e) => [`${e.method} ${e.path}`, e] as const))('%s answers bad bodies with a 4xx and a code, and writes nothing', async (name, e) => {
    const before = await h.snapshot();
    await fc.assert(
      fc.asyncProperty(junk, fc.constantFrom('resident', 'worker', 'admin'), async (body, who) => {
        const res = await h.api.call(e.method, fill(e.path), { token: people[who]!.token, rawBody: body === undefined ? undefined : JSON.stringify(body) });
        expect(res.status).toBeLessThan(500);
        if (!mayWrite.has(name)) expect(res.status).toBeGreaterThanOrEqual(400);
        if (res.status >= 400) {
          expect(typeof res.body.code).toBe('string');
          expect(res.body.message.length).toBeGreaterThan(0);
          expect(res.body.messageEn.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40, seed: 20261126 },
    );
    const broken = await h.api.call(e.method, fill(e.path), { token: people.resident!.token, rawBody: '{"unterminated' });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('BAD_JSON');
    if (!mayWrite.has(name)) expect(await h.snapshot()).toEqual(before);
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const res = await h.api.as(people.resident).get('/no/such/thing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers a missing token with 401 and a guessed id from another community with 404', async () => {
    expect((await h.api.as().get('/me')).status).toBe(401);
    const zhao = await h.person('赵敏', [['resident', 'c-b']]);
    expect((await h.api.as(zhao).get(`/sessions/${NEXT_SESSION_A}`)).status).toBe(404);
    expect((await h.api.as(zhao).get('/communities/c-a/matters')).status).toBe(404);
  });
});
