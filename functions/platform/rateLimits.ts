import type { Endpoint, RateLimitName } from '../../shared/http';
import type { Principal } from '../../shared/org/schemas';
import { ConditionFailed, type Db } from './db';
import { ApiError } from './errors';
import { keys } from './keys';
import { createLogger } from './log';

/**
 * Rate limits and quotas (issue 11 item 5): what a script could repeat without end (matters, comments, binding
 * requests to every community, presigned uploads, guesses of invite and family codes) is counted per user, and where
 * many accounts could flood one community, per community too. An endpoint names its limit (`limit` in shared/*\/api.ts);
 * the HTTP wrapper counts it after validation and before the command runs, and refuses with 429 RATE_LIMITED, a
 * `Retry-After` header and `retryAfterSeconds` in the body. The app never retries a 429 by itself.
 *
 * **Fixed windows, not a token bucket.** Each rule is one counter item per subject and window
 * (`RATE#u#<user>` / `<rule>#<window>`), taken by one UpdateItem: `ADD count 1` on condition `count < max`. DynamoDB
 * evaluates the condition and the increment atomically on the item, so a burst of parallel requests passes exactly
 * `max` and no read comes first. A token bucket needs the tokens and the time of the last refill read, computed and
 * written back under a version condition: under a burst every writer but one fails its condition and must read
 * again, so a flood costs several round trips per request and the contention itself answers 503s. The price of fixed
 * windows is that a person can spend a whole window's worth at the end of one window and again at the start of the
 * next (up to twice `max` across the boundary): the limits below are far above what a person does, so that is
 * harmless. Windows are aligned to China's clock (a day runs from midnight UTC+8) and the items leave by TTL.
 *
 * A request counts when it is valid, whatever the command then answers (a wrong invite code counts: that is the
 * point). Its rules are taken shortest window first and the first refusal stops, so a person waiting out an hourly
 * limit does not spend their daily one by trying; a later rule's refusal gives back what the earlier ones took. Each
 * instance remembers the windows it found full, so a flood past its limit costs no DynamoDB call (measured in
 * scripts/benchFlood.ts: DynamoDB Local serialises writes to one item, and 1,000 a minute on one counter with its
 * give-backs queued up past the function's timeout before this).
 */

const HOUR = 3600;
const DAY = 24 * HOUR;
/** China is UTC+8 all year: day windows start at midnight there */
const CHINA_OFFSET_SECONDS = 8 * HOUR;

/** What a rule may look at: the caller and the validated input. */
export interface LimitInput {
  principal: Principal;
  params: Record<string, unknown>;
  body: unknown;
}

export interface LimitRule {
  /** counted per caller, or per community (the path's or body's `communityId`, else the caller's own community) */
  per: 'user' | 'community';
  windowSeconds: number;
  max: number;
  /** the rule counts only the requests it applies to (one endpoint, two kinds of request) */
  when?: (input: LimitInput) => boolean;
}

const byInviteCode = (i: LimitInput) => typeof i.body === 'object' && i.body !== null && 'inviteCode' in i.body;
const byRequest = (i: LimitInput) => !byInviteCode(i);

/**
 * The limits, one table. Each is far above what a real resident or worker does; the comment says why the number.
 */
export const rateLimits: Record<RateLimitName, readonly LimitRule[]> = {
  // a resident raises a matter or two before a say-it day; 20 in an hour is a script. The community's 1,000 a day stops
  // a flood by many accounts from burying a session's agenda (a community's busiest day sees tens)
  matter: [
    { per: 'user', windowSeconds: HOUR, max: 20 },
    { per: 'user', windowSeconds: DAY, max: 50 },
    { per: 'community', windowSeconds: DAY, max: 1000 },
  ],
  // a lively consultation thread: a comment a minute for an hour is already a lot for one person
  comment: [
    { per: 'user', windowSeconds: HOUR, max: 60 },
    { per: 'user', windowSeconds: DAY, max: 300 },
  ],
  binding: [
    // guessing invite codes: a resident types their code once, twice with a typo; 10 a day makes guessing useless
    // (a 10-character code of 32 symbols has 2^50 values)
    { per: 'user', windowSeconds: DAY, max: 10, when: byInviteCode },
    // a binding request goes to one community; asking five a day is already every community a person could live in
    { per: 'user', windowSeconds: DAY, max: 5, when: byRequest },
    // a community's workers confirm requests by hand: 200 new ones a day is a flood of accounts, not newcomers
    { per: 'community', windowSeconds: DAY, max: 200, when: byRequest },
  ],
  // presigned photo uploads (5–10 MB each): a worker's inspection round with three photos a shop stays under 100 an
  // hour; 400 a day is 2–4 GB from one person
  upload: [
    { per: 'user', windowSeconds: HOUR, max: 100 },
    { per: 'user', windowSeconds: DAY, max: 400 },
  ],
  // asking the time bank for help: an older resident asks a few times a week; a worker asking for several elders, 20
  helpRequest: [{ per: 'user', windowSeconds: DAY, max: 20 }],
  // an elder's code for their family (valid 24 hours): making one twenty times a day is a script
  familyCode: [{ per: 'user', windowSeconds: DAY, max: 20 }],
  // a family member types the elder's code: like invite codes, 10 tries a day makes guessing useless
  familyLink: [{ per: 'user', windowSeconds: DAY, max: 10 }],
  // a community worker rotates the invite code when it leaked: a few times a day at most
  inviteCodeRotation: [{ per: 'user', windowSeconds: DAY, max: 10 }],
  // reporting a neighbour's post or comment (one report per person and item already): 30 a day is a campaign, not a
  // resident who came across a few bad posts; each report lands in a worker's queue
  report: [{ per: 'user', windowSeconds: DAY, max: 30 }],
  // a resident downloads their data once, again after a mistake: 3 a day; each one reads every capability's records
  dataExport: [{ per: 'user', windowSeconds: DAY, max: 3 }],
};

/** 429: a limit of this person (or of their community) is spent until its window ends. */
export class RateLimitedError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'RATE_LIMITED');
  }
  override get headers(): Record<string, string> {
    return { 'retry-after': String(this.retryAfterSeconds) };
  }
}

function communityOf(input: LimitInput): string | undefined {
  const fromParams = input.params.communityId;
  if (typeof fromParams === 'string') return fromParams;
  const body = input.body as { communityId?: unknown } | undefined;
  if (body && typeof body === 'object' && typeof body.communityId === 'string') return body.communityId;
  return input.principal.grants.find((g) => g.role === 'resident')?.unitId;
}

async function take(db: Db, key: { pk: string; sk: string }, max: number, expiresAt: number): Promise<boolean> {
  try {
    await db.update(key, {
      add: { count: 1 },
      set: { entity: 'rateCounter', expiresAt },
      if: { expr: 'attribute_not_exists(#count) OR #count < :max', values: { ':max': max } },
    });
    return true;
  } catch (e) {
    if (e instanceof ConditionFailed) return false;
    throw e;
  }
}

/**
 * Windows this instance has seen full, until they end: a flood past its limit is refused without a DynamoDB call.
 * Safe to keep: a count only goes down by a give-back, so a window seen full stays full but for a request or two.
 */
const full = new Set<string>();
const FULL_LIMIT = 20_000;

/**
 * Counts one request against its endpoint's limit; refuses it with RateLimitedError when a rule's window is spent.
 * The rules are taken one after another, shortest window first, so a request refused by its hour spends nothing of its
 * day; when a later rule refuses, the earlier ones give back what they took. `nowMs` is the request's clock.
 */
const log = createLogger({ module: 'rateLimits' });

export async function consumeLimit(db: Db, endpoint: Endpoint, input: LimitInput, nowMs: number): Promise<void> {
  if (!endpoint.limit) return;
  const community = communityOf(input);
  // a community rule of a request that names no community (a caller bound nowhere) has nothing to count
  const rules = rateLimits[endpoint.limit].filter((r) => (!r.when || r.when(input)) && (r.per === 'user' || community));
  const ordered = [...rules].sort((a, b) => a.windowSeconds - b.windowSeconds);
  const nowSec = Math.floor(nowMs / 1000);
  const taken: { pk: string; sk: string }[] = [];
  for (const r of ordered) {
    const subject = r.per === 'user' ? `u#${input.principal.userId}` : `c#${community}`;
    const window = Math.floor((nowSec + CHINA_OFFSET_SECONDS) / r.windowSeconds);
    const windowEnd = (window + 1) * r.windowSeconds - CHINA_OFFSET_SECONDS;
    const key = keys.rateCounter(subject, `${endpoint.limit}#${r.per}#${r.windowSeconds}`, window);
    const cacheKey = `${db.tableName}#${key.pk}#${key.sk}`;
    const ok = !full.has(cacheKey) && (await take(db, key, r.max, windowEnd + HOUR));
    if (ok) {
      taken.push(key);
      continue;
    }
    if (full.size >= FULL_LIMIT) full.clear();
    full.add(cacheKey);
    // a failed give-back only leaves a count one too high until its window ends, which errs on the safe side; it is
    // logged, so a throttled table that keeps refusing give-backs shows in the logs before residents feel it
    await Promise.all(
      taken.map((k) =>
        db.update(k, { add: { count: -1 } }).catch((e: unknown) => {
          log.warn('rate limit give-back failed', { limit: endpoint.limit, pk: k.pk, sk: k.sk, error: e instanceof Error ? e.name : String(e) });
        }),
      ),
    );
    throw new RateLimitedError(Math.max(1, windowEnd - nowSec));
  }
}
