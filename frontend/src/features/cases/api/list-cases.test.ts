import { describe, expect, it } from 'vitest';
import { byUrgency, type CaseSummary } from './list-cases';

function summary(number: string, overdue: number, due: string | null): CaseSummary {
  return {
    id: number,
    number,
    status: 'open',
    family: { id: 'f', name: 'Šeima' },
    children: [],
    origin: 'child_rights_notice',
    opened_on: '2026-01-01',
    next_due: due ? { kind: 'review', due_on: due, overdue: overdue > 0 } : null,
    overdue,
  };
}

describe('the work list order', () => {
  it('puts overdue cases first, then by the next due date, and cases with nothing due last', () => {
    const cases = [
      summary('A', 0, null),
      summary('B', 0, '2026-03-01'),
      summary('C', 1, '2026-02-01'),
      summary('D', 0, '2026-02-10'),
      summary('E', 2, '2026-01-15'),
    ];
    expect([...cases].sort(byUrgency).map((c) => c.number)).toEqual(['E', 'C', 'D', 'B', 'A']);
  });
});
