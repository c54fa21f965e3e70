// The login page's JavaScript budget (scripts/check-bundle.mjs, run by
// `npm run build`): which chunks count. The build itself fails over budget.
import { describe, expect, it } from 'vitest';
import { LOGIN_JS_BUDGET, loginChunks } from '../../scripts/bundle-budget.mjs';

const manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['src/app/routes/layout.tsx', 'virtual:login-texts/lt', 'src/i18n/en.json'] },
  '_shared.js': { file: 'assets/shared.js', imports: ['_runtime.js'] },
  '_runtime.js': { file: 'assets/runtime.js' },
  'src/app/routes/layout.tsx': { file: 'assets/layout.js', imports: ['_shared.js', '_dates.js'] },
  '_dates.js': { file: 'assets/dates.js' },
  'virtual:login-texts/lt': { file: 'assets/lt.js' },
  'src/i18n/en.json': { file: 'assets/en.js' },
};

describe('login page JavaScript', () => {
  it('counts the entry, its static imports and the Lithuanian texts, not the pages after login', () => {
    expect(loginChunks(manifest).sort()).toEqual(['_runtime.js', '_shared.js', 'index.html', 'virtual:login-texts/lt']);
  });

  it('counts the login route should it become a lazy chunk', () => {
    const lazyLogin = {
      ...manifest,
      'src/app/routes/login.tsx': { file: 'assets/login.js', imports: ['_form.js'] },
      '_form.js': { file: 'assets/form.js' },
    };
    expect(loginChunks(lazyLogin)).toEqual(expect.arrayContaining(['src/app/routes/login.tsx', '_form.js']));
  });

  it('is 150 kB compressed', () => {
    expect(LOGIN_JS_BUDGET).toBe(150_000);
  });
});
