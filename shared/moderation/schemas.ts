import { z } from 'zod';
import { Id, IsoDateTime } from '../http';

/**
 * 内容审核 (moderation): what residents write for their neighbours to read is checked by WeChat's content security
 * before it is stored, may be reported by neighbours, and is hidden or restored by community workers.
 */

/** What can be reported and hidden: a say-it day matter, a comment on a consultation. */
export const ContentKind = z.enum(['matter', 'comment']);
export type ContentKind = z.infer<typeof ContentKind>;

/** A matter's id, or `<consultationId>.<commentId>` for a comment (a comment lives under its consultation). */
export const ContentRef = z.string().regex(/^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64})?$/, 'content reference');

export const ReportReason = z.enum(['abuse', 'vulgar', 'ads', 'fraud', 'privacy', 'illegal', 'other']);
export type ReportReason = z.infer<typeof ReportReason>;

/** How an item is held back on the content itself: absent = shown to all who may read it. */
export const ModState = z.enum(['review', 'hidden']);
export type ModState = z.infer<typeof ModState>;

/** A photo's verdict from WeChat's media check: pending until the push arrives. Absent = shown (checked before this). */
export const PhotoCheck = z.enum(['pending', 'pass', 'risky']);
export type PhotoCheck = z.infer<typeof PhotoCheck>;

/** What the author (and staff) see on an item others do not: 待审核 (review) or 已隐藏 with the worker's reason. */
export const ModerationMark = z.object({
  state: ModState,
  reason: z.string().optional(),
  /** photos not shown to others yet (pending) or at all (risky) */
  photosHeld: z.number().int().min(0).optional(),
});
export type ModerationMark = z.infer<typeof ModerationMark>;

/** Why an item waits in the queue. */
export const QueueCause = z.enum(['review', 'unchecked', 'reported', 'photo']);
export type QueueCause = z.infer<typeof QueueCause>;

export const QueueItem = z.object({
  kind: ContentKind,
  ref: ContentRef,
  communityId: Id.optional(),
  subdistrictId: Id,
  text: z.string(),
  authorName: z.string(),
  causes: z.array(QueueCause),
  reportCount: z.number().int().min(0),
  reasons: z.partialRecord(ReportReason, z.number().int()),
  state: z.enum(['open', 'hidden', 'passed']),
  /** the last time it entered or was reported: the queue's order, newest first */
  at: IsoDateTime,
  /** the mini-program page that shows it */
  link: z.string().optional(),
});
export type QueueItem = z.infer<typeof QueueItem>;

/** 已隐藏: an item a worker hid, as the hidden list shows it (newest hide first): what it said, who hid it, when, why. */
export const HiddenItem = z.object({
  kind: ContentKind,
  ref: ContentRef,
  communityId: Id.optional(),
  subdistrictId: Id,
  /** the first 120 characters of what was judged */
  excerpt: z.string(),
  authorName: z.string(),
  hiddenAt: IsoDateTime,
  hiddenBy: z.string(),
  reason: z.string(),
  link: z.string().optional(),
});
export type HiddenItem = z.infer<typeof HiddenItem>;

export const ReportInput = z.object({ reason: ReportReason }).strict();
export const HideInput = z.object({ reason: z.string().trim().min(2).max(200) }).strict();
export const RestoreInput = z.object({ note: z.string().trim().max(200).optional() }).strict();
export const QueueQuery = z
  .object({ unitId: Id, cursor: z.string().max(512).optional(), limit: z.coerce.number().int().min(1).max(50).optional() })
  .strict();

/** The hidden list's query: the same reach as the queue's. */
export const HiddenQuery = QueueQuery;

export const ReportResult = z.object({ reported: z.literal(true) });
export const Decision = z.object({ kind: ContentKind, ref: ContentRef, state: z.enum(['hidden', 'passed']) });
export const WaitingCount = z.object({ waiting: z.number().int().min(0), more: z.boolean() });
