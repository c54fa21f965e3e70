// Fails when src/api/schema.ts is not what openapi-typescript generates
// from ../openapi/openapi.json: the API types must never be stale.
// `npm run gen:api` writes the file; this writes to a temporary file with the
// same (pinned) generator and compares.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');
const committed = join(root, 'src', 'api', 'schema.ts');

const dir = mkdtempSync(join(tmpdir(), 'atvejis-api-'));
const fresh = join(dir, 'schema.ts');
try {
  execFileSync(process.execPath, [cli, join(root, '..', 'openapi', 'openapi.json'), '-o', fresh, '--enum-values'], { stdio: 'pipe' });
  if (readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error(
      'frontend/src/api/schema.ts is stale: it differs from what openapi/openapi.json generates.\n' +
        'Run `npm run gen:api` in frontend/ (after regenerating openapi/openapi.json) and commit the result.',
    );
    process.exit(1);
  }
  console.log('API types are current.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
