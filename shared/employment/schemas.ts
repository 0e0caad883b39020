import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from '../http';

/**
 * 就业援助 (employment): a community worker registers a job seeker (with the person's recorded consent), collects
 * vacancies from employers, refers seekers to vacancies and records the outcome; placements are the figures the
 * half-year summary prints (新增就业, 失业人员再就业, 就业困难人员再就业). Training is recorded as a course and its people.
 *
 * No ID number and no phone number are kept: the worker reaches a seeker as they reach any resident of the community,
 * and nothing here needs to tell two people apart by their papers. The seeker's name is shown whole only to the
 * community's workers and the sub-district's officers.
 */

/** 求职者类别 (data: the categories a seeker may be registered under, and what a placement of each counts as) */
export const seekerCategories = {
  unemployed: { zh: '失业人员', en: 'Unemployed', reEmployment: true, hardToEmploy: false },
  hardToEmploy: { zh: '就业困难人员', en: 'Hard to employ', reEmployment: true, hardToEmploy: true },
  graduate: { zh: '高校毕业生', en: 'Graduate', reEmployment: false, hardToEmploy: false },
  migrantWorker: { zh: '返乡农民工', en: 'Returning migrant worker', reEmployment: false, hardToEmploy: false },
  veteran: { zh: '退役军人', en: 'Veteran', reEmployment: false, hardToEmploy: false },
  other: { zh: '其他求职人员', en: 'Other job seeker', reEmployment: false, hardToEmploy: false },
} as const;
export const SeekerCategory = z.enum(Object.keys(seekerCategories) as [keyof typeof seekerCategories, ...(keyof typeof seekerCategories)[]]);
export type SeekerCategory = z.infer<typeof SeekerCategory>;

/** How the person's consent to being registered was recorded: a signed paper form, or said in front of the worker. */
export const ConsentMethod = z.enum(['signedForm', 'inPerson']);

export const SeekerState = z.enum(['seeking', 'placed', 'withdrawn']);
export type SeekerState = z.infer<typeof SeekerState>;

const Name = z.string().trim().min(1).max(30);
const Text = (max: number) => z.string().trim().min(1).max(max);

export const RegisterSeekerInput = z
  .object({
    communityId: Id,
    name: Name,
    category: SeekerCategory,
    /** 求职意向: the kind of work wanted */
    wants: Text(100),
    /** the person agreed to be registered and to have their name and wishes shared with employers they are referred to
     * (CONSENT_REQUIRED without it) */
    consent: z.object({ given: z.boolean(), method: ConsentMethod }).strict().optional(),
  })
  .strict();
export type RegisterSeekerInput = z.infer<typeof RegisterSeekerInput>;

export const Placement = z.object({
  employer: z.string(),
  post: z.string(),
  placedAt: IsoDateTime,
  vacancyId: Id.optional(),
  referralId: Id.optional(),
  /** what the placement counts as in the figures */
  newJob: z.boolean(),
  reEmployed: z.boolean(),
  hardToEmployReEmployed: z.boolean(),
});
export type Placement = z.infer<typeof Placement>;

export const JobSeeker = z.object({
  id: Id,
  communityId: Id,
  subdistrictId: Id,
  name: z.string(),
  category: SeekerCategory,
  wants: z.string(),
  state: SeekerState,
  consent: z.object({ method: ConsentMethod, recordedBy: z.string(), at: IsoDateTime }),
  registeredAt: IsoDateTime,
  placement: Placement.optional(),
  version: z.number().int().min(0),
});
export type JobSeeker = z.infer<typeof JobSeeker>;

export const CollectVacancyInput = z
  .object({
    communityId: Id,
    employer: Text(60),
    post: Text(60),
    count: z.number().int().min(1).max(500),
    /** monthly pay range in yuan */
    payMin: z.number().int().min(0).max(1_000_000),
    payMax: z.number().int().min(0).max(1_000_000),
    until: IsoDate,
  })
  .strict()
  .refine((v) => v.payMin <= v.payMax, { message: 'payMin <= payMax', path: ['payMax'] });
export type CollectVacancyInput = z.infer<typeof CollectVacancyInput>;

export const Vacancy = z.object({
  id: Id,
  communityId: Id,
  subdistrictId: Id,
  employer: z.string(),
  post: z.string(),
  count: z.number().int(),
  /** places filled by placements through referrals: never above count */
  filled: z.number().int(),
  payMin: z.number().int(),
  payMax: z.number().int(),
  until: IsoDate,
  collectedAt: IsoDateTime,
});
export type Vacancy = z.infer<typeof Vacancy>;

export const ReferralOutcome = z.enum(['pending', 'placed', 'notPlaced']);
export const ReferInput = z.object({ communityId: Id, seekerId: Id, vacancyId: Id }).strict();
export type ReferInput = z.infer<typeof ReferInput>;

export const Referral = z.object({
  id: Id,
  communityId: Id,
  seekerId: Id,
  seekerName: z.string(),
  vacancyId: Id,
  employer: z.string(),
  post: z.string(),
  outcome: ReferralOutcome,
  note: z.string().optional(),
  referredAt: IsoDateTime,
  decidedAt: IsoDateTime.optional(),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralOutcomeInput = z.object({ outcome: z.enum(['placed', 'notPlaced']), note: z.string().trim().max(200).optional() }).strict();

/** A seeker who found work without a referral (self-found, or through a job fair's employer). */
export const PlaceInput = z.object({ employer: Text(60), post: Text(60) }).strict();

export const RecordTrainingInput = z
  .object({
    communityId: Id,
    course: Text(60),
    /** 培训人数 */
    people: z.number().int().min(1).max(1000),
    heldOn: IsoDate,
  })
  .strict();
export type RecordTrainingInput = z.infer<typeof RecordTrainingInput>;

export const Training = z.object({ id: Id, communityId: Id, course: z.string(), people: z.number().int(), heldOn: IsoDate, recordedAt: IsoDateTime });
export type Training = z.infer<typeof Training>;

/** A community's employment board: its latest 200 seekers, vacancies, referrals and trainings each, newest first. */
export const EmploymentBoard = z.object({
  seekers: z.array(JobSeeker),
  vacancies: z.array(Vacancy),
  referrals: z.array(Referral),
  trainings: z.array(Training),
});
export type EmploymentBoard = z.infer<typeof EmploymentBoard>;
