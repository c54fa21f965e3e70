import { describe, expect, it } from 'vitest';
import { formatMonth, formatQuantity, previousMonth, progressPercent, runMonthChoices, shiftMonth } from './months';

describe('months of the charges', () => {
  it('formats a month in Lithuanian and English', () => {
    expect(formatMonth('2026-11', 'lt')).toBe('2026 m. lapkritis');
    expect(formatMonth('2026-01', 'en')).toBe('January 2026');
    expect(formatMonth('2026-13', 'lt')).toBe('2026-13');
    expect(formatMonth('nonsense', 'lt')).toBe('nonsense');
  });

  it('writes a quantity with the decimal mark of the language', () => {
    expect(formatQuantity('12.5', 'lt')).toBe('12,5');
    expect(formatQuantity('12.5', 'en')).toBe('12.5');
    expect(formatQuantity('30', 'lt')).toBe('30');
  });

  it('steps back across the year', () => {
    expect(previousMonth('2026-12-03')).toBe('2026-11');
    expect(previousMonth('2027-01-01')).toBe('2026-12');
    expect(shiftMonth('2026-03-31', -14)).toBe('2025-01');
    expect(shiftMonth('2026-12-31', 1)).toBe('2027-01');
  });

  it('offers this month and the year before, newest first', () => {
    const months = runMonthChoices('2026-02-10', 3);
    expect(months).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });
});

describe('progress of a run', () => {
  it('is processed out of total, in whole percent', () => {
    expect(progressPercent({ processed_recipients: 0, total_recipients: 10, status: 'running' })).toBe(0);
    expect(progressPercent({ processed_recipients: 1, total_recipients: 3, status: 'running' })).toBe(33);
    expect(progressPercent({ processed_recipients: 10, total_recipients: 10, status: 'done' })).toBe(100);
  });

  it('never leaves 0–100, and a run with nobody to charge is done at 100', () => {
    expect(progressPercent({ processed_recipients: 12, total_recipients: 10, status: 'running' })).toBe(100);
    expect(progressPercent({ processed_recipients: 0, total_recipients: 0, status: 'done' })).toBe(100);
    expect(progressPercent({ processed_recipients: 0, total_recipients: 0, status: 'running' })).toBe(0);
  });
});
