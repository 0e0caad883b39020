import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from '../http';
import { Photo, PhotoKey } from '../sayItDay/schemas';

/**
 * 惠民项目 / 自治金 (microProject, selfGovernanceFund): a small project for residents, proposed by a community worker
 * from a say-it day matter or a council resolution, its budget approved by a sub-district officer, its spending entered
 * with receipts, and read by the community's residents as its public accounts (家务账 / 居务公开). Amounts are fen.
 */
export const ProjectStatus = z.enum(['proposed', 'approved', 'inProgress', 'done', 'rejected']);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/** Where the project came from: a say-it day matter, or a resolution of a residents' council. */
export const ProjectSourceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('matter'), matterId: Id }).strict(),
  z.object({ kind: z.literal('resolution'), councilId: Id, resolutionId: Id }).strict(),
]);
export type ProjectSourceInput = z.infer<typeof ProjectSourceInput>;

export const ProjectSource = z.object({
  kind: z.enum(['matter', 'resolution']),
  matterId: Id.optional(),
  councilId: Id.optional(),
  resolutionId: Id.optional(),
  /** what the matter or the resolution said, as it was when the project was proposed (no names) */
  text: z.string(),
});
export type ProjectSource = z.infer<typeof ProjectSource>;

/** 1 fen to 10 million yuan */
export const Fen = z.number().int().min(1).max(1_000_000_000);

export const ProposeProjectInput = z
  .object({
    communityId: Id,
    title: z.string().trim().min(2).max(60),
    description: z.string().trim().max(1000).default(''),
    budgetFen: Fen,
    source: ProjectSourceInput,
  })
  .strict();
export type ProposeProjectInput = z.infer<typeof ProposeProjectInput>;

export const DecideProjectInput = z
  .object({
    approve: z.boolean(),
    /** why it was turned down (required then) */
    reason: z.string().trim().max(200).optional(),
    version: z.number().int().min(0),
  })
  .strict();
export type DecideProjectInput = z.infer<typeof DecideProjectInput>;

export const ProjectStatusInput = z.object({ status: z.enum(['inProgress', 'done']), version: z.number().int().min(0) }).strict();
export type ProjectStatusInput = z.infer<typeof ProjectStatusInput>;

export const SpendInput = z
  .object({
    amountFen: Fen,
    item: z.string().trim().min(1).max(100),
    spentOn: IsoDate,
    /** receipts: upload keys of the one entering it (uploads/<userId>/…) */
    receipts: z.array(PhotoKey).min(1).max(9),
  })
  .strict();
export type SpendInput = z.infer<typeof SpendInput>;

export const Spending = z.object({
  id: Id,
  projectId: Id,
  amountFen: z.number().int(),
  item: z.string(),
  spentOn: IsoDate,
  receipts: z.array(Photo),
  enteredAt: IsoDateTime,
});
export type Spending = z.infer<typeof Spending>;

/** A project as anyone of the community reads it: no names of people (who proposed or approved is a role, not a name). */
export const MicroProject = z.object({
  id: Id,
  communityId: Id,
  subdistrictId: Id,
  communityName: z.string(),
  title: z.string(),
  description: z.string(),
  source: ProjectSource,
  budgetFen: z.number().int(),
  spentFen: z.number().int(),
  status: ProjectStatus,
  proposedAt: IsoDateTime,
  approvedAt: IsoDateTime.optional(),
  rejectedReason: z.string().optional(),
  doneAt: IsoDateTime.optional(),
  version: z.number().int().min(0),
  spending: z.array(Spending).optional(),
});
export type MicroProject = z.infer<typeof MicroProject>;

/** The community's public accounts: every project but the proposed and rejected ones (for residents), with spending. */
export const PublicAccounts = z.object({
  communityId: Id,
  communityName: z.string(),
  projects: z.array(MicroProject),
  totals: z.object({ budgetFen: z.number().int(), spentFen: z.number().int() }),
});
export type PublicAccounts = z.infer<typeof PublicAccounts>;
