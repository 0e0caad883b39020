import { httpHandler } from '../platform/http';
import { orgCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, orgCapability.functions.org!);
