import { z } from 'zod';
import { endpoint, Id } from '../http';
import { StaffVolunteerHours, TeamHours, TeamHoursQuery, Workbench, WorkbenchQuery } from './schemas';

/** 工作台: registered in shared/api.ts as `workbench`; the workbench function imports only this. */
export const workbenchApi = {
  mine: endpoint({
    method: 'GET',
    path: '/me/workbench',
    summary: "A staff role's tasks on a unit: counts, overdue first, each with the page that does it",
    query: WorkbenchQuery,
    response: Workbench,
  }),
  volunteerHours: endpoint({
    method: 'GET',
    path: '/workbench/units/{unitId}/volunteers/{userId}/hours',
    summary: "Staff of a unit: a volunteer's hours (entries and total), for a volunteer of the unit's teams or activities",
    params: z.object({ unitId: Id, userId: Id }),
    response: StaffVolunteerHours,
  }),
  teamHours: endpoint({
    method: 'GET',
    path: '/workbench/volunteer-teams/{teamId}/hours',
    summary: "Staff over a team's unit: the roster with each member's total, and the team's hours in a period",
    params: z.object({ teamId: Id }),
    query: TeamHoursQuery,
    response: TeamHours,
  }),
};
