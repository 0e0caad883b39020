import type { EmploymentBoard, JobSeeker, Referral, Training, Vacancy } from '../../../shared/employment/schemas';
import type { UserCtx } from '../../platform/context';
import * as store from '../store';
import { managedCommunity } from './scope';

/** A community's employment records for its workers: four queries of its partition, in parallel. */
export async function employmentBoard(ctx: UserCtx, communityId: string): Promise<EmploymentBoard> {
  const scope = await managedCommunity(ctx, communityId);
  const [seekers, vacancies, referrals, trainings] = await Promise.all([
    store.listNewest<JobSeeker>(ctx.db, scope.communityId, 'SEEKER#'),
    store.listNewest<Vacancy>(ctx.db, scope.communityId, 'VACANCY#'),
    store.listNewest<Referral>(ctx.db, scope.communityId, 'REFERRAL#'),
    store.listNewest<Training>(ctx.db, scope.communityId, 'TRAINING#'),
  ]);
  return { seekers, vacancies, referrals, trainings };
}
