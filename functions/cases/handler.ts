import { httpHandler } from '../platform/http';
import { casesCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, casesCapability.functions.cases!);
