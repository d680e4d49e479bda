import fs from 'node:fs';
import path from 'node:path';
import { openApiText } from '../server/openapi/generate';

// `npm run openapi`: writes docs/openapi.json from shared/sync/protocol.ts.
const file = path.join(import.meta.dirname, '..', 'docs', 'openapi.json');
fs.writeFileSync(file, openApiText());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
