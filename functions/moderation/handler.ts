import { httpHandler } from '../platform/http';
import { moderationCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, moderationCapability.functions.moderation!);
