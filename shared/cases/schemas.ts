import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from '../http';
import { Photo, PhotoKey } from '../sayItDay/schemas';

/**
 * 案件 (cases): one recorded piece of casework of a kind (shared/cases/kinds.ts): mediation, city-management and
 * hotline cases, and the kinds others add. Bodies of the case engine; the kind's declaration says which of the
 * optional fields a case of it carries and which actions move it.
 */
export const CaseKindName = z.string().regex(/^[a-z][A-Za-z0-9]{1,30}$/, 'kind');
export const CaseSource = z.enum(['patrol', 'hotline', 'resident']);
export const Satisfaction = z.enum(['satisfied', 'partly', 'notSatisfied']);
export const CaseCode = z.string().regex(/^[a-z][A-Za-z0-9]{0,40}$/, 'code');

/** The city system's ticket number as printed on its export: letters, digits, '-' (unique in a sub-district). */
export const TicketNo = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9-]{4,32}$/, 'ticket number'));

export const Place = z
  .object({
    text: z.string().trim().min(2).max(120),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .strict();
export type Place = z.infer<typeof Place>;

export const PartyRole = z.enum(['applicant', 'respondent', 'other']);
export const PartyInput = z
  .object({
    role: PartyRole,
    name: z.string().trim().min(1).max(30),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'phone')
      .optional(),
  })
  .strict();
export type PartyInput = z.infer<typeof PartyInput>;

/** A party as answered: masked (张*, 138****5678); the full values only through the audited reveal. */
export const Party = z.object({ role: PartyRole, name: z.string(), phone: z.string().optional() });
export type Party = z.infer<typeof Party>;

export const CaseTitle = z.string().trim().min(2).max(60);
export const CaseNote = z.string().trim().min(1).max(1000);

export const RaiseCaseInput = z
  .object({
    kind: CaseKindName,
    communityId: Id,
    /** the grid it was found in (a grid worker's own grid on patrol) */
    gridId: Id.optional(),
    category: CaseCode,
    title: CaseTitle,
    description: z.string().trim().max(1000).optional(),
    place: Place.optional(),
    parties: z.array(PartyInput).min(1).max(10).optional(),
    /** the parties agreed to their names and phone numbers being recorded (needed with parties) */
    consent: z.literal(true).optional(),
    ticketNo: TicketNo.optional(),
    source: CaseSource.optional(),
    /** the city system's deadline; else the kind's default from now */
    deadlineAt: IsoDateTime.optional(),
    handlerId: Id.optional(),
    photos: z.array(PhotoKey).max(9).optional(),
    /** a five-list matter this case is linked to */
    linkedMatterId: Id.optional(),
  })
  .strict();
export type RaiseCaseInput = z.input<typeof RaiseCaseInput>;

export const CaseActionInput = z
  .object({
    action: CaseCode,
    /** the version read: a write over a newer one is refused (STALE_VERSION) */
    version: z.number().int().min(0),
    note: CaseNote.optional(),
    photos: z.array(PhotoKey).max(9).optional(),
    /** the day of a dated entry (a session, a follow-up) */
    on: IsoDate.optional(),
    outcome: CaseCode.optional(),
    reply: z.string().trim().min(1).max(500).optional(),
    satisfaction: Satisfaction.optional(),
    handlerId: Id.optional(),
    /** the day of the next follow-up check */
    followUpOn: IsoDate.optional(),
  })
  .strict();
export type CaseActionInput = z.input<typeof CaseActionInput>;

export const CaseHistoryEntry = z.object({
  version: z.number().int(),
  action: z.string(),
  from: z.string().optional(),
  to: z.string(),
  by: z.string(),
  byName: z.string().optional(),
  at: IsoDateTime,
  note: z.string().optional(),
  photos: z.array(Photo).optional(),
  on: z.string().optional(),
  outcome: z.string().optional(),
  reply: z.string().optional(),
  satisfaction: Satisfaction.optional(),
  handlerId: z.string().optional(),
  handlerName: z.string().optional(),
});
export type CaseHistoryEntry = z.infer<typeof CaseHistoryEntry>;

export const Case = z.object({
  id: Id,
  kind: z.string(),
  category: z.string(),
  subdistrictId: Id,
  communityId: Id,
  gridId: Id.optional(),
  title: z.string(),
  description: z.string().optional(),
  place: Place.optional(),
  parties: z.array(Party).optional(),
  consentAt: IsoDateTime.optional(),
  ticketNo: z.string().optional(),
  source: CaseSource.optional(),
  state: z.string(),
  open: z.boolean(),
  overdue: z.boolean(),
  /** open past the kind's backlog days (积案) */
  backlog: z.boolean(),
  deadlineAt: IsoDateTime.optional(),
  stepDeadlineAt: IsoDateTime.optional(),
  handlerId: Id.optional(),
  handlerName: z.string().optional(),
  raisedBy: z.string(),
  raisedByName: z.string().optional(),
  outcome: z.string().optional(),
  reply: z.string().optional(),
  satisfaction: Satisfaction.optional(),
  followUpOn: z.string().optional(),
  sessions: z.number().int().min(0),
  linkedMatterId: Id.optional(),
  photos: z.array(Photo),
  /** the once-only actions already done (a reply, a satisfaction) */
  done: z.array(z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(0),
});
export type Case = z.infer<typeof Case>;

export const CaseDetail = Case.extend({
  history: z.array(CaseHistoryEntry),
  /** the actions the caller may fire now */
  actions: z.array(z.string()),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseListQuery = z
  .object({
    kind: CaseKindName,
    /** China months, inclusive (the period of the figures): cases raised in it */
    from: z.string().regex(/^\d{4}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}$/).optional(),
    state: CaseCode.optional(),
    /** open cases only, or overdue ones only */
    only: z.enum(['open', 'overdue']).optional(),
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  })
  .strict();
export type CaseListQuery = z.input<typeof CaseListQuery>;

export const BacklogQuery = z
  .object({ kind: CaseKindName, cursor: z.string().max(512).optional(), limit: z.coerce.number().int().min(1).max(100).optional() })
  .strict();

export const PartiesReveal = z.object({ parties: z.array(PartyInput.extend({ phone: z.string().optional() })) });

/**
 * The city system's export (12345 / 数字城管) for one community: CSV text, or an xlsx file in base64 (its first sheet).
 * Columns: 工单编号, 来源, 类别, 标题 (or 诉求内容), 地点, 受理时间, 办理时限 (see functions/cases/import.ts).
 */
export const CaseImportInput = z.discriminatedUnion('format', [
  z.object({ format: z.literal('csv'), communityId: Id, fileName: z.string().trim().min(1).max(120).optional(), content: z.string().min(1).max(4_000_000) }).strict(),
  z
    .object({
      format: z.literal('xlsx'),
      communityId: Id,
      fileName: z.string().trim().min(1).max(120).optional(),
      content: z
        .string()
        .min(4)
        .max(5_600_000)
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
    })
    .strict(),
]);
export type CaseImportInput = z.input<typeof CaseImportInput>;

export const ImportRowError = z.object({ row: z.number().int(), column: z.string().optional(), code: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const CaseImport = z.object({
  id: Id,
  communityId: Id,
  fileName: z.string().optional(),
  state: z.enum(['writing', 'done']),
  rows: z.number().int(),
  /** rows whose ticket was already in (re-import adds nothing) */
  present: z.number().int(),
  /** new rows to write, and those written so far (chunks by the work worker) */
  toWrite: z.number().int(),
  written: z.number().int(),
  createdAt: IsoDateTime,
});
export type CaseImport = z.infer<typeof CaseImport>;
