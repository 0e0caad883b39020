import { httpHandler } from '../platform/http';
import { elderCareCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, elderCareCapability.functions.elderCare!);
