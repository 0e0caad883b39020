import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { rateLimits } from '../../platform/rateLimits';
import { INVITE_ALPHABET, INVITE_CODE_LENGTH, newInviteCode } from './units';

/** Invite codes (issue 11 item 5): long, rotatable by the community's workers, and not worth guessing. */
let h: Harness;
let liu: Person;

beforeAll(async () => {
  h = await harness();
  liu = await h.person('刘芳', [['communityWorker', 'c-a']]);
});

const guessesADay = rateLimits.binding.find((r) => r.when?.({ principal: { userId: 'x', grants: [] }, params: {}, body: { inviteCode: 'X' } }))!.max;

describe('invite codes', () => {
  it('makes codes of 10 symbols from an alphabet without look-alikes', () => {
    const codes = Array.from({ length: 200 }, () => newInviteCode());
    for (const c of codes) {
      expect(c).toHaveLength(INVITE_CODE_LENGTH);
      expect([...c].every((ch) => INVITE_ALPHABET.includes(ch))).toBe(true);
    }
    expect(INVITE_CODE_LENGTH).toBeGreaterThanOrEqual(10);
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(INVITE_ALPHABET).not.toContain(lookAlike);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('stops guessing: a burst of wrong codes gets exactly the daily tries, then 429, and then even the right code waits', async () => {
    // Prepare
    const guesser = await h.person('猜码的人');
    const guesses = Array.from({ length: guessesADay + 5 }, () => newInviteCode());
    // Act
    const answers = await Promise.all(guesses.map((inviteCode) => h.api.as(guesser).post('/me/binding', { inviteCode })));
    const right = await h.api.as(guesser).post('/me/binding', { inviteCode: 'HEPING2026' });
    // Assess
    expect(answers.filter((a) => a.status === 422 && a.body.code === 'INVALID_INVITE_CODE')).toHaveLength(guessesADay);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(5);
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.status).toBe(429);
    // tomorrow (China's midnight has passed) the right code binds
    h.clock.advance(24 * 3600_000);
    try {
      expect((await h.api.as(guesser).post('/me/binding', { inviteCode: 'heping2026' })).body).toEqual({ status: 'bound', communityId: 'c-a' });
    } finally {
      h.clock.advance(-24 * 3600_000);
    }
  });

  it("rotates a community's code at its worker's request: the old code stops at once and the new one binds", async () => {
    // Prepare
    const before = await h.api.as(liu).get('/communities/c-a/invite-code');
    // Act
    const rotated = await h.api.as(liu).post('/communities/c-a/invite-code/rotate');
    const withOld = await h.api.as(await h.person('拿旧码的人')).post('/me/binding', { inviteCode: before.body.code });
    const withNew = await h.api.as(await h.person('拿新码的人')).post('/me/binding', { inviteCode: rotated.body.code });
    // Assess
    expect(rotated.status).toBe(200);
    expect(rotated.body.code).toHaveLength(INVITE_CODE_LENGTH);
    expect(rotated.body.code).not.toBe(before.body.code);
    expect((await h.api.as(liu).get('/communities/c-a/invite-code')).body.code).toBe(rotated.body.code);
    expect(withOld.status).toBe(422);
    expect(withOld.body.code).toBe('INVALID_INVITE_CODE');
    expect(withNew.body).toEqual({ status: 'bound', communityId: 'c-a' });
  });

  it("does not let a resident, or another community's worker, rotate the code", async () => {
    // Prepare
    const resident = await h.person('居民', [['resident', 'c-a']]);
    const other = await h.person('别的社区社工', [['communityWorker', 'c-b']]);
    const before = (await h.api.as(liu).get('/communities/c-a/invite-code')).body.code;
    // Act
    const byResident = await h.api.as(resident).post('/communities/c-a/invite-code/rotate');
    const byOther = await h.api.as(other).post('/communities/c-a/invite-code/rotate');
    // Assess
    expect(byResident.status).toBe(404);
    expect(byOther.status).toBe(404);
    expect((await h.api.as(liu).get('/communities/c-a/invite-code')).body.code).toBe(before);
  });

  it('refuses a code of the old six-character length before it counts as a guess', async () => {
    const me = await h.person('旧码');
    const res = await h.api.as(me).post('/me/binding', { inviteCode: 'HEPING' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
  });
});
