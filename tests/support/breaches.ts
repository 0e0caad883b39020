import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { takeBreaches, type Breach } from '../../functions/platform/cloudRules';

/**
 * Every test fails on a breach of a cloud rule that the local guard recorded while it ran (platform/cloudRules.ts):
 * a call the function's IAM role would refuse, a DynamoDB limit, a function's timeout. The error may have been
 * swallowed by the code under test (as a bare catch once turned AccessDenied into INVALID_REFRESH_TOKEN); the record
 * is not. Processes this worker starts (serverless-offline) report theirs through LINLI_BREACH_FILE.
 */
(globalThis as { __linliJest?: boolean }).__linliJest = true;
const file = path.join(tmpdir(), `linli-breaches-${process.pid}.jsonl`);
process.env.LINLI_BREACH_FILE = file;
process.env.LINLI_GUARD_QUIET = '1';

function fromChildren(): Breach[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Breach);
}

afterEach(() => {
  const found = [...takeBreaches(), ...fromChildren()];
  if (found.length) {
    throw new Error(`the local stack refused what AWS would refuse (${found.length}):\n${found.map((b) => `  [${b.rule}] ${b.message}`).join('\n')}`);
  }
});
