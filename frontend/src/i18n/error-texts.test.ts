// Every stable code the API can answer with — a problem's `code` and a
// field error's `code`, both enums in the OpenAPI document — has a text in
// each language, so no English server message reaches a Lithuanian screen.
// A code added on the server fails here until it gets its texts.
import { describe, expect, it } from 'vitest';
import { errorCodeValues, fieldCodeValues } from '@/api/schema';
import lt from './lt.json';
import en from './en.json';

const languages = { lt, en } as const;

function missing(texts: Record<string, unknown>, codes: readonly string[]): string[] {
  return codes.filter((code) => typeof texts[code] !== 'string' || (texts[code] as string).trim() === '');
}

describe('error texts', () => {
  it.each(Object.entries(languages))('%s has a text for every ErrorCode', (_, texts) => {
    expect(errorCodeValues.length).toBeGreaterThan(30);
    expect(missing(texts.errors.codes, errorCodeValues)).toEqual([]);
  });

  it.each(Object.entries(languages))('%s has a text for every FieldCode', (_, texts) => {
    expect(fieldCodeValues.length).toBeGreaterThan(20);
    expect(missing(texts.errors.fields, fieldCodeValues)).toEqual([]);
  });

  it('has no texts for codes the API does not have', () => {
    const known = new Set<string>(errorCodeValues);
    const knownFields = new Set<string>(fieldCodeValues);
    expect(Object.keys(lt.errors.codes).filter((c) => !known.has(c))).toEqual([]);
    expect(Object.keys(lt.errors.fields).filter((c) => !knownFields.has(c))).toEqual([]);
  });
});
