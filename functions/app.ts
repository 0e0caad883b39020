import { openApiPath } from '../shared/api';
import { routes as auth } from './auth/routes';
import { routes as fiveLists } from './fiveLists/routes';
import { routes as notifications } from './notifications/routes';
import { routes as org } from './org/routes';
import { routes as relief } from './relief/routes';
import type { Deps } from './platform/context';
import { platformHandle, routes as platform } from './platform/handler';
import { handle, type HttpEvent, type HttpResult } from './platform/http';
import { routes as sayItDay } from './sayItDay/routes';
import { routes as signups } from './signups/routes';
import { routes as uploads } from './uploads/routes';

/**
 * Every route of every capability. In the cloud each capability is its own function; tests and the bench call
 * through here in-process, with the same wrapper and the same commands.
 */
export const allRoutes = [...platform, ...auth, ...org, ...sayItDay, ...fiveLists, ...signups, ...notifications, ...uploads, ...relief];

export function handleAny(event: HttpEvent, deps: Deps): Promise<HttpResult> {
  if (event.rawPath === openApiPath) return platformHandle(event, deps);
  return handle(allRoutes, event, deps);
}
