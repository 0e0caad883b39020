import { z } from 'zod';
import { Id, IsoDateTime } from '../http';

/** The subscribe-message templates the app asks residents for, by our name; their WeChat ids are configuration. */
export const TemplateKey = z.enum(['sessionReminder', 'matterOutcome', 'signupPromoted', 'signupCancelled', 'signupChanged', 'eventReminder', 'hoursConfirmed', 'fiveListsProgress', 'fiveListsTask', 'fiveListsOverdue', 'reliefDecision', 'reliefReview', 'reliefVisit', 'announcement', 'elderCareBooking', 'emergencyHelp']);
export type TemplateKey = z.infer<typeof TemplateKey>;

export const InboxItem = z.object({
  id: Id,
  template: TemplateKey,
  /** the text's key in shared/notifications/texts.ts and its params; absent on items stored before texts had keys */
  key: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  /** in Chinese (what items stored before keys hold, and what old clients show) */
  title: z.string(),
  body: z.string(),
  /** in English, rendered from the key when the item is read; absent on items without a key */
  titleEn: z.string().optional(),
  bodyEn: z.string().optional(),
  /** the mini-program page it opens */
  link: z.string().optional(),
  createdAt: IsoDateTime,
  read: z.boolean(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const UnreadCount = z.object({ unread: z.number().int().min(0) });

/** What the outbox or a worker gave up on after its retries, as operators see it (no personal data). */
export const DeadLetter = z.object({
  id: z.string(),
  /** `outbox` (a subscribe message) or `work:<queue>.<kind>` (a work item) */
  source: z.string(),
  /** what it was about: a template, or the id of the activity, event or matter */
  ref: z.string(),
  attempts: z.number().int(),
  lastError: z.string(),
  firstAt: IsoDateTime,
  failedAt: IsoDateTime,
});
export type DeadLetter = z.infer<typeof DeadLetter>;

export const MarkReadInput = z.object({ ids: z.array(Id).min(1).max(100) }).strict();

/** What wx.requestSubscribeMessage answered, per template id; the backend counts each 'accept' as one send. */
export const SubscribeResultInput = z
  .object({
    results: z.record(z.string().min(1).max(64), z.enum(['accept', 'reject', 'ban', 'filter'])),
  })
  .strict();

export const SubscriptionCounts = z.object({
  counts: z.record(z.string(), z.number().int().min(0)),
});

export const ClientConfig = z.object({
  /** WeChat template id for each of our template keys */
  templates: z.record(z.string(), z.string()),
  env: z.enum(['local', 'cloud']),
});
