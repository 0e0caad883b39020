import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ports } from '../ports';

/**
 * DESIGN: a capability never imports another capability's internals; what one offers another is a port
 * (platform/ports.ts), bound where the capabilities are composed (functions/ports.ts). Read from the source, so a new
 * import across the line fails here before it couples two Lambdas.
 */
const root = resolve(__dirname, '..');
const capabilities = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory() && d !== 'platform');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every relative import of a capability's code that lands in another capability's folder. */
function crossings(capability: string): string[] {
  const found: string[] = [];
  for (const file of sources(join(root, capability))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']*)'/g)) {
      const target = relative(root, resolve(dirname(file), m[1]!)).split('/')[0]!;
      if (target !== capability && capabilities.includes(target)) found.push(`${relative(root, file)} -> ${m[1]}`);
    }
  }
  return found;
}

describe('ports between capabilities', () => {
  it.each(capabilities)('%s imports no other capability’s internals', (capability) => {
    expect(crossings(capability)).toEqual([]);
  });

  it('binds the five lists’ intake for say-it days: a toFiveLists outcome writes the collected matter where absent', () => {
    // Prepare
    const ctx = { clock: { now: () => new Date('2026-12-05T01:30:00.000Z') } } as Parameters<typeof ports.fiveListsIntake.collectWrites>[0];
    const matter = { id: 'm-1', communityId: 'c-1', subdistrictId: 'sd-1', authorId: 'u-1', authorName: '李明', anonymous: false, category: 'environment' as const, text: '路灯坏了', photoKeys: [] };
    // Act
    const [put, history] = ports.fiveListsIntake.collectWrites(ctx, matter, { userId: 'host-1', name: '王主任' }, { note: '转入五单' });
    const [undo] = ports.fiveListsIntake.uncollectWrites('m-1');
    // Assess
    expect(put).toMatchObject({ put: { id: 'm-1', state: 'collected', source: 'sayItDay', version: 0 }, if: { expr: 'attribute_not_exists(#pk)' } });
    expect(history).toMatchObject({ put: { action: 'collect', to: 'collected', byId: 'host-1', note: '转入五单' } });
    expect(undo).toMatchObject({ delete: { pk: (put as { put: { pk: string } }).put.pk }, if: { values: { ':collected': 'collected' } } });
  });
});
