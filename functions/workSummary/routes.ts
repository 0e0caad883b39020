import { workSummaryApi } from '../../shared/workSummary/api';
import { route } from '../platform/http';
import { exportSummary } from './commands/export';
import { workSummary } from './commands/summary';

const a = workSummaryApi;
export const routes = [route(a.get, (ctx, { query }) => workSummary(ctx, query)), route(a.export, (ctx, { query }) => exportSummary(ctx, query))];
