import { httpHandler } from '../platform/http';
import { announcementsCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, announcementsCapability.functions.announcements!);
