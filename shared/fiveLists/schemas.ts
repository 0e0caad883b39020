import { z } from 'zod';
import { ModerationMark } from '../moderation/schemas';
import { Id, IsoDate, IsoDateTime } from '../http';
import { Location, MatterCategory, MatterText, Photo, PhotoKey } from '../sayItDay/schemas';
import { fiveListActions, fiveListStates } from './machine';

/** The five lists (五单工作法), residents' councils (居民议事会) and public consultations (民生决策咨询). */

export const FiveListState = z.enum(fiveListStates);
export type FiveListState = z.infer<typeof FiveListState>;
export const FiveListAction = z.enum(fiveListActions);
export type FiveListAction = z.infer<typeof FiveListAction>;

/** Where a matter came from: a say-it day outcome, a grid worker's walk round, a hotline call. */
export const FiveListSource = z.enum(['sayItDay', 'walkRound', 'hotline']);
export type FiveListSource = z.infer<typeof FiveListSource>;

export const RatingLevel = z.enum(['satisfied', 'partly', 'notSatisfied']);
export type RatingLevel = z.infer<typeof RatingLevel>;

const Note = z.string().trim().min(1).max(1000);
const Version = z.number().int().min(0);

export const Extension = z.object({
  until: IsoDateTime,
  reason: z.string(),
  requestedAt: IsoDateTime,
  decision: z.enum(['approved', 'denied']).optional(),
  decidedAt: IsoDateTime.optional(),
  decisionNote: z.string().optional(),
});

export const Resolution = z.object({
  note: z.string(),
  photos: z.array(Photo),
  at: IsoDateTime,
  byName: z.string(),
});

export const FiveListMatter = z.object({
  /** the say-it day matter's id when it came from a session */
  id: Id,
  communityId: Id,
  subdistrictId: Id,
  gridId: Id.optional(),
  source: FiveListSource,
  /** absent when anonymous and the reader may not see who raised it */
  submitterId: Id.optional(),
  submitterName: z.string(),
  anonymous: z.boolean(),
  category: MatterCategory,
  text: z.string(),
  photos: z.array(Photo),
  location: Location.optional(),
  state: FiveListState,
  /** the handling partner unit, once dispatched */
  unitId: Id.optional(),
  unitName: z.string().optional(),
  /** the resolution deadline, set at dispatch (proposed from the category) */
  resolveBy: IsoDateTime.optional(),
  /** the deadline of the step the matter is in */
  deadlineAt: IsoDateTime.optional(),
  overdue: z.boolean(),
  claimedByName: z.string().optional(),
  claimedAt: IsoDateTime.optional(),
  extension: Extension.optional(),
  resolution: Resolution.optional(),
  mergedInto: Id.optional(),
  /** how often the submitter reopened it: at most once */
  reopenCount: z.number().int().min(0),
  /** 0, or 1 after a reopen: ratings belong to a round */
  round: z.number().int().min(0),
  secondCount: z.number().int().min(0),
  ratingCount: z.number().int().min(0),
  /** how many residents watch (关注) it */
  watchCount: z.number().int().min(0),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: Version,
});
export type FiveListMatter = z.infer<typeof FiveListMatter>;

export const HistoryEntry = z.object({
  at: IsoDateTime,
  action: z.union([FiveListAction, z.literal('collect'), z.literal('escalate')]),
  from: FiveListState.optional(),
  to: FiveListState,
  /** '匿名居民' where the reader may not see a resident's name */
  byName: z.string(),
  note: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const RatingView = z.object({
  level: RatingLevel,
  stars: z.number().int().min(1).max(5),
  comment: z.string().optional(),
  round: z.number().int().min(0),
  at: IsoDateTime,
  mine: z.boolean(),
});

/**
 * Whether I watch (关注) a matter: told of its progress without seconding it. The submitter and its backers are told
 * anyway: for them watching adds nothing, and `alreadyTold` says why.
 */
export const WatchState = z.object({
  watching: z.boolean(),
  watchCount: z.number().int().min(0),
  alreadyTold: z.enum(['submitter', 'backer']).optional(),
});
export type WatchState = z.infer<typeof WatchState>;

export const FiveListDetail = z.object({
  matter: FiveListMatter,
  /** oldest first */
  timeline: z.array(HistoryEntry),
  ratings: z.array(RatingView),
  /** what this reader may do now */
  actions: z.array(FiveListAction),
  /** a WeChat share: the page and a title */
  share: z.object({ path: z.string(), title: z.string() }),
  /** present where the reader may watch it: a resident of its community */
  watch: WatchState.optional(),
});
export type FiveListDetail = z.infer<typeof FiveListDetail>;

export const CollectInput = z
  .object({
    communityId: Id,
    gridId: Id.optional(),
    source: z.enum(['walkRound', 'hotline']),
    category: MatterCategory,
    text: MatterText,
    photos: z.array(PhotoKey).max(9).default([]),
    location: Location.optional(),
    /** a hotline caller's name as they gave it; never shown to residents */
    reporterName: z.string().trim().max(40).optional(),
  })
  .strict();
export type CollectInput = z.infer<typeof CollectInput>;

export const DispatchInput = z
  .object({
    unitId: Id,
    /** the resolution deadline; the category's default when absent */
    resolveBy: IsoDateTime.optional(),
    note: z.string().trim().max(1000).optional(),
    version: Version,
  })
  .strict();
export type DispatchInput = z.infer<typeof DispatchInput>;

export const ReviewInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('confirm'), note: z.string().trim().max(1000).optional(), version: Version }).strict(),
  z.object({ decision: z.literal('return'), note: Note, version: Version }).strict(),
  z.object({ decision: z.literal('merge'), intoMatterId: Id, note: z.string().trim().max(1000).optional(), version: Version }).strict(),
]);
export type ReviewInput = z.infer<typeof ReviewInput>;

export const VersionInput = z.object({ version: Version }).strict();

export const ExtensionInput = z.object({ until: IsoDateTime, reason: Note }).strict();
export const ExtensionDecisionInput = z.object({ approve: z.boolean(), note: z.string().trim().max(500).optional() }).strict();

export const ResolveInput = z.object({ note: Note, photos: z.array(PhotoKey).min(1).max(9), version: Version }).strict();
export type ResolveInput = z.infer<typeof ResolveInput>;

export const RateInput = z
  .object({
    level: RatingLevel,
    stars: z.number().int().min(1).max(5),
    comment: z.string().trim().max(500).optional(),
  })
  .strict();
export type RateInput = z.infer<typeof RateInput>;

export const RateResult = z.object({ matter: FiveListMatter, reopened: z.boolean() });

export const CloseInput = z.object({ note: Note, version: Version }).strict();

export const ListQuery = z
  .object({
    state: FiveListState.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  })
  .strict();

export const UnitScore = z.object({
  unitId: Id,
  unitName: z.string(),
  year: z.number().int(),
  rank: z.number().int().nullable(),
  matters: z.number().int(),
  resolved: z.number().int(),
  onTime: z.number().int(),
  rated: z.number().int(),
  unrated: z.number().int(),
  ratings: z.number().int(),
  satisfiedMatters: z.number().int(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  timeliness: z.number().nullable(),
  meanRating: z.number().nullable(),
  score: z.number().nullable(),
  starRating: z.number().int().min(1).max(5).nullable(),
  ranked: z.boolean(),
  minRated: z.number().int(),
});
export type UnitScore = z.infer<typeof UnitScore>;

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();

// --- councils (居民议事会) ---

export const CouncilResolution = z.object({
  id: Id,
  topic: z.string(),
  text: z.string(),
  implemented: z.boolean(),
  evidence: z.object({ note: z.string(), photos: z.array(Photo), at: IsoDateTime }).optional(),
});

export const Council = z.object({
  id: Id,
  communityId: Id,
  title: z.string(),
  heldOn: IsoDate,
  attendance: z.number().int().min(0),
  topics: z.array(z.string()),
  resolutions: z.array(CouncilResolution),
  published: z.boolean(),
  createdAt: IsoDateTime,
  version: Version,
});
export type Council = z.infer<typeof Council>;

export const CreateCouncilInput = z
  .object({
    title: z.string().trim().min(1).max(100),
    heldOn: IsoDate,
    attendance: z.number().int().min(0).max(10000),
    topics: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
    resolutions: z.array(z.object({ topic: z.string().trim().min(1).max(200), text: z.string().trim().min(1).max(1000) }).strict()).max(30),
    published: z.boolean().default(false),
  })
  .strict();
export type CreateCouncilInput = z.infer<typeof CreateCouncilInput>;

export const ImplementedInput = z
  .object({
    implemented: z.boolean(),
    note: z.string().trim().min(1).max(1000),
    photos: z.array(PhotoKey).max(9).default([]),
    version: Version,
  })
  .strict();

/** Over every council of the community the reader may see (staff: all; residents: the published), not only the page. */
export const ImplementationRate = z.object({ meetings: z.number().int(), resolutions: z.number().int(), implemented: z.number().int(), rate: z.number().nullable() });

/** A page of a community's councils, newest first, and the implementation rate over all of them. */
export const CouncilList = z.object({ items: z.array(Council), cursor: z.string().optional(), implementation: ImplementationRate });

// --- consultations (民生决策咨询) ---

export const ConsultationOption = z.object({ id: z.string(), label: z.string() });

export const Consultation = z.object({
  id: Id,
  /** the community or the sub-district whose residents may vote */
  unitId: Id,
  title: z.string(),
  description: z.string(),
  attachments: z.array(Photo),
  options: z.array(ConsultationOption),
  opensAt: IsoDateTime,
  closesAt: IsoDateTime,
  phase: z.enum(['upcoming', 'open', 'closed']),
  myVote: z.string().optional(),
  /** published once it closes: votes per option */
  result: z.object({ counts: z.record(z.string(), z.number().int()), total: z.number().int() }).optional(),
  commentCount: z.number().int(),
  createdAt: IsoDateTime,
});
export type Consultation = z.infer<typeof Consultation>;

export const CreateConsultationInput = z
  .object({
    unitId: Id,
    title: z.string().trim().min(1).max(100),
    description: z.string().trim().min(1).max(5000),
    attachments: z.array(PhotoKey).max(9).default([]),
    options: z.array(z.string().trim().min(1).max(100)).min(2).max(10),
    opensAt: IsoDateTime,
    closesAt: IsoDateTime,
  })
  .strict();
export type CreateConsultationInput = z.infer<typeof CreateConsultationInput>;

export const VoteInput = z.object({ optionId: z.string().regex(/^o\d{1,2}$/) }).strict();

export const ConsultationComment = z.object({ id: Id, authorName: z.string(), text: z.string(), at: IsoDateTime, mine: z.boolean(), moderation: ModerationMark.optional() });
export const CommentInput = z.object({ text: z.string().trim().min(1).max(500) }).strict();
