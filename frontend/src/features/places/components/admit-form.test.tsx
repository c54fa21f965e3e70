import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import '@/i18n';
import { todayInLithuania } from '@/lib/format';
import { admissionErrors, ITEM_F027A_EXTRACT } from './admission';
import { AdmitForm } from './admit-form';

const CHECKLIST = [
  { code: ITEM_F027A_EXTRACT, label_lt: 'Medicininis išrašas (forma Nr. 027/a)', label_en: 'Medical extract (027/a)', required: true },
  { code: 'no_acute_psychosis', label_lt: 'Nėra ūmios psichozės', label_en: 'No acute psychosis', required: true },
  { code: 'contract', label_lt: 'Sutartis paruošta', label_en: 'Contract ready', required: false },
];

describe('admission rules', () => {
  const base = { moving_in_on: '2026-12-10', done: { f027a_extract: true, no_acute_psychosis: true }, extract_027a_issued_on: '2026-11-01' };

  it('accepts every required item done and a recent extract', () => {
    expect(admissionErrors(base, CHECKLIST, '2026-12-01')).toEqual({});
  });

  it('names each required item not done, not the optional ones', () => {
    expect(admissionErrors({ ...base, done: {} }, CHECKLIST, '2026-12-01')).toEqual({
      'checklist.f027a_extract': 'item_missing',
      'checklist.no_acute_psychosis': 'item_missing',
    });
  });

  it('r_lim_7: the extract is required, not after moving in, and at most 3 months before it', () => {
    expect(admissionErrors({ ...base, extract_027a_issued_on: null }, CHECKLIST, '2026-12-01')).toEqual({
      extract_027a_issued_on: 'extract_missing',
    });
    expect(admissionErrors({ ...base, extract_027a_issued_on: '2026-12-11' }, CHECKLIST, '2026-12-01')).toEqual({
      extract_027a_issued_on: 'extract_after_moving_in',
    });
    expect(admissionErrors({ ...base, extract_027a_issued_on: '2026-09-10' }, CHECKLIST, '2026-12-01')).toEqual({});
    expect(admissionErrors({ ...base, extract_027a_issued_on: '2026-09-09' }, CHECKLIST, '2026-12-01')).toEqual({
      extract_027a_issued_on: 'extract_too_old',
    });
  });

  it('moves in not before the offer, and needs no extract where the checklist has none', () => {
    expect(admissionErrors({ ...base, moving_in_on: '2026-11-30' }, CHECKLIST, '2026-12-01')).toEqual({ moving_in_on: 'before_offer' });
    expect(admissionErrors({ moving_in_on: null, done: {}, extract_027a_issued_on: null }, [], '2026-12-01')).toEqual({
      moving_in_on: 'required',
    });
  });
});

describe('admission form', () => {
  function renderForm() {
    const onSubmit = vi.fn();
    render(
      <MantineProvider>
        <AdmitForm checklist={CHECKLIST} offeredOn="2026-01-01" submitting={false} error={null} onSubmit={onSubmit} onCancel={() => {}} />
      </MantineProvider>,
    );
    return onSubmit;
  }

  it('refuses to send until the required items are ticked and the extract dated', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.click(screen.getByRole('button', { name: 'Apgyvendinti' }));
    expect(await screen.findAllByText('Pažymėkite – be to apgyvendinti negalima.')).toHaveLength(2);
    expect(screen.getByText('Įrašykite išrašo (forma Nr. 027/a) datą.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends every item with whether it is done', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.click(screen.getByRole('checkbox', { name: /Medicininis išrašas/ }));
    await user.click(screen.getByRole('checkbox', { name: /Nėra ūmios psichozės/ }));
    const today = todayInLithuania();
    await user.type(screen.getByRole('textbox', { name: /Medicininio išrašo/ }), today);
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Apgyvendinti' }));
    expect(onSubmit).toHaveBeenCalledWith({
      moving_in_on: today,
      checklist: [
        { code: 'f027a_extract', done: true },
        { code: 'no_acute_psychosis', done: true },
        { code: 'contract', done: false },
      ],
      extract_027a_issued_on: today,
    });
  });
});
