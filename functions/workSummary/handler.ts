import { httpHandler } from '../platform/http';
import { workSummaryCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, workSummaryCapability.functions.workSummary!);
