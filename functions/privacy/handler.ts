import { httpHandler } from '../platform/http';
import { privacyCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, privacyCapability.functions.privacy!);
