import { openApiPath } from '../shared/api';
import type { Endpoint } from '../shared/http';
import { routes as announcements } from './announcements/routes';
import { routes as elderCare } from './elderCare/routes';
import { routes as workSummary } from './workSummary/routes';
import { routes as auth } from './auth/routes';
import { routes as cases } from './cases/routes';
import { functionDeclarations } from './capabilities';
import { routes as fiveLists } from './fiveLists/routes';
import { routes as notifications } from './notifications/routes';
import { routes as org } from './org/routes';
import { routes as relief } from './relief/routes';
import { routes as safety } from './safety/routes';
import type { FunctionDeclaration, HttpFunction } from './platform/capability';
import type { Deps } from './platform/context';
import { platformCapability } from './platform/declaration';
import { platformHandle, routes as platform } from './platform/handler';
import { handle, handleAs, type HttpEvent, type HttpResult, type Route } from './platform/http';
import { routes as sayItDay } from './sayItDay/routes';
import { routes as signups } from './signups/routes';
import { routes as uploads } from './uploads/routes';
import { routes as employment } from './employment/routes';
import { routes as microProjects } from './microProjects/routes';
import { routes as workbench } from './workbench/routes';
import { routes as privacy } from './privacy/routes';
import { routes as moderation } from './moderation/routes';

/**
 * Every route of every capability. In the cloud each function serves its declared endpoints; tests and the bench call
 * through here in-process, with the same wrapper and the same commands, each request run as the function that serves
 * it in the cloud (its declared needs, its timeout).
 */
export const allRoutes = [...platform, ...auth, ...org, ...sayItDay, ...fiveLists, ...signups, ...notifications, ...uploads, ...relief, ...announcements, ...elderCare, ...employment, ...microProjects, ...workbench, ...workSummary, ...cases, ...safety, ...privacy, ...moderation];

/** The route table by function, read from the capability declarations. */
export const routeTable: { fn: FunctionDeclaration; routes: Route[] }[] = functionDeclarations
  .filter((fn): fn is FunctionDeclaration & HttpFunction => fn.kind === 'http')
  .map((fn) => ({ fn, routes: allRoutes.filter((r) => (fn.endpoints as readonly Endpoint[]).includes(r.endpoint)) }));

function functionOf(event: HttpEvent): { fn: FunctionDeclaration; routes: Route[] } | undefined {
  const method = (event.requestContext?.http?.method ?? 'GET').toUpperCase();
  const path = event.rawPath || '/';
  return routeTable.find((t) => t.routes.some((r) => r.endpoint.method === method && r.pattern.test(path)));
}

export function handleAny(event: HttpEvent, deps: Deps): Promise<HttpResult> {
  if (event.rawPath === openApiPath) return platformHandle(event, deps);
  const served = functionOf(event);
  if (!served) return handle(allRoutes, event, deps); // answers 404 ROUTE_NOT_FOUND (or 405-like) as each function would
  return handleAs(served.fn, served.routes, event, deps);
}

