import { httpHandler } from '../platform/http';
import { employmentCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, employmentCapability.functions.employment!);
