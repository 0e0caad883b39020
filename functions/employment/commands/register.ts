import type { CollectVacancyInput, JobSeeker, RecordTrainingInput, RegisterSeekerInput, Training, Vacancy } from '../../../shared/employment/schemas';
import { chinaDay, chinaInstant } from '../../../shared/platform/chinaTime';
import type { UserCtx } from '../../platform/context';
import { UnprocessableError } from '../../platform/errors';
import { figureAdds } from '../../platform/figures';
import { transactCreate } from '../../platform/idempotency';
import { seekerItem, trainingItem, vacancyItem } from '../store';
import { managedCommunity } from './scope';

const absent = { expr: 'attribute_not_exists(#pk)' };

/**
 * A community worker registers a job seeker, with the person's consent recorded (how, by whom, when): without it
 * nothing is kept (CONSENT_REQUIRED). Counted as registered in the same transaction.
 */
export async function registerSeeker(ctx: UserCtx, input: RegisterSeekerInput): Promise<JobSeeker> {
  if (!input.consent?.given) throw new UnprocessableError('CONSENT_REQUIRED');
  const scope = await managedCommunity(ctx, input.communityId);
  const at = ctx.clock.now().toISOString();
  const seeker: JobSeeker = {
    id: ctx.newId(),
    communityId: scope.communityId,
    subdistrictId: scope.subdistrictId,
    name: input.name,
    category: input.category,
    wants: input.wants,
    state: 'seeking',
    consent: { method: input.consent.method, recordedBy: ctx.principal.displayName ?? ctx.principal.userId, at },
    registeredAt: at,
    version: 0,
  };
  return transactCreate(ctx, [{ put: seekerItem(seeker), if: absent }, ...figureAdds(scope, at, 'employment', { seekersRegistered: 1 })], seeker);
}

/** A vacancy collected from an employer; its places count as vacancies collected (收集空岗). */
export async function collectVacancy(ctx: UserCtx, input: CollectVacancyInput): Promise<Vacancy> {
  const scope = await managedCommunity(ctx, input.communityId);
  const now = ctx.clock.now();
  if (input.until < chinaDay(now)) throw new UnprocessableError('VACANCY_CLOSED');
  const at = now.toISOString();
  const vacancy: Vacancy = { id: ctx.newId(), ...input, subdistrictId: scope.subdistrictId, filled: 0, collectedAt: at };
  return transactCreate(ctx, [{ put: vacancyItem(vacancy), if: absent }, ...figureAdds(scope, at, 'employment', { vacanciesCollected: input.count })], vacancy);
}

/** A training course held on a day, and how many took it (counted in the month it was held). */
export async function recordTraining(ctx: UserCtx, input: RecordTrainingInput): Promise<Training> {
  const scope = await managedCommunity(ctx, input.communityId);
  const now = ctx.clock.now();
  if (input.heldOn > chinaDay(now)) throw new UnprocessableError('TRAINING_IN_FUTURE');
  const training: Training = { id: ctx.newId(), ...input, recordedAt: now.toISOString() };
  return transactCreate(ctx, [{ put: trainingItem(training), if: absent }, ...figureAdds(scope, chinaInstant(input.heldOn, '12:00'), 'employment', { trained: input.people })], training);
}
