import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Feature boundaries (src/features/<feature>/):
// - A feature imports its own files by relative paths, and shared code by
//   `@/api`, `@/components`, `@/lib`, `@/i18n`. It imports no other feature,
//   not even its public index: pages that show several features are composed
//   in src/app/routes, and data one feature changes and another shows is
//   refreshed there, through the other feature's exported query keys.
// - src/app imports a feature only through its public index
//   (`@/features/persons`), never a file inside it.
// - A feature's query keys come from its factory (`keys.ts`, exported by its
//   index), never written out in place.
// - Shared code (src/api, src/components, src/lib, src/i18n) imports no feature.
// - Only the app imports the app (`@/app`).
// src/app/feature-boundaries.test.ts checks that these rules catch what they should.

const FEATURE_INSIDE = '^@/features/[^/]+/.';
const ANY_FEATURE = '^@/features(/|$)';
const APP = '^@/app(/|$)';
/** A relative path into a features folder, from anywhere (`../features/x`, `../../features/x/y`). */
const RELATIVE_FEATURE = '^\\.{1,2}/(\\.\\./)*features(/|$)';

const messages = {
  feature:
    'Features do not import each other (compose them in src/app/routes) and import shared code through @/api, @/components, @/lib or @/i18n.',
  deep: 'Import a feature through its public index (`@/features/<feature>`), not a file inside it.',
  shared: 'Shared code (src/api, src/components, src/lib, src/i18n) does not depend on features.',
  keys: "A feature's query keys come from its key factory (keys.ts), which others use to refresh its data.",
  app: 'Only src/app imports the app: pass what a feature needs as props, or compose it in a route.',
};

/**
 * A file `depth` folders below its feature's folder (0: `features/x/index.ts`,
 * 1: `features/x/api/y.ts`) leaves the feature with `depth + 1` steps up.
 */
function featureRules(depth) {
  const leaving = `^(\\./)?(\\.\\./){${depth + 1}}`;
  return {
    files: [`src/features/*/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: ANY_FEATURE, message: messages.feature },
            { regex: leaving, message: messages.feature },
            { regex: APP, message: messages.app },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression[source.value=/${ANY_FEATURE.replaceAll('/', '\\/')}/]`, message: messages.feature },
        { selector: "Property[key.name='queryKey'] > ArrayExpression", message: messages.keys },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'src/api/schema.ts', 'test-results', 'playwright-report'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: ANY_FEATURE, message: messages.shared },
            { regex: RELATIVE_FEATURE, message: messages.shared },
            { regex: APP, message: messages.app },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: FEATURE_INSIDE, message: messages.deep },
            { regex: RELATIVE_FEATURE, message: messages.deep },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression[source.value=/${FEATURE_INSIDE.replaceAll('/', '\\/')}/]`, message: messages.deep },
      ],
    },
  },
  ...[0, 1, 2, 3, 4].map(featureRules),
);
