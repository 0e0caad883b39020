import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from '../http';
import { Photo, PhotoKey } from '../sayItDay/schemas';
import { safetyCaseKinds } from './kinds';
import { siteTypes } from './siteTypes';

/**
 * 安全生产 / 消防 and 门前三包 / 违建 (issue 12): the register of sites and their inspections, hazards and their
 * rectification; shops with their street-front agreement per year; illegal-building reports passed on to the
 * enforcement bureau. Hazards and illegal-building reports are safety cases: a kind (data: shared/safety/kinds/),
 * a state, a history.
 */
export const SiteType = z.enum(siteTypes);
export const SafetyCaseKind = z.enum(safetyCaseKinds);

const Name = z.string().trim().min(2, 'too short').max(40);
const Address = z.string().trim().max(80);
const Note = z.string().trim().max(300);

export const RegisterSiteInput = z.object({ type: SiteType, name: Name, address: Address.optional(), contact: z.string().trim().max(40).optional() }).strict();
export type RegisterSiteInput = z.infer<typeof RegisterSiteInput>;

export const Site = z.object({
  id: Id,
  communityId: Id,
  type: SiteType,
  name: z.string(),
  address: z.string().optional(),
  contact: z.string().optional(),
  createdAt: IsoDateTime,
  inspections: z.number().int().min(0),
  lastInspectedAt: IsoDateTime.optional(),
  /** hazards found here not closed yet */
  openHazards: z.number().int().min(0),
});
export type Site = z.infer<typeof Site>;

export const ItemResult = z
  .object({
    itemId: z.string().regex(/^[A-Za-z]{1,40}$/, 'item'),
    ok: z.boolean(),
    /** a hazard says what is wrong */
    note: Note.optional(),
    photo: PhotoKey.optional(),
  })
  .strict();
export type ItemResult = z.infer<typeof ItemResult>;

export const InspectInput = z.object({ results: z.array(ItemResult).min(1).max(30), note: Note.optional() }).strict();
export type InspectInput = z.infer<typeof InspectInput>;

export const Inspection = z.object({
  id: Id,
  siteId: Id,
  communityId: Id,
  at: IsoDateTime,
  inspectorName: z.string(),
  results: z.array(z.object({ itemId: z.string(), ok: z.boolean(), note: z.string().optional(), photo: Photo.optional(), hazardId: Id.optional() })),
  note: z.string().optional(),
  hazards: z.number().int().min(0),
});
export type Inspection = z.infer<typeof Inspection>;

export const HistoryEntry = z.object({
  action: z.string(),
  state: z.string(),
  at: IsoDateTime,
  byName: z.string(),
  note: z.string().optional(),
  photos: z.array(Photo),
  outcome: z.string().optional(),
  deadline: IsoDate.optional(),
});

export const SafetyCase = z.object({
  id: Id,
  kind: SafetyCaseKind,
  communityId: Id,
  state: z.string(),
  open: z.boolean(),
  createdAt: IsoDateTime,
  reporterName: z.string(),
  /** hazard: the site and checklist item it was found at */
  siteId: Id.optional(),
  siteName: z.string().optional(),
  itemId: z.string().optional(),
  /** illegal building: where it is; hazard: the site's name */
  place: z.string(),
  description: z.string(),
  photos: z.array(Photo),
  /** hazard: the rectification deadline (a China day) */
  deadline: IsoDate.optional(),
  /** hazard: the deadline it was found with (in time means by this one) */
  firstDeadline: IsoDate.optional(),
  overdue: z.boolean(),
  outcome: z.string().optional(),
  closedAt: IsoDateTime.optional(),
  /** hazard: closed by its deadline */
  inTime: z.boolean().optional(),
  version: z.number().int().min(0),
  history: z.array(HistoryEntry).optional(),
  /** what the caller may do now */
  actions: z.array(z.string()).optional(),
});
export type SafetyCase = z.infer<typeof SafetyCase>;

export const SiteDetail = z.object({ site: Site, recentInspections: z.array(Inspection), openHazards: z.array(SafetyCase) });
export type SiteDetail = z.infer<typeof SiteDetail>;

export const InspectResult = z.object({ inspection: Inspection, hazards: z.array(SafetyCase) });
export type InspectResult = z.infer<typeof InspectResult>;

export const CaseStepInput = z
  .object({
    action: z.string().regex(/^[A-Za-z]{1,40}$/, 'action'),
    note: Note.optional(),
    photos: z.array(PhotoKey).max(9).default([]),
    outcome: z.string().regex(/^[A-Za-z]{1,40}$/, 'outcome').optional(),
    deadline: IsoDate.optional(),
    version: z.number().int().min(0),
  })
  .strict();
export type CaseStepInput = z.infer<typeof CaseStepInput>;

export const ReportIllegalBuildingInput = z
  .object({ place: z.string().trim().min(2, 'too short').max(80), description: z.string().trim().min(2, 'too short').max(500), photos: z.array(PhotoKey).min(1).max(9) })
  .strict();
export type ReportIllegalBuildingInput = z.infer<typeof ReportIllegalBuildingInput>;

export const CasesQuery = z
  .object({ kind: SafetyCaseKind, open: z.enum(['true', 'false']).optional(), cursor: z.string().max(512).optional(), limit: z.coerce.number().int().min(1).max(100).optional() })
  .strict();

export const RegisterShopInput = z.object({ name: Name, address: Address.optional(), owner: z.string().trim().max(40).optional() }).strict();
export type RegisterShopInput = z.infer<typeof RegisterShopInput>;

export const Year = z.coerce.number().int().min(2000).max(2100);

export const Agreement = z.object({ shopId: Id, year: z.number().int(), signedOn: IsoDate, photo: Photo.optional(), recordedByName: z.string(), recordedAt: IsoDateTime });
export type Agreement = z.infer<typeof Agreement>;

export const Shop = z.object({
  id: Id,
  communityId: Id,
  name: z.string(),
  address: z.string().optional(),
  owner: z.string().optional(),
  createdAt: IsoDateTime,
  /** the agreement of the year asked about, when signed */
  agreement: Agreement.optional(),
});
export type Shop = z.infer<typeof Shop>;

export const ShopsOfYear = z.object({
  year: z.number().int(),
  items: z.array(Shop),
  shops: z.number().int().min(0),
  signed: z.number().int().min(0),
  /** signed / shops, 0..1; absent with no shops */
  signingRate: z.number().min(0).max(1).optional(),
});
export type ShopsOfYear = z.infer<typeof ShopsOfYear>;

export const SignAgreementInput = z.object({ year: z.number().int().min(2000).max(2100), signedOn: IsoDate, photo: PhotoKey.optional() }).strict();
export type SignAgreementInput = z.infer<typeof SignAgreementInput>;
