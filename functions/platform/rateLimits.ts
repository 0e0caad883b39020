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
 * `Retry-After` header and `retryAfterSeconds` in the body. The app never retries a 429 by itself. Staff writes are
 * limited the same way (announcements, five-list and relief steps, ledger entries, audited reads, imports, grants,
 * moderation decisions...): a stolen worker's account or a runaway script is stopped within the hour, a worker's real
 * day passes (tests/api/staffLimits.test.ts runs the seed's workers through them). `unlimitedWrites` lists every other
 * write with why it needs no limit, and rateLimits.test.ts fails on a write that is in neither.
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
  // a volunteer's certificate of hours (each a new record with its own serial): a few a year, for a school or an
  // employer; 20 a day is a script filling the table
  certificate: [{ per: 'user', windowSeconds: DAY, max: 20 }],

  // --- staff writes. A worker's whole day fits under the hour's number; a script (or a stolen worker's account) runs
  // into it within minutes. The hour is the tighter bound on a burst, the day on a slow script left running.

  // a community's worker posts a few notices a day (a water cut, an event, a reminder) and corrects one or two; each
  // post reaches every resident's inbox, so 60 in an hour is spam to a whole community
  announcement: [
    { per: 'user', windowSeconds: HOUR, max: 60 },
    { per: 'user', windowSeconds: DAY, max: 200 },
  ],
  // a say-it day's host opens it, records the minutes and an outcome for each of its matters (20-60, a large
  // community's busiest a few hundred: the bench records 200), and closes it, within an hour or two after the session
  sessionStep: [
    { per: 'user', windowSeconds: HOUR, max: 300 },
    { per: 'user', windowSeconds: DAY, max: 1000 },
  ],
  // after a say-it day the officer dispatches and the joint committee reviews the session's matters in one sitting
  // (tens), a grid worker collects tens on a walk round, a unit claims and resolves its own; councils and
  // consultations are a few a month. 200 an hour is a step every 18 s for a whole hour
  fiveListStep: [
    { per: 'user', windowSeconds: HOUR, max: 200 },
    { per: 'user', windowSeconds: DAY, max: 800 },
  ],
  // a community worker reviews the month's applications in a sitting (tens, some with a request for information and a
  // household confirmation); a grid worker files for a few residents, each filing a create, several saves, the
  // consent and the submit
  reliefStep: [
    { per: 'user', windowSeconds: HOUR, max: 200 },
    { per: 'user', windowSeconds: DAY, max: 600 },
  ],
  // audited reads of sealed values and documents (relief reveals and document views, a registry head's number, a
  // mediation's parties): a reviewer opens 3-6 documents of each of a day's 30-40 applications. 60 in an hour stops a
  // stolen account from downloading every household's ID scans in one go; each read stays audited
  sensitiveRead: [
    { per: 'user', windowSeconds: HOUR, max: 60 },
    { per: 'user', windowSeconds: DAY, max: 300 },
  ],
  // ledgers kept by workers (cases and their actions, inspections and hazard steps, shops, must-visits and visit logs,
  // the registry, pairings, job seekers, vacancies and referrals, micro-project spending): an inspection round of a
  // street's 40-60 shops with a hazard or two each, or a job fair's registrations, stays under 200 an hour
  ledgerEntry: [
    { per: 'user', windowSeconds: HOUR, max: 200 },
    { per: 'user', windowSeconds: DAY, max: 800 },
  ],
  // a provider with its service points, and a week of meal slots in one request per service: a few a week
  elderCareSetup: [
    { per: 'user', windowSeconds: HOUR, max: 60 },
    { per: 'user', windowSeconds: DAY, max: 200 },
  ],
  // a kitchen delivering lunch to 150-200 elders accepts and marks each booking served within the lunch hours
  elderCareService: [
    { per: 'user', windowSeconds: HOUR, max: 500 },
    { per: 'user', windowSeconds: DAY, max: 1500 },
  ],
  // an organizer posts a few events and activities a week and edits or cancels some; each change tells everyone
  // registered, so a script repeating them floods their inboxes
  eventPost: [
    { per: 'user', windowSeconds: HOUR, max: 60 },
    { per: 'user', windowSeconds: DAY, max: 200 },
  ],
  // confirming hours of each volunteer of a day's shifts (tens to a hundred), putting a team's volunteers on the
  // roster one by one. Adding by mobile number answers a name: a script trying numbers is stopped here too
  roster: [
    { per: 'user', windowSeconds: HOUR, max: 200 },
    { per: 'user', windowSeconds: DAY, max: 600 },
  ],
  // the door of a cultural event takes a few hundred tickets in its first half hour
  doorCheckIn: [
    { per: 'user', windowSeconds: HOUR, max: 600 },
    { per: 'user', windowSeconds: DAY, max: 2000 },
  ],
  // a whole file at a time (thousands of rows checked in the request, written by the work worker), a month's batch or
  // payments marked paid: an officer imports the month's file and again after correcting rows, a handful a day.
  // 30 in an hour is a script filling the work queue
  import: [
    { per: 'user', windowSeconds: HOUR, max: 30 },
    { per: 'user', windowSeconds: DAY, max: 60 },
  ],
  // a worker credits the older residents after an event or at the month's end (tens); the sub-district's monthly
  // allotment bounds the minutes, this bounds the requests
  timeGrant: [
    { per: 'user', windowSeconds: HOUR, max: 100 },
    { per: 'user', windowSeconds: DAY, max: 300 },
  ],
  // a worker clears the queue after a reported flood: a decision every 30 s for an hour is already a lot
  moderationDecision: [
    { per: 'user', windowSeconds: HOUR, max: 120 },
    { per: 'user', windowSeconds: DAY, max: 500 },
  ],
  // an admin sets up units and grants at a sub-district's start (tens), then a few a month
  administration: [
    { per: 'user', windowSeconds: HOUR, max: 60 },
    { per: 'user', windowSeconds: DAY, max: 300 },
  ],
};

/**
 * Every write (POST, PUT, PATCH, DELETE) of the contract names a limit, or is here with the reason a person cannot
 * repeat it without end: rateLimits.test.ts fails on a new write that does neither, so a new staff write is limited
 * (or its reason written down) the day it is added. Keyed `<capability>.<endpoint>` as in shared/api.ts.
 */
export const unlimitedWrites: Readonly<Record<string, string>> = {
  'auth.wechatLogin': 'public: the stage throttles it (serverless.yml); there is no user to count yet',
  'auth.refresh': 'public: the stage throttles it; a refresh token is used once',
  'auth.logout': "ends the caller's own sign-in",
  'auth.updateProfile': "the caller's own name, each write replacing the last",
  'org.decideBinding': 'one answer per waiting request; the requests themselves are limited (binding: 200 a community a day)',
  'sayItDay.putScheduleRule': 'a setting: each write replaces the last',
  'sayItDay.editMatter': "the caller's own matters (limited by matter), until the cut-off",
  'sayItDay.withdrawMatter': "the caller's own matters, once each",
  'sayItDay.secondMatter': 'once per person and matter',
  'sayItDay.putReminder': "the caller's own setting",
  'notifications.markRead': "flags on the caller's own inbox",
  'notifications.reportSubscriptions': "the caller's own subscription grants, replaced",
  'notifications.wechatPush': "public: WeChat's signed push",
  'fiveLists.rate': 'once per person and matter',
  'fiveLists.watch': "the caller's own flag",
  'fiveLists.unwatch': "the caller's own flag",
  'fiveLists.vote': 'one vote per person and consultation, changed in place',
  'signups.registerVolunteer': "the caller's own record, replaced",
  'signups.signUp': 'one place per person and shift',
  'signups.cancelSignup': 'one place per person and shift',
  'signups.checkIn': 'once per person and shift, with the rotating code',
  'signups.checkOut': 'once per person and shift, with the rotating code',
  'signups.putTimeBankSettings': 'a setting: each write replaces the last',
  'signups.takeHelpRequest': "once per request (the request's state)",
  'signups.completeHelpRequest': "once per request (the request's state)",
  'signups.register': 'one registration per person and event',
  'signups.cancelRegistration': 'one registration per person and event',
  'relief.putRules': 'a setting: each write replaces the last',
  'relief.eligibility': 'writes nothing: a computation over the body',
  'elderCare.putProfile': "the caller's own birth year",
  'elderCare.putMenu': 'a setting: each write replaces the last',
  'elderCare.book': "bounded by the slots' places; one booking per person and slot",
  'elderCare.orderMeals': "bounded by the slots' places; one booking per person and slot",
  'elderCare.cancel': "once per booking (the booking's state)",
  'elderCare.rate': 'once per served booking',
  'elderCare.confirmFamilyLink': 'once per link',
  'elderCare.emergency': 'a call for help must always go through; the stage throttles a flood',
  'elderCare.acknowledge': "once per call (the call's state)",
  'elderCare.resolve': "once per call (the call's state)",
  'announcements.read': 'counted once per person and announcement',
  'announcements.putSettings': "the caller's own setting",
  'privacy.accept': 'once per policy version',
  'privacy.withdrawConsent': 'once per consent',
  'privacy.close': 'once per account',
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
