import { httpHandler } from '../platform/http';
import { microProjectsCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, microProjectsCapability.functions.microProjects!);
