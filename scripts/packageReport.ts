/**
 * Prints each function's zip size and its unpacked size (the cold-start bundle; DESIGN budget: under 300 KB) for the
 * package directories given. Reads the zip's central directory itself, so it needs no unzip tool.
 *   tsx scripts/packageReport.ts .serverless/prod-ap-east-1 [...]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const BUDGET = 300 * 1024;

export function zipContents(file: string): Array<{ name: string; size: number; compressed: number }> {
  const buf = readFileSync(file);
  // end of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: Array<{ name: string; size: number; compressed: number }> = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    out.push({ name, size, compressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (/packageReport\.(ts|js)$/.test(process.argv[1] ?? '')) {
  let over = 0;
  for (const dir of process.argv.slice(2)) {
    const zips = readdirSync(dir).filter((f) => f.endsWith('.zip')).sort();
    console.log(`\n${dir}`);
    console.log(`  ${'function'.padEnd(18)} ${'zip'.padStart(10)} ${'unpacked'.padStart(10)}  files`);
    for (const z of zips) {
      const file = path.join(dir, z);
      const entries = zipContents(file);
      const unpacked = entries.reduce((s, e) => s + e.size, 0);
      const flag = unpacked > BUDGET ? '  ← over the 300 KB budget' : '';
      if (unpacked > BUDGET) over++;
      console.log(`  ${z.replace(/\.zip$/, '').padEnd(18)} ${kb(statSync(file).size).padStart(10)} ${kb(unpacked).padStart(10)}  ${entries.length}${flag}`);
    }
    const tpl = path.join(dir, 'cloudformation-template-update-stack.json');
    const t = JSON.parse(readFileSync(tpl, 'utf8')) as { Resources: Record<string, { Type: string }> };
    const types = Object.values(t.Resources).reduce<Record<string, number>>((m, r) => ({ ...m, [r.Type]: (m[r.Type] ?? 0) + 1 }), {});
    console.log(`  template: ${Object.keys(t.Resources).length} resources (${Object.entries(types).map(([k, v]) => `${k.replace('AWS::', '')} ×${v}`).join(', ')})`);
  }
  if (over) console.log(`\n${over} function bundle(s) over the 300 KB budget`);
}
