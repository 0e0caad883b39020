/**
 * The mini-program's shape, read from its source (issue 13 item 5): pages read and change through the domain hooks of
 * miniprogram/src/hooks/ (hooks/fiveLists.ts, hooks/relief.ts, …), never `call(api.…)` themselves, and an action's
 * busy/error state is hooks/useAction's, never a page's own `setBusy`. (api/, lib/ and state/ are the plumbing under
 * the hooks: the session, uploads, subscriptions, the privacy sheet; they still call the API themselves.)
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../miniprogram/src');

/**
 * Direct calls left in pages/ and packages/: 257 before the domain hooks, 0 since (2026-12-05). A ratchet: should a
 * page ever need one again for a while, raise it in the same commit and say why; the next person lowers it.
 */
const MAX_DIRECT_CALLS = 0;

/** The contract's namespaces (shared/api.ts) the pages use, each with its module under hooks/ (hooks/<domain>.ts). */
const DOMAINS = [
  'fiveLists',
  'sayItDay',
  'moderation',
  'org',
  'announcements',
  'cases',
  'relief',
  'auth',
  'signups',
  'workbench',
  'elderCare',
  'safety',
  'privacy',
  'microProjects',
  'employment',
  'notifications',
  'workSummary',
];

/** The names an action's own busy flag went by before useAction. */
const OWN_BUSY = /\bset(Busy|Saving|Submitting|Sending)\b/;

interface Source {
  /** relative to miniprogram/src, with forward slashes */
  file: string;
  text: string;
}

function sources(dir: string): Source[] {
  const out: Source[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (/\.tsx?$/.test(entry.name)) out.push({ file: path.relative(SRC, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
  }
  return out;
}

/** `call(api.<domain>.<endpoint>` occurrences, by domain ('*' for any). */
function directCalls(text: string, domain = '*'): number {
  const re = domain === '*' ? /\bcall\(\s*api\./g : new RegExp(`\\bcall\\(\\s*api\\.${domain}\\.`, 'g');
  return text.match(re)?.length ?? 0;
}

const all = sources(SRC);
const under = (...prefixes: string[]) => all.filter((s) => prefixes.some((p) => s.file === p || s.file.startsWith(`${p}/`)));

describe('the mini-program reads and changes through its domain hooks', () => {
  it('counts a direct call however it is spaced, and only calls through api', () => {
    // Prepare
    const text = "call(api.relief.mine, {})\ncall( api.fiveLists.matter, { params })\nrecall(api.x.y)\ncall(apiBase)\nrelief.mine()";
    // Act
    const counts = { any: directCalls(text), relief: directCalls(text, 'relief'), signups: directCalls(text, 'signups') };
    // Assess
    expect(counts).toEqual({ any: 2, relief: 1, signups: 0 });
  });

  it('reads the source it guards: the module of each domain under hooks/ holds its calls', () => {
    // the scan found the app (an empty or moved folder would pass every other test vacuously)
    expect(under('pages').length).toBeGreaterThan(5);
    expect(under('packages').length).toBeGreaterThan(50);
    for (const domain of DOMAINS) {
      expect({ domain, inItsModule: directCalls(under(`hooks/${domain}.ts`)[0]?.text ?? '', domain) > 0 }).toEqual({ domain, inItsModule: true });
    }
  });

  it('keeps no busy/error state of its own outside hooks/: every action runs through useAction', () => {
    const own = all.filter((s) => !s.file.startsWith('hooks/') && OWN_BUSY.test(s.text)).map((s) => s.file);
    expect(own).toEqual([]);
  });

  it.each(DOMAINS)('calls the %s API from hooks/ only', (domain) => {
    const direct = under('pages', 'packages', 'components')
      .filter((s) => directCalls(s.text, domain) > 0)
      .map((s) => s.file);
    expect(direct).toEqual([]);
  });

  it('has no page, subpackage or component that calls the API itself, whatever the domain', () => {
    const direct = under('pages', 'packages', 'components')
      .filter((s) => directCalls(s.text) > 0)
      .map((s) => s.file);
    expect(direct).toEqual([]);
  });

  it(`leaves at most ${MAX_DIRECT_CALLS} direct calls in pages/ and packages/ (the ratchet)`, () => {
    const total = under('pages', 'packages').reduce((n, s) => n + directCalls(s.text), 0);
    expect(total).toBeLessThanOrEqual(MAX_DIRECT_CALLS);
  });
});
