// Fails when src/api/schema.d.ts is not what openapi-typescript generates
// from ../openapi/openapi.json (the API types must never be stale).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'atvejis-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync('npx', ['openapi-typescript', '../openapi/openapi.json', '-o', fresh], { stdio: 'pipe' });
  const committed = readFileSync('src/api/schema.d.ts', 'utf8');
  if (readFileSync(fresh, 'utf8') !== committed) {
    console.error('src/api/schema.d.ts is stale: run `npm run gen:api` (or `make openapi`) and commit it.');
    process.exit(1);
  }
  console.log('API types are current.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
