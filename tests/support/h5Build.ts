import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Run under the build lock by tests/support/web.ts ensureH5Build: builds the h5 app when it is missing or older than
 * its sources, then hard-links the build into the snapshot folder given as the argument. A test file serves its own
 * snapshot, so a build started meanwhile by another test file (or person) never takes the files from under it.
 */
const ROOT = path.resolve(__dirname, '../..');
const H5 = path.join(ROOT, 'miniprogram/dist/h5');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const snapshot = process.argv[2];
if (!snapshot) throw new Error('usage: h5Build.ts <snapshot folder>');
const index = path.join(H5, 'index.html');
const stale = !existsSync(index) || statSync(index).mtimeMs < Math.max(newestMtime(path.join(ROOT, 'miniprogram/src')), newestMtime(path.join(ROOT, 'shared')));
if (stale) execFileSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
execFileSync('cp', ['-al', H5, snapshot]);
