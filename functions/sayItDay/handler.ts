import { httpHandler } from '../platform/http';
import { sayItDayCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, sayItDayCapability.functions.sayItDay!);
