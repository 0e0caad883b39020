import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from '../http';
import { HoursEntry } from '../signups/schemas';

/** The staff roles that open on a workbench (工作台); residents and admins keep their own home. */
export const WorkbenchRole = z.enum(['communityWorker', 'gridWorker', 'subdistrictOfficer', 'jointCommittee', 'unitContact', 'organizer']);
export type WorkbenchRole = z.infer<typeof WorkbenchRole>;

/** Every task (待办) a workbench can show; the mini-program names each in its message table (`wb.task.<key>`). */
export const TaskKey = z.enum([
  // community worker
  'bindingRequests',
  'applicationsToReview',
  'nextSession',
  'mustVisits',
  'scheduledAnnouncements',
  'moderation',
  // grid worker
  'mattersToTakeIn',
  'myVisits',
  'proxyDrafts',
  // officer
  'dispatchBoard',
  'secondLevelApprovals',
  'overdueFiveLists',
  'workSummary',
  // joint committee
  'reviewQueue',
  // unit contact
  'toClaim',
  'toResolve',
  'unitScore',
  // organizer
  'myActivities',
  'myEvents',
  'checkInsToday',
  'hoursToConfirm',
]);
export type TaskKey = z.infer<typeof TaskKey>;

/**
 * Where a count comes from, so that nobody mistakes a cut list for a count:
 *  - `indexCount`: a query's Count (Select COUNT, every page) over the owning capability's index or partition;
 *  - `counter`: a counter the owning capability keeps in the transaction of each change (a session's matterCount);
 *  - `records`: read from the records themselves, every page (the unit score, today's check-ins);
 *  - `link`: no count, a way in (the work summary).
 */
export const CountSource = z.enum(['indexCount', 'counter', 'records', 'link']);

export const Task = z.object({
  key: TaskKey,
  /** how many wait; absent for a link */
  count: z.number().int().min(0).optional(),
  /** of them, past their deadline */
  overdue: z.number().int().min(0).optional(),
  /** the oldest waiting (or the soonest deadline) of them, where the index is in that order */
  oldestAt: IsoDateTime.optional(),
  /** a date the task is about (the next session's day) */
  date: IsoDate.optional(),
  /** a figure that is not a count (the unit's score, 0–100; its stars) */
  score: z.number().nullable().optional(),
  stars: z.number().int().nullable().optional(),
  source: CountSource,
  /** the mini-program page that does the work */
  link: z.string(),
});
export type Task = z.infer<typeof Task>;

export const Workbench = z.object({
  role: WorkbenchRole,
  unitId: Id,
  unitName: z.string(),
  /** overdue first (most overdue first), then the oldest waiting, then the rest with work, then the empty ones and links */
  tasks: z.array(Task),
  /** DynamoDB round trips this answer took after the unit was read (parallel queries are one) */
  roundTrips: z.number().int(),
});
export type Workbench = z.infer<typeof Workbench>;

export const WorkbenchQuery = z.object({ role: WorkbenchRole, unitId: Id }).strict();

// ---------- volunteers' hours, for staff ----------

export const StaffVolunteerHours = z.object({
  userId: Id,
  displayName: z.string(),
  totalMinutes: z.number().int().min(0),
  /** newest first */
  entries: z.array(HoursEntry),
});

export const TeamHoursQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional() })
  .strict()
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'from before to', path: ['to'] });

export const TeamHours = z.object({
  teamId: Id,
  teamName: z.string(),
  unitId: Id,
  from: IsoDate,
  to: IsoDate,
  /** each member with their total (all time, from the volunteer's total) and their minutes in the period */
  roster: z.array(
    z.object({
      userId: Id,
      displayName: z.string(),
      role: z.enum(['leader', 'member']),
      totalMinutes: z.number().int().min(0),
      periodMinutes: z.number().int().min(0),
      periodEntries: z.number().int().min(0),
    }),
  ),
  /** the team's figures for the period: the members' confirmed hours entries served in it */
  period: z.object({ minutes: z.number().int().min(0), entries: z.number().int().min(0), volunteers: z.number().int().min(0) }),
  /** where the period figure came from: the members' hours entries read by period (every page) */
  source: z.enum(['entries', 'counters']),
});
export type TeamHours = z.infer<typeof TeamHours>;
