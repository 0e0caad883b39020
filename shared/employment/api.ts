import { z } from 'zod';
import { endpoint, Id } from '../http';
import {
  CollectVacancyInput,
  EmploymentBoard,
  JobSeeker,
  PlaceInput,
  RecordTrainingInput,
  ReferInput,
  Referral,
  ReferralOutcomeInput,
  RegisterSeekerInput,
  Training,
  Vacancy,
} from './schemas';

/** 就业援助: registered in shared/api.ts as `employment`; the employment function imports only this. */
export const employmentApi = {
  board: endpoint({
    method: 'GET',
    path: '/communities/{communityId}/employment',
    summary: "Staff: a community's job seekers, vacancies, referrals and trainings, newest first",
    params: z.object({ communityId: Id }),
    response: EmploymentBoard,
  }),
  registerSeeker: endpoint({ method: 'POST', path: '/employment/seekers', summary: 'Register a job seeker, with their recorded consent', body: RegisterSeekerInput, response: JobSeeker, status: 201, idempotent: true, limit: 'ledgerEntry' }),
  collectVacancy: endpoint({ method: 'POST', path: '/employment/vacancies', summary: 'Record a vacancy collected from an employer', body: CollectVacancyInput, response: Vacancy, status: 201, idempotent: true, limit: 'ledgerEntry' }),
  refer: endpoint({ method: 'POST', path: '/employment/referrals', summary: 'Refer a seeker to a vacancy', body: ReferInput, response: Referral, status: 201, idempotent: true, limit: 'ledgerEntry' }),
  referralOutcome: endpoint({
    method: 'POST',
    path: '/communities/{communityId}/employment/referrals/{referralId}/outcome',
    summary: 'Record whether a referral ended in a placement (counted once)',
    params: z.object({ communityId: Id, referralId: Id }),
    body: ReferralOutcomeInput,
    response: Referral,
    limit: 'ledgerEntry',
  }),
  place: endpoint({
    method: 'POST',
    path: '/communities/{communityId}/employment/seekers/{seekerId}/placement',
    summary: 'Record that a seeker found work without a referral (counted once)',
    params: z.object({ communityId: Id, seekerId: Id }),
    body: PlaceInput,
    response: JobSeeker,
    limit: 'ledgerEntry',
  }),
  recordTraining: endpoint({ method: 'POST', path: '/employment/trainings', summary: 'Record a training course and how many took it', body: RecordTrainingInput, response: Training, status: 201, idempotent: true, limit: 'ledgerEntry' }),
};
