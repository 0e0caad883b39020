import { httpHandler } from '../platform/http';
import { routes } from './routes';

export const handler = httpHandler(routes);
