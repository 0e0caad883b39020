import { httpHandler } from '../platform/http';
import { authCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, authCapability.functions.auth!);
