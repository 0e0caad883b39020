import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from '../http';
import { isValidIdNumber } from '../platform/idNumber';

/**
 * Sign-ups: volunteer activities (shifts) and cultural events on one reservation engine, with check-in, hours,
 * certificates and the time bank. Names from GLOSSARY.md.
 */

/** What a place is: a shift of a volunteer activity, or a cultural event. The engine treats both alike. */
/** `elderCare`: an elder-care slot (functions/elderCare), booked through the same engine */
export const PlaceKind = z.enum(['shift', 'event', 'elderCare']);
export type PlaceKind = z.infer<typeof PlaceKind>;

export const ReservationStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
export type ReservationStatus = z.infer<typeof ReservationStatus>;

export const HoursStatus = z.enum(['none', 'pending', 'confirmed']);

/** One person's place (a signup on a shift, a registration for an event): theirs alone, and their companions'. */
export const Reservation = z.object({
  placeId: Id,
  kind: PlaceKind,
  /** the activity or the event */
  ownerId: Id,
  title: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  place: z.string(),
  userId: Id,
  displayName: z.string(),
  companions: z.number().int().min(0),
  /** the holder and the companions: what counts against the capacity */
  seats: z.number().int().min(1),
  status: ReservationStatus,
  /** waitlisted: the place in the queue (strictly increasing per place; lower is served first) */
  position: z.number().int().min(1).optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  promotedAt: IsoDateTime.optional(),
  checkedInAt: IsoDateTime.optional(),
  checkedOutAt: IsoDateTime.optional(),
  hoursStatus: HoursStatus,
  /** from check-in and check-out */
  claimedMinutes: z.number().int().min(0).optional(),
  confirmedMinutes: z.number().int().min(0).optional(),
  /** events: the signed ticket shown as a QR code at the door (the holder only, while confirmed) */
  ticket: z.string().optional(),
});
export type Reservation = z.infer<typeof Reservation>;

/** A place's counter as readers see it. */
export const Availability = z.object({
  capacity: z.number().int().min(0),
  taken: z.number().int().min(0),
  free: z.number().int().min(0),
  waiting: z.number().int().min(0),
});
export type Availability = z.infer<typeof Availability>;

// ---------- volunteers and teams ----------

export const AvailabilitySlot = z.enum(['weekdayDaytime', 'weekdayEvening', 'weekendDaytime', 'weekendEvening']);

/**
 * An 18-digit resident ID number whose check digit is right (GB 11643), the same rule as relief's `IdNumber`; declared
 * here, not imported from shared/relief/schemas.ts, so the signups bundle does not load all of relief's schemas.
 */
export const VolunteerIdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, 'idNumber')
  .refine(isValidIdNumber, 'idNumber check digit or birth date');

export const RegisterVolunteerInput = z
  .object({
    realName: z.string().trim().min(2).max(20),
    /** the code from the getPhoneNumber button; exchanged on the backend, never a typed number */
    phoneCode: z.string().min(1).max(128),
    skills: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
    availability: z.array(AvailabilitySlot).max(4).default([]),
    /** needed for the time bank's age bands and for age-limited events; declared, checked by a worker */
    birthDate: IsoDate.optional(),
    /**
     * for the certificate of service hours (民政部令第67号 asks for the ID number); sensitive: stored sealed, shown
     * masked. Absent: what is on file stays; null: it is deleted.
     */
    idNumber: VolunteerIdNumber.nullable().optional(),
    /** with an ID number: the version of the separate consent text agreed to (shared/signups/consent.ts) */
    idNumberConsent: z.string().min(1).max(20).optional(),
  })
  .strict();
export type RegisterVolunteerInput = z.infer<typeof RegisterVolunteerInput>;

export const Volunteer = z.object({
  userId: Id,
  realName: z.string(),
  /** shown masked: 138****5678 */
  phoneMasked: z.string(),
  skills: z.array(z.string()),
  availability: z.array(AvailabilitySlot),
  /** the year of the birth date given (the date itself is not kept: beside the ID number's mask it would be the whole number) */
  birthYear: z.number().int().optional(),
  /** the ID number, masked (440305********1234); never the full one. Absent: none given */
  maskedIdNumber: z.string().optional(),
  communityId: Id,
  registeredAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Volunteer = z.infer<typeof Volunteer>;

/** 民情志愿者, 外籍志愿服务队, 巡防队, and any other. */
export const TeamKind = z.enum(['residentVoices', 'foreignVolunteers', 'patrol', 'other']);

export const CreateTeamInput = z
  .object({
    unitId: Id,
    name: z.string().trim().min(2).max(30),
    kind: TeamKind,
    leaderIds: z.array(Id).min(1).max(5),
  })
  .strict();

export const VolunteerTeam = z.object({
  id: Id,
  unitId: Id,
  unitPath: z.array(Id),
  name: z.string(),
  kind: TeamKind,
  leaderIds: z.array(Id),
  memberCount: z.number().int().min(0),
  createdAt: IsoDateTime,
});
export type VolunteerTeam = z.infer<typeof VolunteerTeam>;

export const TeamMember = z.object({ userId: Id, displayName: z.string(), role: z.enum(['leader', 'member']), joinedAt: IsoDateTime });
export const TeamDetail = z.object({ team: VolunteerTeam, roster: z.array(TeamMember) });
/** whom to add: by id, or (from the app) by the mobile number they registered with as a volunteer */
export const AddMemberInput = z
  .object({ userId: Id.optional(), phone: z.string().regex(/^1\d{10}$/, 'a mainland mobile number').optional(), role: z.enum(['leader', 'member']) })
  .strict()
  .refine((m) => (m.userId === undefined) !== (m.phone === undefined), { message: 'userId or phone, one of them', path: ['userId'] });

// ---------- activities and shifts ----------

export const ShiftInput = z
  .object({
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    place: z.string().trim().min(1).max(100),
    slots: z.number().int().min(1).max(500),
    requirements: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: 'endsAt after startsAt', path: ['endsAt'] });

export const CreateActivityInput = z
  .object({
    unitId: Id,
    title: z.string().trim().min(2).max(60),
    description: z.string().trim().max(2000).default(''),
    teamId: Id.optional(),
    /** elder-to-elder help: confirmed hours are also credited to the volunteer's time bank */
    elderToElder: z.boolean().default(false),
    /** a confirmed volunteer may cancel until this many hours before the shift */
    cancelCutoffHours: z.number().int().min(0).max(168).default(24),
    shifts: z.array(ShiftInput).min(1).max(20),
  })
  .strict();
export type CreateActivityInput = z.infer<typeof CreateActivityInput>;

export const ActivityState = z.enum(['draft', 'published', 'cancelled']);

export const Shift = z.object({
  id: Id,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  place: z.string(),
  slots: z.number().int().min(1),
  requirements: z.string().optional(),
});
export type Shift = z.infer<typeof Shift>;

export const Activity = z.object({
  id: Id,
  unitId: Id,
  unitPath: z.array(Id),
  title: z.string(),
  description: z.string(),
  teamId: Id.optional(),
  elderToElder: z.boolean(),
  cancelCutoffHours: z.number().int(),
  state: ActivityState,
  organizerId: Id,
  organizerName: z.string(),
  shifts: z.array(Shift),
  firstStartsAt: IsoDateTime,
  cancelReason: z.string().optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(0),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityDetail = z.object({
  activity: Activity,
  availability: z.record(Id, Availability),
  /** the reader's own signups, by shift */
  mine: z.array(Reservation),
  canManage: z.boolean(),
});
export type ActivityDetail = z.infer<typeof ActivityDetail>;

export const EditActivityInput = z
  .object({
    version: z.number().int().min(0),
    title: z.string().trim().min(2).max(60).optional(),
    description: z.string().trim().max(2000).optional(),
    /** times are fixed once posted (people planned around them): cancel and repost to move a shift */
    shifts: z
      .array(
        z
          .object({
            id: Id,
            place: z.string().trim().min(1).max(100).optional(),
            slots: z.number().int().min(1).max(500).optional(),
            requirements: z.string().trim().max(200).optional(),
          })
          .strict(),
      )
      .max(20)
      .optional(),
  })
  .strict();
export type EditActivityInput = z.infer<typeof EditActivityInput>;

export const CancelInput = z.object({ reason: z.string().trim().min(2).max(200) }).strict();

export const RosterEntry = Reservation;
export const Roster = z.object({ availability: Availability, items: z.array(Reservation) });

// ---------- check-in and hours ----------

export const QrCode = z.object({
  shiftId: Id,
  /** what the QR code holds; volunteers scan it (or type it on h5) */
  token: z.string(),
  /** the code is refused after this; the organizer's screen fetches the next one before */
  expiresAt: IsoDateTime,
  refreshSeconds: z.number().int(),
});

export const ScanInput = z.object({ token: z.string().min(1).max(300) }).strict();

export const ConfirmHoursInput = z
  .object({
    /** the minutes to record: the claimed ones to confirm, others to adjust */
    minutes: z.number().int().min(0).max(24 * 60),
    reason: z.string().trim().min(2).max(200).optional(),
  })
  .strict();

export const HoursEntry = z.object({
  shiftId: Id,
  activityId: Id,
  activityTitle: z.string(),
  servedOn: IsoDate,
  minutes: z.number().int().min(0),
  claimedMinutes: z.number().int().min(0),
  adjustReason: z.string().optional(),
  confirmedBy: Id,
  confirmedAt: IsoDateTime,
  elderToElder: z.boolean(),
});
export type HoursEntry = z.infer<typeof HoursEntry>;

export const HoursLedger = z.object({
  userId: Id,
  totalMinutes: z.number().int().min(0),
  entries: z.array(HoursEntry),
});

export const IssueCertificateInput = z
  .object({ from: IsoDate, to: IsoDate })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'from before to', path: ['to'] });

/**
 * A certificate of service hours as data (民政部令第67号: name, ID masked, organisation, activities, hours, period,
 * serial). A PDF renderer (or the mini-program's canvas) draws it from this.
 */
export const Certificate = z.object({
  serial: z.string(),
  name: z.string(),
  /** the ID number, masked, as the volunteer's record had it when the certificate was issued; absent: none given */
  maskedId: z.string().optional(),
  organisation: z.string(),
  activities: z.array(z.object({ title: z.string(), servedOn: IsoDate, minutes: z.number().int() })),
  totalMinutes: z.number().int().min(0),
  hours: z.number(),
  from: IsoDate,
  to: IsoDate,
  issuedAt: IsoDateTime,
});
export type Certificate = z.infer<typeof Certificate>;

/** The certificate as a file (a PDF, base64 in the JSON body, as the API answers other files). */
export const CertificateFile = z.object({
  filename: z.string(),
  contentType: z.literal('application/pdf'),
  encoding: z.literal('base64'),
  content: z.string(),
});
export type CertificateFile = z.infer<typeof CertificateFile>;

export const CertificateCheck = z.object({
  serial: z.string(),
  valid: z.boolean(),
  /** masked: 王*兰 */
  name: z.string().optional(),
  /** the masked ID number the certificate prints (440305********1234), to compare with the paper; absent: none given */
  maskedId: z.string().optional(),
  organisation: z.string().optional(),
  totalMinutes: z.number().int().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  issuedAt: IsoDateTime.optional(),
});

// ---------- time bank ----------

export const TimeBankSettings = z.object({
  subdistrictId: Id,
  helperMinAge: z.number().int().min(18).max(100),
  helperMaxAge: z.number().int().min(18).max(110),
  helpedMinAge: z.number().int().min(40).max(110),
  /** what workers may grant in a month across the sub-district (配发额度), so minutes cannot be minted without end */
  monthlyGrantMinutes: z.number().int().min(0).max(1_000_000),
  version: z.number().int().min(0),
});
export type TimeBankSettings = z.infer<typeof TimeBankSettings>;

export const TimeBankSettingsInput = z
  .object({
    helperMinAge: z.number().int().min(18).max(100),
    helperMaxAge: z.number().int().min(18).max(110),
    helpedMinAge: z.number().int().min(40).max(110),
    /** left out: unchanged */
    monthlyGrantMinutes: z.number().int().min(0).max(1_000_000).optional(),
    version: z.number().int().min(0),
  })
  .strict()
  .refine((s) => s.helperMinAge <= s.helperMaxAge, { message: 'helperMinAge <= helperMaxAge', path: ['helperMaxAge'] });

export const TimeBankEntry = z.object({
  id: z.string(),
  kind: z.enum(['earn', 'spend', 'grant']),
  /** signed: a spend is negative */
  minutes: z.number().int(),
  reason: z.string(),
  requestId: Id.optional(),
  shiftId: Id.optional(),
  /** a grant's worker: every minute minted has a name behind it */
  grantedBy: Id.optional(),
  at: IsoDateTime,
});
export type TimeBankEntry = z.infer<typeof TimeBankEntry>;

/** One grant in the sub-district's ledger of grants (配发台账): who granted whom, how much, why. */
export const TimeGrant = z.object({ id: z.string(), userId: Id, communityId: Id, minutes: z.number().int(), reason: z.string(), grantedBy: Id, at: IsoDateTime });
export type TimeGrant = z.infer<typeof TimeGrant>;
export const TimeGrants = z.object({
  month: z.string(),
  monthlyGrantMinutes: z.number().int(),
  grantedMinutes: z.number().int(),
  items: z.array(TimeGrant),
  cursor: z.string().optional(),
});
export const TimeGrantsQuery = z
  .object({ month: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'YYYY-MM'), cursor: z.string().max(2000).optional(), limit: z.coerce.number().int().min(1).max(100).optional() })
  .strict();

export const TimeBankAccount = z.object({ userId: Id, balanceMinutes: z.number().int().min(0), entries: z.array(TimeBankEntry) });

export const ElderCareService = z.enum(['meal', 'bath', 'cleaning', 'mobility', 'medical', 'emergency', 'companionship']);

export const CreateHelpRequestInput = z
  .object({
    communityId: Id,
    /** a worker files for an older resident */
    forUserId: Id.optional(),
    /** of the one to be helped; declared (a worker checks it) */
    birthDate: IsoDate,
    service: ElderCareService,
    description: z.string().trim().min(2).max(500),
    at: IsoDateTime,
    minutes: z.number().int().min(15).max(480),
  })
  .strict();
export type CreateHelpRequestInput = z.infer<typeof CreateHelpRequestInput>;

export const HelpRequest = z.object({
  id: Id,
  communityId: Id,
  subdistrictId: Id,
  requesterId: Id,
  requesterName: z.string(),
  service: ElderCareService,
  description: z.string(),
  at: IsoDateTime,
  minutes: z.number().int(),
  state: z.enum(['open', 'taken', 'done', 'cancelled']),
  helperId: Id.optional(),
  helperName: z.string().optional(),
  createdBy: Id,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(0),
});
export type HelpRequest = z.infer<typeof HelpRequest>;

export const CompleteHelpRequestInput = z.object({ minutes: z.number().int().min(15).max(480) }).strict();

export const GrantTimeInput = z.object({ minutes: z.number().int().min(15).max(6000), reason: z.string().trim().min(2).max(200) }).strict();

// ---------- events ----------

/** What an event is: a cultural event, or a job fair (招聘会) that employment assistance counts on; one engine for both. */
export const EventCategory = z.enum(['cultural', 'jobFair']);
export type EventCategory = z.infer<typeof EventCategory>;

export const CreateEventInput = z
  .object({
    unitId: Id,
    title: z.string().trim().min(2).max(60),
    description: z.string().trim().max(2000).default(''),
    /** an upload key of the organizer's (uploads/<userId>/…) */
    posterKey: z.string().max(200).optional(),
    /** the audience beyond the unit: an age band, if any */
    minAge: z.number().int().min(0).max(120).optional(),
    maxAge: z.number().int().min(0).max(120).optional(),
    place: z.string().trim().min(1).max(100),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    capacity: z.number().int().min(1).max(5000),
    maxCompanions: z.number().int().min(0).max(5).default(0),
    cancelCutoffHours: z.number().int().min(0).max(168).default(2),
    category: EventCategory.default('cultural'),
  })
  .strict()
  .refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), { message: 'endsAt after startsAt', path: ['endsAt'] })
  .refine((e) => e.minAge === undefined || e.maxAge === undefined || e.minAge <= e.maxAge, { message: 'minAge <= maxAge', path: ['maxAge'] });
export type CreateEventInput = z.infer<typeof CreateEventInput>;

export const CulturalEvent = z.object({
  id: Id,
  unitId: Id,
  unitPath: z.array(Id),
  title: z.string(),
  description: z.string(),
  posterKey: z.string().optional(),
  posterUrl: z.string().optional(),
  minAge: z.number().int().optional(),
  maxAge: z.number().int().optional(),
  place: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  capacity: z.number().int(),
  maxCompanions: z.number().int(),
  cancelCutoffHours: z.number().int(),
  /** absent on events posted before job fairs: cultural */
  category: EventCategory.optional(),
  state: z.enum(['published', 'cancelled']),
  organizerId: Id,
  organizerName: z.string(),
  cancelReason: z.string().optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime.optional(),
  /** for edits (absent on events posted before edits existed: read as 0) */
  version: z.number().int().min(0).optional(),
});
export type CulturalEvent = z.infer<typeof CulturalEvent>;

export const EventDetail = z.object({
  event: CulturalEvent,
  availability: Availability,
  mine: Reservation.nullable(),
  canManage: z.boolean(),
});

/**
 * Changing an event after posting: text, poster, place and capacity until it starts; its time until the cancellation
 * cut-off (people planned around it); the capacity never below what is taken. Everyone registered or waiting is told
 * of a new time or place.
 */
export const EditEventInput = z
  .object({
    version: z.number().int().min(0),
    title: z.string().trim().min(2).max(60).optional(),
    description: z.string().trim().max(2000).optional(),
    /** an upload key of the organizer's; null takes the poster down */
    posterKey: z.string().max(200).nullable().optional(),
    place: z.string().trim().min(1).max(100).optional(),
    startsAt: IsoDateTime.optional(),
    endsAt: IsoDateTime.optional(),
    capacity: z.number().int().min(1).max(5000).optional(),
  })
  .strict()
  .refine((e) => (e.startsAt === undefined) === (e.endsAt === undefined), { message: 'startsAt and endsAt together', path: ['endsAt'] })
  .refine((e) => !e.startsAt || !e.endsAt || Date.parse(e.endsAt) > Date.parse(e.startsAt), { message: 'endsAt after startsAt', path: ['endsAt'] });
export type EditEventInput = z.infer<typeof EditEventInput>;

export const RegisterInput = z
  .object({
    companions: z.number().int().min(0).max(5),
    /** asked only when the event has an age band */
    birthDate: IsoDate.optional(),
  })
  .strict();

export const TicketInput = z.object({ ticket: z.string().min(1).max(300) }).strict();

export const Attendance = z.object({
  availability: Availability,
  checkedIn: z.number().int(),
  checkedInSeats: z.number().int(),
  items: z.array(Reservation),
});
