import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body } from './domain'
import { useQuery } from './useQuery'

/** Employment help (就业服务): seekers, vacancies, referrals and their outcomes, trainings. */
export const employment = {
  registerSeeker: (body: Body<'employment', 'registerSeeker'>, idempotencyKey: string) => call(api.employment.registerSeeker, { body, idempotencyKey }),
  collectVacancy: (body: Body<'employment', 'collectVacancy'>, idempotencyKey: string) => call(api.employment.collectVacancy, { body, idempotencyKey }),
  refer: (body: Body<'employment', 'refer'>, idempotencyKey: string) => call(api.employment.refer, { body, idempotencyKey }),
  referralOutcome: (communityId: string, referralId: string, body: Body<'employment', 'referralOutcome'>) => call(api.employment.referralOutcome, { params: { communityId, referralId }, body }),
  recordTraining: (body: Body<'employment', 'recordTraining'>, idempotencyKey: string) => call(api.employment.recordTraining, { body, idempotencyKey }),
}

/** A community's employment board (none until the community is known). */
export function useEmploymentBoard(communityId: string | undefined) {
  return useQuery(() => call(api.employment.board, { params: { communityId: communityId! } }), [communityId], !!communityId)
}
