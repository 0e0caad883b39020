import { z } from 'zod';
import { Id } from '../http';

/** The organisation tree: a sub-district holds communities, a community holds grids; partner units stand beside it. */
export const UnitKind = z.enum(['subdistrict', 'community', 'grid', 'partnerUnit']);
export type UnitKind = z.infer<typeof UnitKind>;

export const Unit = z.object({
  id: Id,
  kind: UnitKind,
  name: z.string().min(1).max(60),
  /** the unit above: a community's sub-district, a grid's community; a partner unit's sub-district */
  parentId: Id.optional(),
  /** ids from the sub-district down to this unit, itself included */
  path: z.array(Id).min(1),
});
export type Unit = z.infer<typeof Unit>;

export const Role = z.enum([
  'resident',
  'gridWorker',
  'communityWorker',
  'subdistrictOfficer',
  'unitContact',
  'organizer',
  'admin',
  /** a member of the joint committee (大工委), which reviews the sub-district's dispatched list */
  'jointCommittee',
]);
export type Role = z.infer<typeof Role>;

/** Which kind of unit each role is granted on. */
export const roleUnitKinds: Record<Role, readonly UnitKind[]> = {
  resident: ['community'],
  gridWorker: ['grid'],
  communityWorker: ['community'],
  subdistrictOfficer: ['subdistrict'],
  unitContact: ['partnerUnit'],
  organizer: ['community', 'subdistrict'],
  admin: ['subdistrict'],
  jointCommittee: ['subdistrict'],
};

/** A role held over a unit (and everything below it). */
export const Grant = z.object({
  role: Role,
  unitId: Id,
  /** the unit's path, so a check needs no read */
  unitPath: z.array(Id).min(1),
});
export type Grant = z.infer<typeof Grant>;

/** Who is calling: what the signed token carries. */
export const Principal = z.object({
  userId: Id,
  /** the name shown beside what they write; refreshed with the token */
  displayName: z.string().optional(),
  grants: z.array(Grant),
});
export type Principal = z.infer<typeof Principal>;

/** Where an object lives in the tree; every stored object carries it, so access checks are pure. */
export const Scope = z.object({
  subdistrictId: Id,
  communityId: Id,
  gridId: Id.optional(),
});
export type Scope = z.infer<typeof Scope>;

export const CreateUnitInput = z.object({
  kind: UnitKind,
  name: z.string().trim().min(1).max(60),
  parentId: Id.optional(),
});
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

export const GrantInput = z.object({
  userId: Id,
  role: Role,
  unitId: Id,
});
export type GrantInput = z.infer<typeof GrantInput>;

export const UserSummary = z.object({
  id: Id,
  displayName: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UnitGrant = z.object({
  user: UserSummary,
  role: Role,
  unitId: Id,
});
export type UnitGrant = z.infer<typeof UnitGrant>;

export const Community = z.object({
  id: Id,
  name: z.string(),
  subdistrictId: Id,
  subdistrictName: z.string(),
  grids: z.array(z.object({ id: Id, name: z.string() })),
});
export type Community = z.infer<typeof Community>;

export const BindInput = z.union([
  // 10 or more letters and digits (the app drops spaces and dashes; lower case is read as upper case); new codes come
  // from an alphabet without look-alikes (functions/org/commands/units.ts)
  z.object({ inviteCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{10,16}$/, 'inviteCode') }).strict(),
  z.object({ communityId: Id, gridId: Id.optional(), note: z.string().max(200).optional() }).strict(),
]);
export type BindInput = z.infer<typeof BindInput>;

export const BindingRequest = z.object({
  user: UserSummary,
  communityId: Id,
  gridId: Id.optional(),
  note: z.string().optional(),
  requestedAt: z.string(),
});
export type BindingRequest = z.infer<typeof BindingRequest>;

export const BindResult = z.object({
  status: z.enum(['bound', 'pending']),
  communityId: Id,
});

export const DecideBindingInput = z.object({
  decision: z.enum(['confirm', 'reject']),
  gridId: Id.optional(),
});

export const InviteCode = z.object({ communityId: Id, code: z.string() });

/** A page of a grid's or a community's bound residents; `name` finds those whose name begins with it. */
export const ResidentsQuery = z
  .object({
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    name: z.string().trim().min(1).max(20).optional(),
  })
  .strict();
export type ResidentsQuery = z.infer<typeof ResidentsQuery>;

/** A bound resident as staff see them, to pick whom they act for. */
export const Resident = z.object({
  user: UserSummary,
  /** the phone number a volunteer gave, masked (138****5678); absent when none is known */
  maskedPhone: z.string().optional(),
  /** absent when the binding names no grid */
  gridId: Id.optional(),
  /** what the resident wrote when asking to bind: building, unit, room */
  note: z.string().optional(),
});
export type Resident = z.infer<typeof Resident>;
