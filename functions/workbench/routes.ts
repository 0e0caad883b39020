import { workbenchApi } from '../../shared/workbench/api';
import { route } from '../platform/http';
import { teamHours, volunteerHoursForStaff } from './commands/hours';
import { myWorkbench } from './commands/workbench';

const w = workbenchApi;
export const routes = [
  route(w.mine, (ctx, { query }) => myWorkbench(ctx, query)),
  route(w.volunteerHours, (ctx, { params }) => volunteerHoursForStaff(ctx, params.unitId, params.userId)),
  route(w.teamHours, (ctx, { params, query }) => teamHours(ctx, params.teamId, query)),
];
