import fc from 'fast-check';
import { harness, type Harness, type Person } from '../../../tests/support/harness';

/**
 * The workbench's endpoints take no body but a query and path ids: generated junk in them is answered with a 4xx and a
 * code in both languages (or, where it happens to be valid, 200), never a 500, and nothing is written.
 */
let h: Harness;
let people: Person[];

beforeAll(async () => {
  h = await harness();
  people = [await h.person('刘芳', [['communityWorker', 'c-a']]), await h.person('周婷', [['organizer', 'c-a']]), await h.person('王秀兰', [['resident', 'c-a']])];
});

const junk = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('communityWorker', 'organizer', 'c-a', 'sd-t', '2026-13-45', '', '../x', '%00', 'a'.repeat(100)));
const enc = (s: string) => encodeURIComponent(s);

describe('fuzzed workbench queries', () => {
  it('answers junk roles, units, ids and periods with a 4xx and a code, never a 500, and writes nothing', async () => {
    const before = await h.snapshot();
    await fc.assert(
      fc.asyncProperty(junk, junk, junk, fc.integer({ min: 0, max: 2 }), async (a, b, c, who) => {
        const as = h.api.as(people[who]);
        const answers = await Promise.all([
          as.get(`/me/workbench?role=${enc(a)}&unitId=${enc(b)}&${enc(c)}=1`),
          as.get(`/me/workbench?role=${enc(a)}&unitId=${enc(b)}`),
          as.get(`/workbench/units/${enc(a) || 'x'}/volunteers/${enc(b) || 'x'}/hours`),
          as.get(`/workbench/volunteer-teams/${enc(a) || 'x'}/hours?from=${enc(b)}&to=${enc(c)}`),
        ]);
        for (const res of answers) {
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(typeof res.body.code).toBe('string');
            expect(res.body.messageEn.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 60, seed: 20261204 },
    );
    expect(await h.snapshot()).toEqual(before);
  });
});
