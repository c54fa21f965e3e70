import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import '@/i18n';
import { ApiProblem } from '@/api/problem';
import type { ServiceType } from '../api/update-service-type';
import { documentCode, ServiceTypeForm } from './service-type-form';

const HOME_HELP: ServiceType = {
  id: 's1',
  code: 'home_help',
  active: true,
  version: 4,
  spec: {
    code: 'home_help',
    name_lt: 'Pagalba į namus',
    name_en: 'Home help',
    group: 'social_supervision',
    eligibility_rule: null,
    fee_rule: 'R-FEE-1',
    free: false,
    has_places: false,
    decision_deadline: { amount: 14, unit: 'calendar_days', from: 'assessment_submitted' },
    required_documents: [{ code: 'sp8_application', name_lt: 'Prašymas (SP-8)', name_en: 'Application (SP-8)' }],
  },
};

/** Types `text` into `field` at once (as pasting does): the form is large. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

const DAY_CARE: ServiceType = {
  ...HOME_HELP,
  code: 'children_day_centre',
  spec: {
    ...HOME_HELP.spec,
    code: 'children_day_centre',
    decision_deadline: { amount: 10, unit: 'working_days', from: 'files_received', until: 'submitted_for_signature' },
    handover_deadline: { amount: 3, unit: 'working_days' },
    decision_before_assessment: true,
  },
};

function renderForm(error: unknown = null, serviceType: ServiceType = HOME_HELP) {
  const onSubmit = vi.fn();
  const onReload = vi.fn();
  render(
    <MantineProvider>
      <ServiceTypeForm serviceType={serviceType} submitting={false} error={error} onSubmit={onSubmit} onCancel={() => {}} onReload={onReload} />
    </MantineProvider>,
  );
  return { onSubmit, onReload };
}

describe('document codes', () => {
  it('come from the Lithuanian name without diacritics, unique in the list', () => {
    expect(documentCode('Pažyma apie šeimos pajamas', [])).toBe('pazyma_apie_seimos_pajamas');
    expect(documentCode('Pažyma apie šeimos pajamas', ['pazyma_apie_seimos_pajamas'])).toBe('pazyma_apie_seimos_pajamas_2');
    expect(documentCode('  ', [])).toBe('document');
    expect(documentCode('Ūkio (ž) – 027/a', [])).toBe('ukio_z_027_a');
  });
});

describe('service type form', () => {
  it('sends the whole specification with the version it read, a new document with its code', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    const days = screen.getByLabelText(/Dienų skaičius/);
    await user.clear(days);
    await user.type(days, '10');
    await user.click(screen.getByRole('button', { name: 'Pridėti dokumentą' }));
    await fill(user, screen.getByLabelText(/2 dokumentas lietuviškai/), 'Pažyma apie šeimos sudėtį');
    await fill(user, screen.getByLabelText(/2 dokumentas angliškai/), 'Family composition certificate');
    expect(screen.getByText('Kodas: pazyma_apie_seimos_sudeti')).toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: /Teikiama/ }));
    await user.click(screen.getByRole('button', { name: 'Išsaugoti' }));
    expect(onSubmit).toHaveBeenCalledWith({
      version: 4,
      active: false,
      spec: {
        ...HOME_HELP.spec,
        decision_deadline: { amount: 10, unit: 'calendar_days', from: 'assessment_submitted' },
        required_documents: [
          ...HOME_HELP.spec.required_documents,
          { code: 'pazyma_apie_seimos_sudeti', name_lt: 'Pažyma apie šeimos sudėtį', name_en: 'Family composition certificate' },
        ],
      },
    });
  });

  it('r_dl_2 keeps the terms it does not edit: the submission for signature and the hand-over', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm(null, DAY_CARE);
    const days = screen.getByLabelText(/Dienų skaičius/);
    await user.clear(days);
    await user.type(days, '12');
    await user.click(screen.getByRole('button', { name: 'Išsaugoti' }));
    const spec = onSubmit.mock.calls[0]?.[0].spec;
    expect(spec.decision_deadline).toEqual({ amount: 12, unit: 'working_days', from: 'files_received', until: 'submitted_for_signature' });
    expect(spec.handover_deadline).toEqual({ amount: 3, unit: 'working_days' });
    expect(spec.decision_before_assessment).toBe(true);
  });

  it('checks names and days in Lithuanian before sending', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.clear(screen.getByLabelText(/Pavadinimas lietuviškai/));
    await user.clear(screen.getByLabelText(/Dienų skaičius/));
    await user.click(screen.getByRole('button', { name: 'Pridėti dokumentą' }));
    await user.click(screen.getByRole('button', { name: 'Išsaugoti' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Nurodykite nuo 1 iki 365 dienų.')).toBeInTheDocument();
    expect(screen.getAllByText('Privalomas laukas.').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a stored document code when its name changes, and removes a document', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    const name = screen.getByLabelText(/1 dokumentas lietuviškai/);
    await user.clear(name);
    await fill(user, name, 'Prašymas-paraiška');
    expect(screen.getByText('Kodas: sp8_application')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pašalinti dokumentą: Prašymas-paraiška' }));
    expect(screen.getByText('Dokumentų nereikia.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Išsaugoti' }));
    expect(onSubmit.mock.calls[0]?.[0].spec.required_documents).toEqual([]);
  });

  it('offers to reload after someone else changed the service type', async () => {
    const user = userEvent.setup();
    const { onReload } = renderForm(new ApiProblem({ code: 'version_conflict', detail: 'stale' }, 409));
    expect(screen.getByRole('alert')).toHaveTextContent('Įrašą ką tik pakeitė kitas naudotojas');
    await user.click(screen.getByRole('button', { name: 'Atnaujinti duomenis' }));
    expect(onReload).toHaveBeenCalled();
  });
});
