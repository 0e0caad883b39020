import { httpHandler } from '../platform/http';
import { safetyCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, safetyCapability.functions.safety!);
