// The lint rules that keep features apart (eslint.config.js) catch what they
// should and let through what they should: each case lints one import as if
// it were written in the given file.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The boundary rules' complaints about importing `from` in `file` (`import()` when `lazy`). */
async function complaints(file: string, from: string, lazy = false): Promise<string[]> {
  const source = lazy
    ? `export const y = () => import('${from}');\n`
    : `import { x } from '${from}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('feature boundaries', () => {
  it.each([
    ['src/features/applications/api/steps.ts', '@/features/persons/keys'],
    ['src/features/applications/api/steps.ts', '@/features/persons'],
    ['src/features/applications/api/steps.ts', '../../persons/keys'],
    ['src/features/applications/components/parts/panel.tsx', '../../../persons'],
    ['src/features/applications/index.ts', '../persons'],
    ['src/features/applications/index.ts', '../../features/persons/keys'],
    ['src/features/applications/components/view.tsx', '@/app/application-changes'],
  ])('a feature imports no other feature, nor the app: %s ← %s', async (file, from) => {
    expect(await complaints(file, from)).not.toEqual([]);
  });

  it('a feature loads no other feature lazily either', async () => {
    expect(await complaints('src/features/applications/components/view.tsx', '@/features/persons', true)).not.toEqual([]);
  });

  it.each([
    ['src/features/applications/api/steps.ts', '../keys'],
    ['src/features/applications/components/view.tsx', './decision-panel'],
    ['src/features/applications/components/parts/panel.tsx', '../../keys'],
    ['src/features/applications/index.ts', './api/steps'],
    ['src/features/applications/api/steps.ts', '@/lib/format'],
    ['src/features/applications/api/steps.ts', '@/components/field'],
  ])('a feature imports its own files and shared code: %s ← %s', async (file, from) => {
    expect(await complaints(file, from)).toEqual([]);
  });

  it('a feature takes its query keys from its key factory', async () => {
    const inPlace = "export const options = (id: string) => ({ queryKey: ['applications', id] });\n";
    const [result] = await eslint.lintText(inPlace, { filePath: 'src/features/applications/api/get-application.ts' });
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax');
  });

  it.each([
    ['src/app/routes/person-file.tsx', '@/features/persons/components/income-card'],
    ['src/app/routes/person-file.tsx', '../../features/persons/keys'],
  ])('the app does not reach inside a feature: %s ← %s', async (file, from) => {
    expect(await complaints(file, from)).not.toEqual([]);
  });

  it('the app does not load a file inside a feature lazily either', async () => {
    expect(await complaints('src/app/router.tsx', '@/features/persons/components/persons-page', true)).not.toEqual([]);
  });

  it('the app composes features through their public index', async () => {
    expect(await complaints('src/app/routes/person-file.tsx', '@/features/persons')).toEqual([]);
    expect(await complaints('src/app/router.tsx', './routes/persons', true)).toEqual([]);
  });

  it.each([
    ['src/lib/navigation.ts', '@/features/persons'],
    ['src/components/field.tsx', '../features/persons/keys'],
    ['src/api/client.ts', '@/app/app'],
  ])('shared code depends on no feature and not on the app: %s ← %s', async (file, from) => {
    expect(await complaints(file, from)).not.toEqual([]);
  });
});
