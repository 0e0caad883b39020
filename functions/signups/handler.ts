import { httpHandler } from '../platform/http';
import { signupsCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, signupsCapability.functions.signups!);
