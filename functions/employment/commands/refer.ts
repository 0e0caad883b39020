import { placementKinds } from '../../../shared/employment/rules';
import { placementCounts } from '../../../shared/employment/figures';
import type { JobSeeker, Placement, ReferInput, Referral } from '../../../shared/employment/schemas';
import { chinaDay } from '../../../shared/platform/chinaTime';
import type { UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { figureAdds } from '../../platform/figures';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import * as store from '../store';
import { referralItem } from '../store';
import { managedCommunity } from './scope';

/** A seeker still seeking is referred to a vacancy still open with a place left; counted as a referral (推荐就业 人次). */
export async function refer(ctx: UserCtx, input: ReferInput): Promise<Referral> {
  const scope = await managedCommunity(ctx, input.communityId);
  const [seeker, vacancy] = await store.getSeekerAndVacancy(ctx.db, scope.communityId, input.seekerId, input.vacancyId);
  if (!seeker) throw new NotFoundError('jobSeeker');
  if (!vacancy) throw new NotFoundError('vacancy');
  if (seeker.state !== 'seeking') throw new ConflictError('SEEKER_NOT_SEEKING');
  const now = ctx.clock.now();
  if (vacancy.until < chinaDay(now) || vacancy.filled >= vacancy.count) throw new ConflictError('VACANCY_CLOSED');
  const at = now.toISOString();
  const referral: Referral = {
    id: ctx.newId(),
    communityId: scope.communityId,
    seekerId: seeker.id,
    seekerName: seeker.name,
    vacancyId: vacancy.id,
    employer: vacancy.employer,
    post: vacancy.post,
    outcome: 'pending',
    referredAt: at,
  };
  return transactCreate(
    ctx,
    [
      { put: referralItem(referral), if: { expr: 'attribute_not_exists(#pk)' } },
      // placed meanwhile (by another referral): no referral of someone already at work
      { check: keys.jobSeeker(scope.communityId, seeker.id), if: { expr: '#state = :seeking', values: { ':seeking': 'seeking' } }, fails: 'SEEKER_NOT_SEEKING' },
      ...figureAdds(scope, at, 'employment', { referrals: 1 }),
    ],
    referral,
  );
}

/**
 * The writes that place a seeker: the seeker moves from seeking to placed (the condition makes a placement count once,
 * whichever way and however often it is recorded) and the figures it counts as, from the seeker's category.
 */
function placementWrites(scope: { subdistrictId: string; communityId: string }, seeker: JobSeeker, placement: Placement): TxWrite[] {
  return [
    {
      update: keys.jobSeeker(scope.communityId, seeker.id),
      spec: { set: { state: 'placed', placement, version: seeker.version + 1 }, if: { expr: '#state = :seeking', values: { ':seeking': 'seeking' } } },
      fails: 'SEEKER_NOT_SEEKING',
    },
    ...figureAdds(scope, placement.placedAt, 'employment', placementCounts(placement)),
  ];
}

/**
 * The outcome of a referral. Placed: the referral, the seeker and the vacancy's filled places move in one transaction
 * (never past the vacancy's count), and the placement is counted. The same outcome recorded again answers the referral
 * as it is and counts nothing; a different one is REFERRAL_DECIDED.
 */
export async function recordOutcome(ctx: UserCtx, communityId: string, referralId: string, input: { outcome: 'placed' | 'notPlaced'; note?: string }): Promise<Referral> {
  const scope = await managedCommunity(ctx, communityId);
  const referral = await store.getReferral(ctx.db, scope.communityId, referralId);
  if (!referral) throw new NotFoundError('referral');
  if (referral.outcome === input.outcome) return referral;
  if (referral.outcome !== 'pending') throw new ConflictError('REFERRAL_DECIDED');
  const at = ctx.clock.now().toISOString();
  const decided: Referral = { ...referral, outcome: input.outcome, decidedAt: at, ...(input.note ? { note: input.note } : {}) };
  const referralWrite: TxWrite = {
    update: keys.referral(scope.communityId, referral.id),
    spec: { set: { outcome: input.outcome, decidedAt: at, note: input.note }, if: { expr: '#outcome = :pending', values: { ':pending': 'pending' } } },
    fails: 'REFERRAL_DECIDED',
  };
  if (input.outcome === 'notPlaced') {
    await ctx.db.transact([referralWrite]);
    return decided;
  }
  const seeker = await store.getSeeker(ctx.db, scope.communityId, referral.seekerId);
  if (!seeker) throw new NotFoundError('jobSeeker');
  const placement: Placement = { employer: referral.employer, post: referral.post, placedAt: at, vacancyId: referral.vacancyId, referralId: referral.id, ...placementKinds(seeker.category) };
  await ctx.db.transact([
    referralWrite,
    ...placementWrites(scope, seeker, placement),
    { update: keys.vacancy(scope.communityId, referral.vacancyId), spec: { add: { filled: 1 }, if: { expr: '#filled < #count' } }, fails: 'VACANCY_FILLED' },
  ]);
  return decided;
}

/** A seeker found work without a referral (self-found, at a job fair): counted once, as a referral's placement is. */
export async function placeSeeker(ctx: UserCtx, communityId: string, seekerId: string, input: { employer: string; post: string }): Promise<JobSeeker> {
  const scope = await managedCommunity(ctx, communityId);
  const seeker = await store.getSeeker(ctx.db, scope.communityId, seekerId);
  if (!seeker) throw new NotFoundError('jobSeeker');
  if (seeker.state === 'placed' && seeker.placement?.employer === input.employer && seeker.placement.post === input.post) return seeker;
  if (seeker.state !== 'seeking') throw new ConflictError('SEEKER_NOT_SEEKING');
  const placement: Placement = { employer: input.employer, post: input.post, placedAt: ctx.clock.now().toISOString(), ...placementKinds(seeker.category) };
  await ctx.db.transact(placementWrites(scope, seeker, placement));
  return { ...seeker, state: 'placed', placement, version: seeker.version + 1 };
}
