/**
 * npm run check:weapp — WeChat's own checks on the weapp, as its upload runs them, and the package sizes.
 *
 * Builds the weapp (npm run build:weapp, production) into its own folder, miniprogram/dist/weapp-checks (never dist/h5,
 * which the browser tests serve, nor dist/weapp, which npm run bench builds), then runs miniprogram-ci's
 * checkCodeQuality and analyseCode on it. Both run offline. miniprogram-ci is large (about 275 MB) and is never a
 * project dependency: it is installed once per machine, at the pinned version, into ~/.cache/linli/miniprogram-ci
 * (LINLI_MINIPROGRAM_CI_DIR to move it). Exits 0 only when every check passes and the main package is under 600 KB.
 *
 *   npm run check:weapp [-- --no-build] [-- --out DIR] [-- --report FILE]
 *     --no-build      check the build already in the output folder
 *     --report FILE   also write the result as JSON (tests/stack/weappChecks.test.ts reads it)
 * Exit codes: 0 all passed; 1 a check failed or the main package is over budget; 2 the build failed;
 * 3 miniprogram-ci is missing and could not be installed (offline).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
/** Pinned: the checks' names and thresholds are the tool's; a new version is taken on purpose, not by chance. */
export const MINIPROGRAM_CI_VERSION = '2.1.42';
/** Our own budget for the main package (WeChat's limit is 2 MB; its quality check warns from 1.5 MB). */
export const MAIN_PACKAGE_BUDGET = 600 * 1024;
export const DEFAULT_OUT = path.join(ROOT, 'miniprogram', 'dist', 'weapp-checks');
export const ciDir = () => process.env.LINLI_MINIPROGRAM_CI_DIR || path.join(os.homedir(), '.cache', 'linli', 'miniprogram-ci');

export type Check = { name: string; pass: boolean; text: string; detail?: unknown };
export type WeappReport = {
  ok: boolean;
  checks: Check[];
  /** bytes, as WeChat counts them (analyseCode): the main package, each subpackage by root, and all */
  sizes: { main: number; subpackages: Record<string, number>; total: number };
  out: string;
  ms: { install: number; build: number; checks: number };
};

export class MiniprogramCiMissingError extends Error {}
export class WeappBuildError extends Error {}

const installedVersion = (dir: string): string | undefined => {
  const pkg = path.join(dir, 'node_modules', 'miniprogram-ci', 'package.json');
  return existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : undefined;
};

/**
 * miniprogram-ci at the pinned version in the cache folder, installed when missing. The install goes to a folder of its
 * own and is renamed into place, so two runs at once never see a half-installed tool. Returns the install's ms (0 when
 * it was there).
 */
export function ensureMiniprogramCi(dir = ciDir()): number {
  if (installedVersion(dir) === MINIPROGRAM_CI_VERSION) return 0;
  const t0 = Date.now();
  const tmp = `${dir}.installing-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  console.log(`miniprogram-ci@${MINIPROGRAM_CI_VERSION} not in ${dir}: installing it (about 275 MB, once per machine)…`);
  const r = spawnSync('npm', ['install', '--prefix', tmp, '--no-save', '--no-audit', '--no-fund', '--loglevel', 'error', `miniprogram-ci@${MINIPROGRAM_CI_VERSION}`], {
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (r.status !== 0 || installedVersion(tmp) !== MINIPROGRAM_CI_VERSION) {
    rmSync(tmp, { recursive: true, force: true });
    const why = `${r.error?.message ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-4).join('\n');
    throw new MiniprogramCiMissingError(
      `miniprogram-ci@${MINIPROGRAM_CI_VERSION} is not installed in ${dir} and npm could not install it (is the npm registry reachable?).\n` +
        `On a connected machine run: npm install --prefix ${dir} --no-save miniprogram-ci@${MINIPROGRAM_CI_VERSION}\n${why}`,
    );
  }
  if (installedVersion(dir) === MINIPROGRAM_CI_VERSION) {
    // another run put its copy in place meanwhile: keep that one
    rmSync(tmp, { recursive: true, force: true });
  } else {
    rmSync(dir, { recursive: true, force: true }); // an older version, or a folder without the tool
    mkdirSync(path.dirname(dir), { recursive: true });
    renameSync(tmp, dir);
  }
  return Date.now() - t0;
}

/** The project's weapp build (npm run build:weapp), production, into `out`. Returns its ms. */
export function buildWeapp(out = DEFAULT_OUT): number {
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', '--silent', 'build:weapp'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 10 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production', LINLI_OUTPUT_ROOT: out },
  });
  if (r.status !== 0 || !existsSync(path.join(out, 'app.json'))) {
    const tail = `${r.error?.message ?? ''}\n${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new WeappBuildError(`npm run build:weapp failed (into ${out}):\n${tail}`);
  }
  return Date.now() - t0;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Files of the build that WeChat's tools read themselves and that no page loads. */
const TOOL_FILES = new Set(['project.config.json', 'project.private.config.json', 'sitemap.json']);

/**
 * Our own two checks beside WeChat's: WeChat's compression checks only read project.config.json's switches, so these
 * look at what was built: (1) the JS, WXML and WXSS are minified (in a file of more than 2 KB, under 1% of lines start
 * with indentation), (2) every file of the output is one WeChat's dependency analysis reaches, or a tool file.
 */
function ownChecks(out: string, analysed: Array<{ path: string; moduleId: string | null }>): Check[] {
  const files = filesUnder(out);
  const unminified: string[] = [];
  for (const f of files.filter((x) => /\.(js|wxml|wxss)$/.test(x))) {
    const text = readFileSync(path.join(out, f), 'utf8');
    if (text.length < 2048) continue;
    const lines = text.split('\n');
    const indented = lines.filter((l) => /^[ \t]+\S/.test(l)).length;
    if (indented > lines.length * 0.01) unminified.push(`${f} (${indented} of ${lines.length} lines indented)`);
  }
  const reached = new Set(analysed.filter((f) => f.moduleId).map((f) => f.path));
  const stray = files.filter((f) => !reached.has(f) && !TOOL_FILES.has(f));
  return [
    {
      name: 'LINLI_OUTPUT_MINIFIED',
      pass: unminified.length === 0,
      text: unminified.length ? `not minified: ${unminified.slice(0, 8).join(', ')}` : 'the built JS, WXML and WXSS are minified',
      detail: unminified,
    },
    {
      name: 'LINLI_NO_STRAY_FILES',
      pass: stray.length === 0,
      text: stray.length ? `files no package uses: ${stray.slice(0, 8).join(', ')}${stray.length > 8 ? ` and ${stray.length - 8} more` : ''}` : 'every file of the build is used',
      detail: stray,
    },
  ];
}

type MiniprogramCi = {
  Project: new (o: Record<string, unknown>) => unknown;
  checkCodeQuality(p: unknown): Promise<Array<{ name: string; success: boolean; text: string; detail?: unknown }>>;
  analyseCode(p: unknown): Promise<{ files: Array<{ path: string; size: number; moduleId: string | null; subPackage: string | null }> }>;
};

/** WeChat's checks and the sizes of the build in `out`, with miniprogram-ci from `dir` (installed beforehand). */
export async function checkWeapp(out = DEFAULT_OUT, dir = ciDir()): Promise<Omit<WeappReport, 'ms'> & { ms: number }> {
  const t0 = Date.now();
  const ci = createRequire(path.join(dir, 'package.json'))('miniprogram-ci') as MiniprogramCi;
  // appid and key are placeholders: neither check reads them (only upload and preview, which need WeChat's servers, do)
  const project = new ci.Project({ appid: 'wx0000000000000000', type: 'miniProgram', projectPath: out, privateKey: 'x' });
  const quality = await ci.checkCodeQuality(project);
  const analysed = await ci.analyseCode(project);
  const subpackages: Record<string, number> = {};
  let main = 0;
  for (const f of analysed.files) {
    if (f.subPackage) subpackages[f.subPackage] = (subpackages[f.subPackage] ?? 0) + f.size;
    else main += f.size;
  }
  const total = main + Object.values(subpackages).reduce((s, n) => s + n, 0);
  const checks: Check[] = quality.map((q) => ({ name: q.name, pass: q.success, text: q.text, detail: q.detail }));
  checks.push(...ownChecks(out, analysed.files));
  checks.push({
    name: 'LINLI_MAIN_PACKAGE_BUDGET',
    pass: main < MAIN_PACKAGE_BUDGET,
    text: `main package ${kb(main)} KB, budget under ${kb(MAIN_PACKAGE_BUDGET)} KB`,
  });
  return { ok: checks.every((c) => c.pass), checks, sizes: { main, subpackages, total }, out, ms: Date.now() - t0 };
}

const kb = (n: number) => (n / 1024).toFixed(1);

/** The checks and the sizes as the console shows them. */
export function formatReport(r: WeappReport): string {
  const lines: string[] = ['', 'WeChat code quality (miniprogram-ci checkCodeQuality) and our own checks:'];
  for (const c of r.checks) lines.push(`  ${c.pass ? 'pass' : 'FAIL'}  ${c.name.padEnd(30)} ${c.pass ? '' : c.text}`.trimEnd());
  lines.push('', `Package sizes (analyseCode, ${path.relative(ROOT, r.out) || r.out}):`);
  lines.push(`  ${'main package'.padEnd(30)} ${kb(r.sizes.main).padStart(8)} KB${r.sizes.main >= MAIN_PACKAGE_BUDGET ? '  ← over the 600 KB budget' : ''}`);
  for (const [root, size] of Object.entries(r.sizes.subpackages).sort()) lines.push(`  ${root.padEnd(30)} ${kb(size).padStart(8)} KB`);
  lines.push(`  ${'total'.padEnd(30)} ${kb(r.sizes.total).padStart(8)} KB`);
  lines.push('', `(install ${Math.round(r.ms.install / 1000)} s, build ${Math.round(r.ms.build / 1000)} s, checks ${Math.round(r.ms.checks / 1000)} s)`);
  lines.push(r.ok ? 'All checks passed.' : `${r.checks.filter((c) => !c.pass).length} check(s) failed.`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = path.resolve(arg('--out') ?? DEFAULT_OUT);
  const reportFile = arg('--report');
  let install = 0;
  let build = 0;
  try {
    // the tool first: an offline machine without it fails in seconds, not after a build
    install = ensureMiniprogramCi();
    if (!argv.includes('--no-build')) build = buildWeapp(out);
    else if (!existsSync(path.join(out, 'app.json'))) throw new WeappBuildError(`--no-build: no weapp build in ${out}`);
  } catch (e) {
    console.error(`\n${(e as Error).message}`);
    return e instanceof MiniprogramCiMissingError ? 3 : 2;
  }
  const r = await checkWeapp(out);
  const report: WeappReport = { ...r, ms: { install, build, checks: r.ms } };
  console.log(formatReport(report));
  if (reportFile) writeFileSync(reportFile, JSON.stringify(report, null, 2));
  return report.ok ? 0 : 1;
}

if (/weappChecks\.(ts|js)$/.test(process.argv[1] ?? '')) {
  // miniprogram-ci leaves a file watcher open: exit explicitly once the report is out
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

