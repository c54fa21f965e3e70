// Fails the build when the login page's JavaScript (entry + its static
// imports) exceeds its budget, gzip or brotli (see bundle-budget.mjs).
import { fileURLToPath } from 'node:url';
import { LOGIN_JS_BUDGET, loginBudget } from './bundle-budget.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const { files, raw, gzip, brotli } = loginBudget(dist);
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(
  `login page JavaScript: ${files.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli (budget ${kb(LOGIN_JS_BUDGET)})`,
);
if (gzip > LOGIN_JS_BUDGET || brotli > LOGIN_JS_BUDGET) {
  console.error(`the login page's JavaScript exceeds ${kb(LOGIN_JS_BUDGET)} compressed:\n  ${files.join('\n  ')}`);
  process.exit(1);
}
