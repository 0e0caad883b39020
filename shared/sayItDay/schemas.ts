import { z } from 'zod';
import { ModerationMark } from '../moderation/schemas';
import { Id, IsoDate, IsoDateTime } from '../http';

/** When a community holds its say-it days. Default: the 5th, 15th and 25th of every month. */
export const ScheduleRule = z.object({
  communityId: Id,
  /** days of the month, 1–28 so that every month has them */
  daysOfMonth: z.array(z.number().int().min(1).max(28)).min(1).max(10),
  /** local time in China (UTC+8), HH:mm */
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'),
  durationMinutes: z.number().int().min(15).max(480),
  place: z.string().trim().min(1).max(100),
  /** matters are taken until this many hours before the start */
  cutoffHours: z.number().int().min(0).max(168),
  updatedAt: IsoDateTime.optional(),
  version: z.number().int().min(0),
});
export type ScheduleRule = z.infer<typeof ScheduleRule>;

export const ScheduleRuleInput = ScheduleRule.omit({ communityId: true, updatedAt: true }).strict();
export type ScheduleRuleInput = z.infer<typeof ScheduleRuleInput>;

export const SessionState = z.enum(['scheduled', 'inProgress', 'closed']);
export type SessionState = z.infer<typeof SessionState>;

export const Session = z.object({
  id: Id,
  communityId: Id,
  subdistrictId: Id,
  communityName: z.string(),
  date: IsoDate,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  /** matters are taken until then */
  cutoffAt: IsoDateTime,
  place: z.string(),
  state: SessionState,
  hostId: Id.optional(),
  hostName: z.string().optional(),
  attendance: z.number().int().min(0).optional(),
  minutes: z.string().optional(),
  matterCount: z.number().int().min(0),
  startedAt: IsoDateTime.optional(),
  closedAt: IsoDateTime.optional(),
  /** counts by outcome, set when the session closes */
  summary: z
    .object({ solvedOnSpot: z.number().int(), toFiveLists: z.number().int(), notAccepted: z.number().int(), withdrawn: z.number().int() })
    .optional(),
  version: z.number().int().min(0),
});
export type Session = z.infer<typeof Session>;

export const MatterCategory = z.enum(['personalDifficulty', 'environment', 'communityBuilding', 'safety', 'other']);
export type MatterCategory = z.infer<typeof MatterCategory>;

export const OutcomeKind = z.enum(['solvedOnSpot', 'toFiveLists', 'notAccepted']);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

export const MatterStatus = z.enum(['submitted', 'withdrawn', 'solvedOnSpot', 'toFiveLists', 'notAccepted']);
export type MatterStatus = z.infer<typeof MatterStatus>;

/** Where the matter is: a position (both coordinates), or an address typed by hand, or both. */
export const Location = z
  .object({
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    address: z.string().trim().min(1).max(120).optional(),
  })
  .strict()
  .refine((l) => (l.latitude === undefined) === (l.longitude === undefined), 'latitude and longitude go together')
  .refine((l) => l.latitude !== undefined || l.address !== undefined, 'a position or an address');

/** An uploaded photo is named by its storage key, which the upload endpoint handed out. */
export const PhotoKey = z.string().regex(/^uploads\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\.(jpg|jpeg|png|webp)$/, 'photo key');

export const Photo = z.object({ key: PhotoKey, url: z.string() });

export const Outcome = z.object({
  kind: OutcomeKind,
  note: z.string().optional(),
  reason: z.string().optional(),
  recordedBy: Id,
  recordedAt: IsoDateTime,
});

export const Matter = z.object({
  id: Id,
  sessionId: Id,
  communityId: Id,
  subdistrictId: Id,
  gridId: Id.optional(),
  /** absent when the matter is anonymous and the reader may not see who raised it */
  authorId: Id.optional(),
  authorName: z.string(),
  anonymous: z.boolean(),
  category: MatterCategory,
  text: z.string(),
  photos: z.array(Photo),
  location: Location.optional(),
  status: MatterStatus,
  outcome: Outcome.optional(),
  secondCount: z.number().int().min(0),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(0),
  /** to its author and staff only: 待审核 or 已隐藏 (with the worker's reason), and photos held back from neighbours */
  moderation: ModerationMark.optional(),
});
export type Matter = z.infer<typeof Matter>;

export const MatterText = z.string().trim().min(5, 'too short').max(1000);

export const SubmitMatterInput = z
  .object({
    category: MatterCategory,
    text: MatterText,
    photos: z.array(PhotoKey).max(9).default([]),
    location: Location.optional(),
    anonymous: z.boolean().default(false),
  })
  .strict();
export type SubmitMatterInput = z.infer<typeof SubmitMatterInput>;

export const EditMatterInput = z
  .object({
    category: MatterCategory.optional(),
    text: MatterText.optional(),
    photos: z.array(PhotoKey).max(9).optional(),
    location: Location.nullable().optional(),
    anonymous: z.boolean().optional(),
    version: z.number().int().min(0),
  })
  .strict();
export type EditMatterInput = z.infer<typeof EditMatterInput>;

export const MatterDetail = z.object({
  matter: Matter,
  session: Session,
  mine: z.boolean(),
  secondedByMe: z.boolean(),
  canEdit: z.boolean(),
  canSecond: z.boolean(),
});
export type MatterDetail = z.infer<typeof MatterDetail>;

export const SecondResult = z.object({ matterId: Id, secondCount: z.number().int() });

export const RecordOutcomeInput = z
  .object({
    kind: OutcomeKind,
    note: z.string().trim().max(1000).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();
export type RecordOutcomeInput = z.infer<typeof RecordOutcomeInput>;

export const MinutesInput = z
  .object({
    attendance: z.number().int().min(0).max(10000),
    minutes: z.string().trim().max(20000),
    version: z.number().int().min(0),
  })
  .strict();
export type MinutesInput = z.infer<typeof MinutesInput>;

export const SessionAgenda = z.object({
  session: Session,
  /** ordered by seconds, most first */
  matters: z.array(Matter),
});
export type SessionAgenda = z.infer<typeof SessionAgenda>;

export const ReminderSubscription = z.object({ communityId: Id, subscribed: z.boolean() });
