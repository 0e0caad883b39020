import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from '../http';
import { isValidIdNumber } from '../platform/idNumber';

/** Relief (救助帮扶): applications, review, disbursements, figures, the registry and visits. Types are z.infer of these. */

export const ReliefType = z.enum(['dibao', 'temporaryRelief', 'severeDisabilitySubsidy', 'veteranCare', 'housingSubsidy', 'seniorAllowance', 'seniorCard', 'disabilityCard']);
export type ReliefType = z.infer<typeof ReliefType>;

export const Relation = z.enum(['self', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'other']);
export const ApplicationStatus = z.enum(['draft', 'submitted', 'infoRequested', 'communityApproved', 'approved', 'rejected', 'withdrawn']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;
export const ReviewLevel = z.enum(['community', 'subdistrict']);
export type ReviewLevel = z.infer<typeof ReviewLevel>;

/** YYYY-MM: a disbursement's period and the figures' months */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period YYYY-MM');

/** an 18-digit ID number whose check digit is right (GB 11643) */
export const IdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, 'idNumber')
  .refine(isValidIdNumber, 'idNumber check digit or birth date');
export const BankAccount = z.string().trim().regex(/^\d{12,30}$/, 'bankAccount');
export const Money = z.number().min(0).max(1_000_000);

export const DisabilityCategory = z.enum(['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple']);
export const Disability = z.object({ category: DisabilityCategory, grade: z.number().int().min(1).max(4) }).strict();

/** One person of the household. idNumber, monthlyIncome, disability and health are sensitive: stored encrypted. */
export const MemberInput = z
  .object({
    name: z.string().trim().min(1).max(30),
    relation: Relation,
    idNumber: IdNumber,
    monthlyIncome: Money.optional(),
    disability: Disability.optional(),
    /** a serious illness or other health fact, in the applicant's words */
    health: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type MemberInput = z.infer<typeof MemberInput>;

export const Household = z
  .array(MemberInput)
  .min(1)
  .max(10)
  .refine((ms) => ms.filter((m) => m.relation === 'self').length === 1, 'exactly one member is the applicant (relation self)')
  .refine((ms) => new Set(ms.map((m) => m.idNumber)).size === ms.length, 'each member once');

export const DocumentKind = z.enum([
  'idCard',
  'householdRegister',
  'incomeProof',
  'disabilityCertificate',
  'medicalRecord',
  'veteranCertificate',
  'tenancyContract',
  'bankCard',
  'photo',
  'emergencyProof',
  'other',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;
/**
 * Where relief's documents live: their own prefix, encrypted with SSE-KMS under the relief key, read only by the
 * function that serves the audited view. `relief/` held them before (SSE-S3); scripts/migrateReliefDocuments.ts moves them.
 */
export const DOCUMENTS_PREFIX = 'relief-docs/';
export const LEGACY_DOCUMENTS_PREFIX = 'relief/';
/** a file uploaded through POST /relief/uploads: `relief-docs/<uploader>/<id>.<ext>` */
export const DocumentKey = z.string().regex(/^relief-docs\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}\.(jpg|png|webp|pdf)$/, 'document key');
/** a document's opaque id in answers: the id of its upload (the file name without its extension) */
export const DocumentId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'document id');
/** The id of a stored document key (either prefix). */
export const documentIdOf = (key: string): string => key.slice(key.lastIndexOf('/') + 1).replace(/\.[a-z]+$/, '');
/** A document to attach: a new upload by its key, or one already attached by its id (answers carry no keys). */
export const DocumentRef = z.union([z.object({ kind: DocumentKind, key: DocumentKey }).strict(), z.object({ kind: DocumentKind, id: DocumentId }).strict()]);
export type DocumentRef = z.infer<typeof DocumentRef>;

// --- the form of each type (its fields beyond the household); bank accounts and certificate numbers are sensitive ---
export const forms = {
  dibao: z.object({ reason: z.string().trim().min(1).max(500), housing: z.enum(['owned', 'rented', 'public', 'other']), bankAccount: BankAccount }).strict(),
  temporaryRelief: z
    .object({
      emergency: z.enum(['illness', 'accident', 'disaster', 'bereavement', 'other']),
      occurredOn: IsoDate,
      description: z.string().trim().min(1).max(500),
      requestedAmount: z.number().min(1).max(100_000),
      bankAccount: BankAccount,
    })
    .strict(),
  severeDisabilitySubsidy: z.object({ disabilityCertificateNo: z.string().trim().regex(/^[0-9A-Z]{18,22}$/, 'certificate number'), bankAccount: BankAccount }).strict(),
  veteranCare: z
    .object({ category: z.enum(['disabledVeteran', 'martyrFamily', 'retiredVeteran', 'other']), certificateNo: z.string().trim().min(4).max(30), bankAccount: BankAccount })
    .strict(),
  housingSubsidy: z
    .object({ residence: z.enum(['rented', 'shared', 'employerDorm']), monthlyRent: Money, ownsHome: z.boolean(), employer: z.string().trim().max(60).optional(), bankAccount: BankAccount })
    .strict(),
  seniorAllowance: z.object({ bankAccount: BankAccount }).strict(),
  seniorCard: z.object({ pickup: z.enum(['community', 'mail']) }).strict(),
  disabilityCard: z.object({ category: DisabilityCategory, assessmentHospital: z.string().trim().max(60).optional() }).strict(),
} as const satisfies Record<ReliefType, z.ZodType>;

const application = <T extends ReliefType>(type: T) =>
  z
    .object({
      type: z.literal(type),
      household: Household,
      form: forms[type],
      documents: z.array(DocumentRef).max(20).default([]),
      /** proxy filing: the resident it is for, and the grid of the worker filing it */
      forUserId: Id.optional(),
      gridId: Id.optional(),
    })
    .strict();
export const ApplicationInput = z.discriminatedUnion('type', [
  application('dibao'),
  application('temporaryRelief'),
  application('severeDisabilitySubsidy'),
  application('veteranCare'),
  application('housingSubsidy'),
  application('seniorAllowance'),
  application('seniorCard'),
  application('disabilityCard'),
]);
export type ApplicationInput = z.infer<typeof ApplicationInput>;

/** A draft is replaced whole (household, form, documents), on the version read. */
export const EditApplicationInput = z
  .object({ household: Household, form: z.record(z.string(), z.unknown()), documents: z.array(DocumentRef).max(20), version: z.number().int().min(0) })
  .strict();
export type EditApplicationInput = z.infer<typeof EditApplicationInput>;

export const VersionInput = z.object({ version: z.number().int().min(0) }).strict();
export const ConsentInput = z.union([
  /** the resident confirms in the app */
  z.object({ method: z.literal('app'), textVersion: z.string().min(1).max(20), version: z.number().int().min(0) }).strict(),
  /** the grid worker records the resident's signed paper form, with a photo of it */
  z.object({ method: z.literal('signedForm'), textVersion: z.string().min(1).max(20), photoKey: DocumentKey, version: z.number().int().min(0) }).strict(),
]);
export type ConsentInput = z.infer<typeof ConsentInput>;

export const ReviewInput = z
  .object({
    decision: z.enum(['approve', 'reject', 'requestInfo']),
    /** the reason (reject), what is missing (requestInfo), or a note */
    note: z.string().trim().min(1).max(500).optional(),
    missing: z.array(z.string().trim().min(1).max(60)).max(10).optional(),
    /** the amount set at approval where the type's amount is assessed (or adjusted), yuan per period */
    amount: Money.optional(),
    version: z.number().int().min(0),
  })
  .strict();
export type ReviewInput = z.infer<typeof ReviewInput>;

export const RevealInput = z.object({ reason: z.string().trim().min(4).max(200) }).strict();

export const UploadInput = z
  .object({ contentType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']), size: z.number().int().min(1).max(10 * 1024 * 1024) })
  .strict();

export const RegionRules = z
  .object({
    /** 低保 standard: monthly income per person below which a household qualifies, yuan */
    dibaoLine: Money,
    dibaoReviewMonths: z.number().int().min(1).max(36),
    /** days a dibao approval stays on the public notice */
    dibaoNoticeDays: z.number().int().min(1).max(365),
    temporaryReliefCap: Money,
    severeDisabilityMonthly: Money,
    veteranCareMonthly: Money,
    housingSubsidyMonthly: Money,
    housingIncomeLimit: Money,
    seniorAllowanceAge: z.number().int().min(60).max(120),
    seniorAllowanceMonthly: Money,
    seniorCardAge: z.number().int().min(50).max(100),
  })
  .strict();
export type RegionRules = z.infer<typeof RegionRules>;

// --- what is answered: sensitive values masked ---
export const Check = z.object({ code: z.string(), ok: z.boolean(), messageZh: z.string(), messageEn: z.string() });
export type Check = z.infer<typeof Check>;
export const Eligibility = z.object({ eligible: z.boolean(), checks: z.array(Check), suggestedAmount: z.number().optional(), persons: z.number().int() });
export type Eligibility = z.infer<typeof Eligibility>;

export const MemberView = z.object({
  name: z.string(),
  relation: Relation,
  /** 440305********1234 */
  idNumber: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
  /** '***' where given */
  monthlyIncome: z.string().optional(),
  disability: z.string().optional(),
  health: z.string().optional(),
});
/** An attached document as answered: no key, no URL; `present`: stored where the audited view can open it. */
export const DocumentView = z.object({ id: DocumentId, kind: DocumentKind, present: z.boolean() });
/** The signed paper form's photo is a document too: viewed through the same audited endpoint, by its id. */
export const Consent = z.object({ textVersion: z.string(), method: z.enum(['app', 'signedForm']), at: IsoDateTime, byName: z.string(), photo: z.object({ id: DocumentId, present: z.boolean() }).optional() });

export const Application = z.object({
  id: Id,
  type: ReliefType,
  status: ApplicationStatus,
  /** the level whose decision is awaited */
  awaiting: ReviewLevel.optional(),
  chain: z.array(ReviewLevel),
  subdistrictId: Id,
  communityId: Id,
  gridId: Id.optional(),
  ownerId: Id,
  ownerName: z.string(),
  proxy: z.boolean(),
  filedByName: z.string().optional(),
  household: z.array(MemberView),
  /** the form with bank accounts and certificate numbers masked */
  form: z.record(z.string(), z.unknown()),
  documents: z.array(DocumentView),
  missingDocuments: z.array(DocumentKind),
  consent: Consent.optional(),
  /** who confirmed the members are the applicant's household: the registry, or a worker (by name); absent: not yet */
  householdConfirmed: z.object({ by: z.enum(['registry', 'worker']), byName: z.string().optional(), at: IsoDateTime }).optional(),
  eligibility: Eligibility,
  amount: z.number().optional(),
  persons: z.number().int(),
  infoRequested: z.object({ note: z.string(), missing: z.array(z.string()), at: IsoDateTime }).optional(),
  decisionReason: z.string().optional(),
  submittedAt: IsoDateTime.optional(),
  waitingSince: IsoDateTime.optional(),
  /** the rule version that applies (shared/relief/rules.ts: in force on the submission day; 0: the built-in table) */
  rulesVersion: z.object({ version: z.number().int(), effectiveFrom: IsoDate }).optional(),
  /** the level awaited must decide by this (its version's deadline in working days); overdue once passed */
  dueAt: IsoDateTime.optional(),
  overdue: z.boolean().optional(),
  decidedAt: IsoDateTime.optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int(),
});
export type Application = z.infer<typeof Application>;

export const HistoryEntry = z.object({
  at: IsoDateTime,
  action: z.string(),
  from: ApplicationStatus.optional(),
  to: ApplicationStatus,
  byName: z.string(),
  level: ReviewLevel.optional(),
  note: z.string().optional(),
});
export const ApplicationDetail = z.object({ application: Application, timeline: z.array(HistoryEntry), actions: z.array(z.string()) });

export const ApplicationSummary = z.object({
  id: Id,
  type: ReliefType,
  status: ApplicationStatus,
  awaiting: ReviewLevel.optional(),
  communityId: Id,
  gridId: Id.optional(),
  ownerName: z.string(),
  proxy: z.boolean(),
  persons: z.number().int(),
  eligible: z.boolean(),
  waitingSince: IsoDateTime.optional(),
  /** hours waited in the current queue */
  waitedHours: z.number().optional(),
  /** when the level awaited must decide by (its rule version's deadline in working days), and whether that has passed */
  dueAt: IsoDateTime.optional(),
  overdue: z.boolean().optional(),
  createdAt: IsoDateTime,
});

export const Revealed = z.object({
  applicationId: Id,
  members: z.array(z.object({ name: z.string(), idNumber: z.string(), monthlyIncome: z.number().optional(), disability: Disability.optional(), health: z.string().optional() })),
  form: z.record(z.string(), z.unknown()),
  auditId: Id,
});
/** A worker-added registry household's head ID number, in full: audited like an application's reveal */
export const RegistryRevealed = z.object({ householdId: z.string(), headName: z.string(), headIdNumber: z.string(), auditId: Id });
export const AuditEntry = z.object({ id: Id, at: IsoDateTime, byId: Id, byName: z.string(), reason: z.string(), fields: z.array(z.string()), applicationId: Id, documentId: DocumentId.optional() });

/** POST …/documents/{documentId}/view: a reason, as for the reveal */
export const ViewDocumentInput = z.object({ reason: z.string().trim().min(4).max(200) }).strict();
/** How long a document's URL works: long enough to open it, too short to pass it on. */
export const DOCUMENT_URL_SECONDS = 60;
export const DocumentOpened = z.object({ applicationId: Id, documentId: DocumentId, kind: z.union([DocumentKind, z.literal('signedConsent')]), url: z.string(), expiresAt: IsoDateTime, auditId: Id });

export const UploadResult = z.object({ key: z.string(), url: z.string(), fields: z.record(z.string(), z.string()), expiresAt: z.string() });
export const ConsentText = z.object({ version: z.string(), textZh: z.string(), textEn: z.string() });
export const ReliefTypeInfo = z.object({
  type: ReliefType,
  nameZh: z.string(),
  nameEn: z.string(),
  chain: z.array(ReviewLevel),
  documents: z.array(z.object({ kind: DocumentKind, required: z.boolean() })),
  amount: z.enum(['gapToLine', 'fixedMonthly', 'assessed', 'none']),
  recurring: z.boolean(),
  formFields: z.array(z.string()),
  // the rule version in force today (shared/relief/rules.ts; 0: the built-in table), its thresholds and amounts, its
  // levels with their deadlines in working days, and the next one where one is scheduled
  version: z.number().int().min(0).optional(),
  effectiveFrom: IsoDate.optional(),
  parameters: z.record(z.string(), z.number()).optional(),
  levels: z.array(z.object({ role: z.enum(['communityWorker', 'subdistrictOfficer']), deadlineDays: z.number().int() })).optional(),
  nextVersion: z.object({ version: z.number().int(), effectiveFrom: IsoDate }).optional(),
});

export const NoticeItem = z.object({ name: z.string(), type: ReliefType, persons: z.number().int(), approvedOn: IsoDate, until: IsoDate });

// --- disbursements and figures ---
export const Disbursement = z.object({
  communityId: Id,
  period: Period,
  type: ReliefType,
  householdId: z.string(),
  /** masked */
  headName: z.string(),
  persons: z.number().int(),
  amount: z.number(),
  status: z.enum(['pending', 'paid']),
  source: z.enum(['batch', 'import']),
  paidOn: IsoDate.optional(),
  createdAt: IsoDateTime,
});
export const BatchInput = z.object({ period: Period, type: ReliefType.optional() }).strict();
export const BatchResult = z.object({ created: z.number().int(), existing: z.number().int(), total: z.number().int() });
/** The civil-affairs export as CSV text, or as an xlsx file in base64 (its first sheet is read). */
export const ImportInput = z.discriminatedUnion('format', [
  z.object({ format: z.literal('csv'), content: z.string().min(1).max(4_000_000) }).strict(),
  z
    .object({
      format: z.literal('xlsx'),
      content: z
        .string()
        .min(4)
        .max(5_600_000)
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
    })
    .strict(),
]);
/**
 * A payments import: its rows were all checked when it was sent (all or none); the payments are written by the relief
 * worker in chunks. `pending` until every row is written or found present, `failed` when the worker gave up (a dead
 * letter: the rows written so far stay, and sending the file again adds only the rest).
 */
export const ImportState = z.object({
  id: z.string(),
  state: z.enum(['pending', 'done', 'failed']),
  rows: z.number().int(),
  /** payments written by this import */
  imported: z.number().int(),
  /** rows whose payment was there already (an earlier import or batch) */
  alreadyPresent: z.number().int(),
  createdAt: IsoDateTime,
  finishedAt: IsoDateTime.optional(),
});
export const MarkPaidInput = z.object({ period: Period, type: ReliefType, householdIds: z.array(z.string().min(1).max(64)).min(1).max(100), paidOn: IsoDate }).strict();
export const DisbursementQuery = z.object({ period: Period, type: ReliefType.optional(), cursor: z.string().max(512).optional() }).strict();

export const FigureRow = z.object({ type: ReliefType, nameZh: z.string(), householdTimes: z.number().int(), personTimes: z.number().int(), amount: z.number(), line: z.string() });
export const FiguresQuery = z.object({ unitId: Id, from: Period, to: Period, type: ReliefType.optional() }).strict();
export const Figures = z.object({
  unitId: Id,
  unitName: z.string(),
  from: Period,
  to: Period,
  rows: z.array(FigureRow),
  months: z.array(z.object({ period: Period, type: ReliefType, householdTimes: z.number().int(), personTimes: z.number().int(), amount: z.number() })),
});
export const FiguresExportQuery = FiguresQuery.extend({ format: z.enum(['csv', 'xlsx']).optional() }).strict();
/** csv: the text (UTF-8 with BOM); xlsx: the file in base64 (`encoding`) */
export const FiguresExport = z.object({ filename: z.string(), contentType: z.string(), content: z.string(), encoding: z.enum(['utf8', 'base64']).optional() });

// --- the registry, screening, must-visits, pairing ---
export const RegistryTag = z.enum(['elderlyAlone', 'disability', 'seriousIllness', 'dibao', 'lowIncome', 'leftBehindChild', 'veteran', 'other']);
export const ScreeningFlag = z.object({ kind: z.enum(['annualReview', 'ageThreshold', 'benefitExpiring', 'visitDue']), reason: z.string(), month: Period });
export type ScreeningFlag = z.infer<typeof ScreeningFlag>;
export const RegistryEntry = z.object({
  householdId: z.string(),
  communityId: Id,
  gridId: Id.optional(),
  headName: z.string(),
  tags: z.array(RegistryTag),
  benefits: z.array(z.object({ type: ReliefType, since: IsoDate, until: IsoDate.optional() })),
  source: z.enum(['application', 'worker']),
  note: z.string().optional(),
  flags: z.array(ScreeningFlag),
  screenedMonth: Period.optional(),
  lastVisitAt: IsoDateTime.optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int(),
});
export const AddRegistryInput = z
  .object({ gridId: Id.optional(), headName: z.string().trim().min(1).max(30), headIdNumber: IdNumber, tags: z.array(RegistryTag).min(1).max(8), note: z.string().trim().max(200).optional() })
  .strict();
export const TagsInput = z.object({ tags: z.array(RegistryTag).max(8), version: z.number().int().min(0) }).strict();
export const RegistryQuery = z.object({ gridId: Id.optional(), flagged: z.enum(['true', 'false']).optional(), cursor: z.string().max(512).optional() }).strict();

export const MustVisitKind = z.enum(['hardship', 'accidentOrDisaster', 'seriousIllness', 'bereavement']);
export type MustVisitKind = z.infer<typeof MustVisitKind>;
export const RecordEventInput = z
  .object({ householdId: z.string().min(1).max(64), kind: MustVisitKind, note: z.string().trim().min(1).max(300), occurredOn: IsoDate, assigneeId: Id.optional() })
  .strict();
export const VisitLogInput = z.object({ found: z.string().trim().min(1).max(500), photos: z.array(z.string().max(200)).max(9).default([]) }).strict();
export const VisitLog = z.object({ id: Id, at: IsoDateTime, byName: z.string(), found: z.string(), photos: z.array(z.object({ key: z.string(), url: z.string() })) });
export const MustVisit = z.object({
  id: Id,
  communityId: Id,
  householdId: z.string(),
  headName: z.string(),
  kind: MustVisitKind,
  note: z.string(),
  occurredOn: IsoDate,
  deadlineAt: IsoDateTime,
  assigneeId: Id,
  assigneeName: z.string(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  logs: z.array(VisitLog),
  createdAt: IsoDateTime,
});
export const OverdueByWorker = z.object({ items: z.array(z.object({ workerId: Id, workerName: z.string(), open: z.number().int(), overdue: z.number().int() })) });
export const PairInput = z.object({ householdId: z.string().min(1).max(64), userId: Id, role: z.enum(['partyMember', 'volunteer']) }).strict();
export const Pairing = z.object({ householdId: z.string(), userId: Id, userName: z.string(), role: z.enum(['partyMember', 'volunteer']), visits: z.array(VisitLog), createdAt: IsoDateTime });
/** One registry household: its entry, its must-visits (open and done) with their logs, its pairings with their visits. */
export const RegistryHousehold = z.object({ entry: RegistryEntry, mustVisits: z.array(MustVisit), pairings: z.array(Pairing) });
/** A household I am paired with (the head's name masked), to log my visits. */
export const MyPairing = z.object({ communityId: Id, householdId: z.string(), headName: z.string(), role: z.enum(['partyMember', 'volunteer']), createdAt: IsoDateTime });
