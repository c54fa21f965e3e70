import { describe, expect, it } from 'vitest';
import lt from './lt.json';
import en from './en.json';

function keys(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function placeholders(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
  if (Array.isArray(value)) return value.flatMap(placeholders);
  if (value && typeof value === 'object') return Object.values(value).flatMap(placeholders);
  return [];
}

describe('translations', () => {
  it('Lithuanian and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(lt).sort());
  });

  it('use the same placeholders', () => {
    expect(placeholders(en)).toEqual(placeholders(lt));
  });

  it('have no empty strings', () => {
    const empty = (v: unknown): boolean =>
      typeof v === 'string' ? v.trim() === '' : Array.isArray(v) ? v.some(empty) : Object.values(v as object).some(empty);
    expect(empty(lt)).toBe(false);
    expect(empty(en)).toBe(false);
  });
});
