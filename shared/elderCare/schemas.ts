import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from '../http';
import { Location, PhotoKey } from '../sayItDay/schemas';

/**
 * 为老服务 (elderCare): the 6+X services of 居家养老 (助餐 助浴 助洁 助行 助医 助急 plus local items), delivered by
 * providers (服务商: 长者食堂, day-care centres, contracted companies) at their service points or at home, booked on the
 * sign-ups reservation engine, with a subsidy by the elder's eligibility (高龄 by age, 低保 and disability from the relief
 * registry). No ID number and no full birth date is kept here: the elder's birth year only.
 */
export const ServiceKind = z.enum(['meal', 'bath', 'cleaning', 'mobility', 'medical', 'emergency', 'local']);
export type ServiceKind = z.infer<typeof ServiceKind>;

/** 高龄 (by age from the birth year), 低保, disability (both from the relief registry) */
export const Eligibility = z.enum(['senior', 'dibao', 'disability']);
export type Eligibility = z.infer<typeof Eligibility>;

/** where a service is delivered */
export const Delivery = z.enum(['servicePoint', 'home', 'either']);
export type Delivery = z.infer<typeof Delivery>;

/** how this booking is delivered: at the service point (dine-in for a meal) or at home (delivered) */
export const BookingMode = z.enum(['servicePoint', 'home']);
export type BookingMode = z.infer<typeof BookingMode>;

const Fen = z.number().int().min(0).max(1_000_000);

export const ServiceMenuItem = z
  .object({
    id: z.string().regex(/^[a-z][A-Za-z0-9]{1,30}$/, 'service id'),
    kind: ServiceKind,
    name: z.string().trim().min(1).max(20),
    nameEn: z.string().trim().min(1).max(40),
    priceFen: Fen,
    /** the subsidy per eligibility, fen; the largest that applies is given, never more than the price */
    subsidyFen: z.object({ senior: Fen.optional(), dibao: Fen.optional(), disability: Fen.optional() }).strict(),
    delivery: Delivery,
    active: z.boolean().default(true),
  })
  .strict();
export type ServiceMenuItem = z.infer<typeof ServiceMenuItem>;

/** 服务菜单: a sub-district's 6+X menu, as data. */
export const ServiceMenu = z.object({
  subdistrictId: Id,
  /** 高龄: from this age (in the current China year) */
  seniorAge: z.number().int().min(60).max(100),
  items: z.array(ServiceMenuItem),
  version: z.number().int().min(0),
  updatedAt: IsoDateTime.optional(),
});
export type ServiceMenu = z.infer<typeof ServiceMenu>;

export const PutMenuInput = z
  .object({ seniorAge: z.number().int().min(60).max(100), items: z.array(ServiceMenuItem).min(1).max(30), version: z.number().int().min(0) })
  .strict()
  .refine((m) => new Set(m.items.map((i) => i.id)).size === m.items.length, 'service ids repeat');
export type PutMenuInput = z.infer<typeof PutMenuInput>;

export const ProviderKind = z.enum(['elderCanteen', 'dayCare', 'company']);
export type ProviderKind = z.infer<typeof ProviderKind>;

export const ServicePoint = z.object({ id: z.string().regex(/^[a-z0-9]{1,12}$/, 'service point id'), name: z.string().trim().min(1).max(30), address: z.string().trim().min(1).max(60) }).strict();
export type ServicePoint = z.infer<typeof ServicePoint>;

/** 服务商 with its 服务点. Its contacts are the unitContact grants of its partner unit (functions/org). */
export const Provider = z.object({
  id: Id,
  subdistrictId: Id,
  communityId: Id,
  name: z.string(),
  kind: ProviderKind,
  /** the partner unit whose contacts (unitContact grants) act for the provider */
  partnerUnitId: Id.optional(),
  phone: z.string().optional(),
  servicePoints: z.array(ServicePoint),
  /** menu service ids it delivers */
  services: z.array(z.string()),
  createdAt: IsoDateTime,
});
export type Provider = z.infer<typeof Provider>;

export const CreateProviderInput = z
  .object({
    communityId: Id,
    name: z.string().trim().min(2).max(30),
    kind: ProviderKind,
    partnerUnitId: Id.optional(),
    phone: z.string().trim().regex(/^[0-9-]{5,20}$/, 'phone').optional(),
    servicePoints: z.array(ServicePoint).max(10).default([]),
    services: z.array(z.string().min(1).max(31)).min(1).max(30),
  })
  .strict();
export type CreateProviderInput = z.infer<typeof CreateProviderInput>;

/** A bookable slot: a place on the reservation engine (capacity, waitlist, cut-off) for one service of one provider. */
export const Slot = z.object({
  id: Id,
  providerId: Id,
  providerName: z.string(),
  communityId: Id,
  servicePointId: z.string().optional(),
  servicePointName: z.string().optional(),
  serviceId: z.string(),
  serviceKind: ServiceKind,
  serviceName: z.string(),
  delivery: Delivery,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  /** bookings and cancellations close here (a meal: 09:00 China time that day) */
  cutoffAt: IsoDateTime,
  capacity: z.number().int(),
  taken: z.number().int(),
  free: z.number().int(),
  waiting: z.number().int(),
  state: z.enum(['open', 'cancelled', 'draft']),
});
export type Slot = z.infer<typeof Slot>;

export const CreateSlotsInput = z
  .object({
    providerId: Id,
    serviceId: z.string().min(1).max(31),
    servicePointId: z.string().max(12).optional(),
    /** the China days it runs on (a meal: a week of lunches in one request) */
    days: z.array(IsoDate).min(1).max(14),
    /** China time, HH:MM */
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time'),
    minutes: z.number().int().min(15).max(480),
    capacity: z.number().int().min(1).max(500),
    /** cut-off, China time of the same day (a meal: 09:00); absent: 24 hours before the start */
    cutoffTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time').optional(),
  })
  .strict()
  .refine((s) => new Set(s.days).size === s.days.length, 'days repeat');
export type CreateSlotsInput = z.infer<typeof CreateSlotsInput>;

export const SlotsQuery = z
  .object({ kind: ServiceKind.optional(), from: IsoDate.optional(), providerId: Id.optional() })
  .strict();

/** 代办 consent: how the elder agreed to a worker booking for them */
export const Consent = z.object({ method: z.enum(['inPerson', 'phone', 'signed']), note: z.string().trim().max(100).optional() }).strict();
export type Consent = z.infer<typeof Consent>;

export const BookingStatus = z.enum(['confirmed', 'waitlisted', 'cancelled', 'accepted', 'served']);
export type BookingStatus = z.infer<typeof BookingStatus>;

export const BookedAs = z.enum(['self', 'family', 'worker']);

export const Booking = z.object({
  id: z.string(),
  slotId: Id,
  elderId: Id,
  elderName: z.string(),
  communityId: Id,
  providerId: Id,
  providerName: z.string(),
  serviceId: z.string(),
  serviceKind: ServiceKind,
  serviceName: z.string(),
  servicePointName: z.string().optional(),
  startsAt: IsoDateTime,
  cutoffAt: IsoDateTime,
  mode: BookingMode,
  status: BookingStatus,
  position: z.number().int().optional(),
  priceFen: z.number().int(),
  subsidyFen: z.number().int(),
  payFen: z.number().int(),
  subsidyFor: z.array(Eligibility),
  bookedBy: z.object({ userId: Id, name: z.string(), as: BookedAs }),
  consent: Consent.extend({ at: IsoDateTime }).optional(),
  acceptedAt: IsoDateTime.optional(),
  servedAt: IsoDateTime.optional(),
  photoKey: z.string().optional(),
  photoUrl: z.string().optional(),
  rating: z.object({ stars: z.number().int().min(1).max(5), comment: z.string().optional(), at: IsoDateTime }).optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** what the reader may do now */
  canCancel: z.boolean().optional(),
  canRate: z.boolean().optional(),
});
export type Booking = z.infer<typeof Booking>;

export const BookInput = z
  .object({
    slotId: Id,
    /** absent: for myself; else an elder I am family of, or (a worker) one of my community's residents */
    elderId: Id.optional(),
    mode: BookingMode.optional(),
    /** required when a worker books on an elder's behalf */
    consent: Consent.optional(),
  })
  .strict();
export type BookInput = z.infer<typeof BookInput>;

/** 助餐 a week at a time: one request for several days' meal slots */
export const MealOrderInput = z
  .object({
    slotIds: z.array(Id).min(1).max(7),
    elderId: Id.optional(),
    mode: BookingMode,
    consent: Consent.optional(),
  })
  .strict()
  .refine((m) => new Set(m.slotIds).size === m.slotIds.length, 'slots repeat');
export type MealOrderInput = z.infer<typeof MealOrderInput>;

export const MealOrderResult = z.object({
  items: z.array(z.object({ slotId: Id, booking: Booking.optional(), refused: z.string().optional() })),
});

export const BookingsQuery = z.object({ elderId: Id.optional() }).strict();
export const ProviderBookingsQuery = z.object({ day: IsoDate.optional() }).strict();

export const ServeInput = z.object({ photoKey: PhotoKey }).strict();
export const RateInput = z.object({ stars: z.number().int().min(1).max(5), comment: z.string().trim().max(200).optional() }).strict();

export const ElderProfileInput = z
  .object({ birthYear: z.number().int().min(1900).max(2100) })
  .strict();

/** An elder as the app sees them: the birth year only (never a full birth date), and what it entitles them to. */
export const ElderProfile = z.object({
  userId: Id,
  name: z.string(),
  communityId: Id.optional(),
  birthYear: z.number().int().optional(),
  age: z.number().int().optional(),
  eligibility: z.array(Eligibility),
});
export type ElderProfile = z.infer<typeof ElderProfile>;

export const FamilyLinkStatus = z.enum(['pending', 'confirmed']);
export const FamilyLink = z.object({
  elderId: Id,
  elderName: z.string(),
  familyId: Id,
  familyName: z.string(),
  relation: z.string(),
  status: FamilyLinkStatus,
  createdAt: IsoDateTime,
  confirmedAt: IsoDateTime.optional(),
});
export type FamilyLink = z.infer<typeof FamilyLink>;

export const FamilyCode = z.object({ code: z.string(), expiresAt: IsoDateTime });
export const RequestFamilyLinkInput = z.object({ code: z.string().trim().toUpperCase().pipe(z.string().regex(/^[A-Z0-9]{6}$/, 'code')), relation: z.string().trim().min(1).max(10) }).strict();

/** The elder-care home of the caller: their profile, the menu, and whom they may book for. */
export const ElderCareHome = z.object({
  me: ElderProfile,
  menu: ServiceMenu.optional(),
  /** elders I am family of (confirmed) */
  elders: z.array(ElderProfile),
  /** my family links, as the elder: pending ones wait for me to confirm */
  family: z.array(FamilyLink),
  /** my links as family, confirmed or waiting */
  asFamily: z.array(FamilyLink),
  /** the caller may book on residents' behalf (a worker) */
  worker: z.boolean(),
  /** providers whose bookings the caller serves */
  providers: z.array(z.object({ id: Id, name: z.string() })),
});

export const EmergencyState = z.enum(['open', 'acknowledged', 'resolved']);
export const Emergency = z.object({
  id: Id,
  elderId: Id,
  elderName: z.string(),
  communityId: Id,
  gridId: Id.optional(),
  location: Location.optional(),
  state: EmergencyState,
  escalated: z.boolean(),
  escalateAt: IsoDateTime,
  createdAt: IsoDateTime,
  acknowledgedBy: z.object({ userId: Id, name: z.string() }).optional(),
  acknowledgedAt: IsoDateTime.optional(),
  resolvedAt: IsoDateTime.optional(),
  note: z.string().optional(),
  /** people told (grid worker, family; community workers after escalation) */
  told: z.number().int(),
});
export type Emergency = z.infer<typeof Emergency>;

export const EmergencyInput = z.object({ location: Location.optional(), elderId: Id.optional() }).strict();
export const ResolveEmergencyInput = z.object({ note: z.string().trim().min(1).max(200) }).strict();
