import path from 'node:path'
import Module from 'node:module'

/**
 * The route table (method, path, idempotent) of every endpoint, read at build time from the one contract in
 * shared/api.ts and handed to the app as a constant. The app then needs no runtime zod in its main package,
 * and a path renamed in the contract is renamed in the app by the next build.
 */
export function loadRoutes(): Record<string, Record<string, { method: string; path: string; idempotent?: boolean }>> {
  // esbuild is a root devDependency (the backend bundles with it); zod stays external and is required from the root.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const esbuild = require('esbuild') as typeof import('esbuild')
  const entry = path.resolve(__dirname, '../../shared/api.ts')
  const out = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    external: ['zod'],
    logLevel: 'silent',
  })
  const m = new Module(entry) as Module & { _compile(code: string, filename: string): void; paths: string[] }
  m.filename = entry
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(entry))
  m._compile(out.outputFiles[0].text, entry)
  const api = (m.exports as { api: Record<string, Record<string, { method: string; path: string; idempotent?: boolean }>> }).api
  const routes: ReturnType<typeof loadRoutes> = {}
  for (const [capability, endpoints] of Object.entries(api)) {
    routes[capability] = {}
    for (const [name, e] of Object.entries(endpoints)) {
      routes[capability][name] = e.idempotent ? { method: e.method, path: e.path, idempotent: true } : { method: e.method, path: e.path }
    }
  }
  return routes
}
