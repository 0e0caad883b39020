/**
 * Relief's documents (issue 11 item 2): only the function that serves the audited view (reliefCases) may touch
 * relief-docs/, in its declaration and in the IAM role made from it; no other function's prefix covers it.
 */
import { functionDeclarations } from '../../functions/capabilities';
import { DOCUMENTS_PREFIX } from '../../shared/relief/schemas';
// cloud/iam.js loads the declarations through tsx for serverless; here jest has them compiled already
jest.mock('../../cloud/declarations', () => ({ declarations: () => jest.requireActual('../../functions/capabilities') }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { roles } = require('../../cloud/iam.js') as { roles: Record<string, { Properties: { Policies: { PolicyDocument: { Statement: { Sid?: string; Action: string | string[]; Resource: unknown }[] } }[] } }> };

/** a declared prefix that grants the documents' prefix (or part of it): '', 'relief', 'relief-docs/', 'relief-docs/x/' */
const covers = (p: string) => DOCUMENTS_PREFIX.startsWith(p) || p.startsWith(DOCUMENTS_PREFIX);

describe('the documents prefix', () => {
  it('is declared by reliefCases alone, for reading, presigning uploads and keeping them; the purge only tags it', () => {
    const touching = functionDeclarations
      .filter((f) => [f.needs.bucket?.read, f.needs.bucket?.write, f.needs.bucket?.tag].some((l) => l?.some(covers)))
      .map((f) => f.name);
    expect(touching.sort()).toEqual(['purgeExpired', 'reliefCases']);
    // the retention purge (2c53b69) tags a purged file's documents pending, for the bucket's lifecycle rule: it neither
    // reads nor writes them
    const purge = functionDeclarations.find((f) => f.name === 'purgeExpired')!;
    expect([purge.needs.bucket?.read, purge.needs.bucket?.write].some((l) => l?.some(covers))).toBe(false);
    expect(purge.needs.bucket?.tag).toContain(DOCUMENTS_PREFIX);
    const cases = functionDeclarations.find((f) => f.name === 'reliefCases')!;
    expect(cases.needs.bucket).toEqual({ read: [DOCUMENTS_PREFIX], write: [DOCUMENTS_PREFIX], tag: [DOCUMENTS_PREFIX] });
    // S3 asks KMS for the object's data key on the signer's behalf, under relief's encryption context
    expect([...(cases.needs.kms ?? [])].sort()).toEqual(['Decrypt', 'GenerateDataKey']);
  });

  it('is readable (s3:GetObject) in no IAM role but ReliefCasesRole, and no role reads the whole bucket', () => {
    const readers: string[] = [];
    for (const [role, def] of Object.entries(roles)) {
      for (const s of def.Properties.Policies.flatMap((p) => p.PolicyDocument.Statement)) {
        const actions = ([] as string[]).concat(s.Action);
        if (!actions.some((a) => a === 's3:GetObject' || a === 's3:*' || a === '*')) continue;
        const text = JSON.stringify(s.Resource);
        expect({ role, wholeBucket: /\}\/\*"|\}\/"/.test(text) }).toEqual({ role, wholeBucket: false });
        if (text.includes(`/${DOCUMENTS_PREFIX}`) || /\/relief\*|\/relief-\*/.test(text)) readers.push(role);
      }
    }
    expect(readers).toEqual(['ReliefCasesRole']);
  });
});
