import { httpHandler } from '../platform/http';
import { notificationsCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, notificationsCapability.functions.notifications!);
