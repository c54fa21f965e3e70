// The login page's JavaScript budget, over Vite's manifest (dist/.vite/manifest.json):
// the entry chunk, every chunk it imports statically (transitively), the
// Lithuanian login texts (virtual:login-texts/lt, loaded before the first render) and the login route's own
// chunk should it ever be loaded lazily. Other dynamic imports (the pages
// after login, the other language) are not part of it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** 150 kB (decimal, as the issue states it), compressed. */
export const LOGIN_JS_BUDGET = 150_000;

/** The manifest keys of the login page's initial JavaScript. */
export function loginChunks(
  manifest,
  { entry = 'index.html', alsoLoaded = ['src/app/routes/login.tsx', 'virtual:login-texts/lt'] } = {},
) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no ${key}`);
    seen.add(key);
    for (const child of chunk.imports ?? []) visit(child);
  };
  visit(entry);
  for (const key of alsoLoaded) if (manifest[key]) visit(key);
  return [...seen];
}

/** Gzip (level 9) and brotli (quality 11) sizes of the login page's JavaScript in `dist`. */
export function loginBudget(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const files = loginChunks(manifest).map((key) => manifest[key].file).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const data = readFileSync(join(dist, file));
    raw += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
    brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files, raw, gzip, brotli };
}
