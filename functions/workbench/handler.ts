import { httpHandler } from '../platform/http';
import { workbenchCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, workbenchCapability.functions.workbench!);
