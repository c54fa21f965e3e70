// Every user-facing string comes from the translation files: no words as
// JSX text or in the text props of components (labels, titles, ARIA names).
import { describe, expect, it } from 'vitest';

/** Every component source, by path (Vite reads them as text). */
const SOURCES = import.meta.glob<string>(['../**/*.tsx', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const LETTER = '[A-Za-zĄČĘĖĮŠŲŪŽąčęėįšųūž]';
/** `>Some words<` between tags (JSX text). */
const JSX_TEXT = new RegExp(`>[^<>{}]*${LETTER}{2,}[^<>{}]*<`, 'g');
/** `label="Some words"` and the like. */
const TEXT_PROP = new RegExp(
  `\\b(label|title|placeholder|description|aria-label|alt|nothingFoundMessage|error)="[^"]*${LETTER}{2,}[^"]*"`,
  'g',
);

describe('components', () => {
  it('have no user-facing strings of their own', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(10);
    const found = Object.entries(SOURCES).flatMap(([path, source]) => {
      const code = source.replace(/\/\/.*$/gm, '');
      const hits = [...code.matchAll(JSX_TEXT), ...code.matchAll(TEXT_PROP)]
        .map((m) => m[0])
        // Code between `>` and `<` (comparisons, ternaries, arrows) is not text.
        .filter((hit) => !/=>|[=&|]{2}|\(\)|;|\s\?\s|\?\s*\(|\)\s*:/.test(hit));
      return hits.map((hit) => `${path}: ${hit.trim()}`);
    });
    expect(found).toEqual([]);
  });
});
