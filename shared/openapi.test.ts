import { api } from './api';
import { openApiDocument } from './openapi';

describe('the OpenAPI document', () => {
  it('describes every endpoint of the contract, with request bodies where they take one', () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; operationId: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    const count = Object.values(api).reduce((n, g) => n + Object.keys(g).length, 0);
    expect(ops).toHaveLength(count);
    expect(doc.paths['/sessions/{sessionId}/matters']!.post!.requestBody).toBeDefined();
  });
});
