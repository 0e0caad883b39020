import { openApiPath } from '../../shared/api';
import { platformApi } from '../../shared/platform/api';
import { openApiDocument } from '../../shared/openapi';
import { runAs } from './capability';
import { loadDeps, type Deps } from './context';
import { platformCapability } from './declaration';
import { handle, route, type HttpEvent, type HttpResult } from './http';

export const routes = [
  route(platformApi.health, async (ctx) => ({ ok: true as const, time: ctx.clock.now().toISOString() })),
  route(platformApi.config, async (ctx) => ({ templates: ctx.config.templates, env: ctx.config.env })),
];

let doc: string | undefined;

export async function platformHandle(event: HttpEvent, deps: Deps): Promise<HttpResult> {
  if (event.rawPath === openApiPath) {
    doc ??= JSON.stringify(openApiDocument());
    return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: doc };
  }
  return handle(routes, event, deps);
}

export const handler = async (event: HttpEvent) => {
  const deps = await loadDeps();
  return runAs(platformCapability.functions.platform!, () => platformHandle(event, deps));
};
