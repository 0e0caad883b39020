import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../shared/openapi';

/** npm run openapi: writes the OpenAPI 3.1 document generated from the zod contract. */
const out = process.argv[2] ?? 'openapi.json';
writeFileSync(out, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${out}`);
