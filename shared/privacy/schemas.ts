import { z } from 'zod';
import { Id, IsoDateTime } from '../http';
import { purgeKinds } from './retention';

/** 个人信息与隐私 (issue 11 item 7): the policy and my acceptance, my data as a download, my consents, closing my account. */

export const PrivacyPolicy = z.object({
  version: z.string(),
  textZh: z.string(),
  textEn: z.string(),
  /** what changed since the version before (shown when a person who accepted an older one is asked again) */
  changesZh: z.string().optional(),
  changesEn: z.string().optional(),
});

/**
 * What the app reads at launch and on 我的: the current policy, the version I accepted, and `code:
 * PRIVACY_POLICY_NEW_VERSION` when the current one is newer (the app then shows it and asks again).
 */
export const PrivacyState = z.object({
  policy: PrivacyPolicy,
  acceptedVersion: z.string().optional(),
  acceptedAt: IsoDateTime.optional(),
  needsAcceptance: z.boolean(),
  code: z.literal('PRIVACY_POLICY_NEW_VERSION').optional(),
});
export type PrivacyState = z.infer<typeof PrivacyState>;

export const AcceptPolicyInput = z.object({ version: z.string().regex(/^\d{4}-\d{2}$/) }).strict();

export const ExportState = z.object({
  state: z.enum(['none', 'preparing', 'ready', 'failed']),
  requestedAt: IsoDateTime.optional(),
  readyAt: IsoDateTime.optional(),
  /** when the file is deleted (retention: 7 days after it is ready) */
  expiresAt: IsoDateTime.optional(),
  /** short-lived (15 minutes) download URLs, only when ready */
  url: z.string().optional(),
  xlsxUrl: z.string().optional(),
  /** how many records of each kind the file holds */
  counts: z.record(z.string(), z.number().int()).optional(),
});
export type ExportState = z.infer<typeof ExportState>;

export const ConsentKind = z.enum(['relief', 'volunteerIdNumber', 'elderCareProxy', 'privacyPolicy']);
export type ConsentKind = z.infer<typeof ConsentKind>;

/** A consent I gave, what withdrawing it means, and whether it can be withdrawn here. */
export const ConsentEntry = z.object({
  /** `<kind>:<ref>` */
  id: z.string(),
  kind: ConsentKind,
  titleZh: z.string(),
  titleEn: z.string(),
  textVersion: z.string().optional(),
  givenAt: IsoDateTime.optional(),
  withdrawnAt: IsoDateTime.optional(),
  /** what withdrawing it does, shown before confirming */
  effectZh: z.string(),
  effectEn: z.string(),
  withdrawable: z.boolean(),
});
export type ConsentEntry = z.infer<typeof ConsentEntry>;

export const ConsentId = z.string().regex(/^(relief|volunteerIdNumber|elderCareProxy|privacyPolicy):[A-Za-z0-9_-]{1,64}$/, 'consent id');
export const WithdrawConsentInput = z.object({ consentId: ConsentId, confirm: z.literal(true) }).strict();

/** Closing my account: the confirmation is typed, so a stray tap closes nothing. */
export const CloseAccountInput = z.object({ confirm: z.enum(['注销', 'CLOSE']) }).strict();
export const Closed = z.object({ ok: z.literal(true), closedAt: IsoDateTime });

export const RetentionRow = z.object({ kind: z.string(), nameZh: z.string(), nameEn: z.string(), days: z.number().int().optional(), from: z.string(), then: z.string(), enforcedBy: z.string() });

export const PurgePayload = z.object({ at: IsoDateTime.optional(), kinds: z.array(z.enum(purgeKinds)).min(1).optional() }).strict();
export type PurgePayload = z.infer<typeof PurgePayload>;

export { Id };
