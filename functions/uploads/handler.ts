import { httpHandler } from '../platform/http';
import { uploadsCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, uploadsCapability.functions.uploads!);
