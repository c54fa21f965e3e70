import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import '@/i18n';
import { IncomeForm, monthAfter } from './income-form';

function renderForm() {
  const onSubmit = vi.fn();
  render(
    <MantineProvider>
      <IncomeForm submitting={false} error={null} onSubmit={onSubmit} onCancel={() => {}} />
    </MantineProvider>,
  );
  return { onSubmit };
}

describe('income form', () => {
  it('counts months across the new year', () => {
    expect(monthAfter(2026, 11, 0)).toEqual({ year: 2026, month: 11 });
    expect(monthAfter(2026, 11, 2)).toEqual({ year: 2027, month: 1 });
    expect(monthAfter(2027, 2, -3)).toEqual({ year: 2026, month: 11 });
  });

  it('sends three consecutive months in one request, "no income" with amount 0', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    const year = screen.getByLabelText(/Pirmojo mėnesio metai/);
    await user.clear(year);
    await user.type(year, '2026');
    const month = screen.getByLabelText(/Pirmasis mėnuo/);
    await user.clear(month);
    await user.type(month, '11');
    await user.type(screen.getByLabelText(/2026-11: Suma/), '512,40');
    await user.type(screen.getByLabelText(/2026-12: Suma/), '500');
    // January: no income (the amount field is then not needed).
    const source = screen.getByLabelText(/2027-01: Šaltinis/, { selector: 'input' });
    await user.click(source);
    const listbox = document.getElementById(source.getAttribute('aria-controls') ?? '');
    expect(listbox).not.toBeNull();
    await user.click(within(listbox as HTMLElement).getByRole('option', { name: 'Pajamų nėra', hidden: true }));
    await user.click(screen.getByRole('button', { name: /Išsaugoti/ }));
    expect(onSubmit).toHaveBeenCalledWith({
      months: [
        { year: 2026, month: 11, amount: '512.40', source: 'sodra', note: null },
        { year: 2026, month: 12, amount: '500', source: 'sodra', note: null },
        { year: 2027, month: 1, amount: '0', source: 'no_income', note: null },
      ],
    });
  });

  it('asks for the amount of a month with income', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.click(screen.getByRole('button', { name: /Išsaugoti/ }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText(/Įveskite sumą eurais/).length).toBe(3);
  });
});
