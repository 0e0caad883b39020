import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Opens xlsx and docx files with their real readers, Debian's python3-openpyxl and python3-docx (TOOLCHAIN.md: they
 * are in /usr/bin/python3; the python on the PATH may lack them). `officeReaders()` is undefined where they are missing:
 * the caller skips loudly, saying what to install.
 */
const PY = '/usr/bin/python3';

export function officeReaders(): { docx(bytes: Buffer): { paragraphs: { style: string; text: string }[] }; xlsx(bytes: Buffer): { sheets: string[]; rows: unknown[][] } } | undefined {
  const check = spawnSync(PY, ['-c', 'import docx, openpyxl'], { encoding: 'utf8' });
  if (check.status !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'office-'));
  const run = (script: string, bytes: Buffer, ext: string) => {
    const file = join(dir, `f${Math.random().toString(36).slice(2)}.${ext}`);
    writeFileSync(file, bytes);
    const out = spawnSync(PY, ['-c', script, file], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`the reader refused the ${ext}: ${out.stderr}`);
    return JSON.parse(out.stdout);
  };
  return {
    docx: (bytes) =>
      run('import sys, json, docx\nd = docx.Document(sys.argv[1])\nprint(json.dumps({"paragraphs": [{"style": p.style.name, "text": p.text} for p in d.paragraphs]}))', bytes, 'docx'),
    xlsx: (bytes) =>
      run(
        'import sys, json, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb.worksheets[0]\nprint(json.dumps({"sheets": wb.sheetnames, "rows": [list(r) for r in ws.iter_rows(values_only=True)]}, default=str))',
        bytes,
        'xlsx',
      ),
  };
}

export const OFFICE_READERS_MISSING = 'SKIPPED: python3-docx / python3-openpyxl are missing: apt-get install -y python3-docx python3-openpyxl (TOOLCHAIN.md)';
