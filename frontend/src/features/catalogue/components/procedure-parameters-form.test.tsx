import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import '@/i18n';
import { ApiProblem } from '@/api/problem';
import { ProcedureParametersForm } from './procedure-parameters-form';

const IN_FORCE = { assignment_working_days: 1, first_meeting_working_days: 10, review_interval_months: 6 };

function renderForm(error: unknown = null) {
  const onSubmit = vi.fn();
  render(
    <MantineProvider>
      <ProcedureParametersForm initial={IN_FORCE} submitting={false} error={error} onSubmit={onSubmit} onCancel={() => {}} />
    </MantineProvider>,
  );
  return onSubmit;
}

const assignment = () => screen.getByRole('textbox', { name: /Atvejo vadybininko paskyrimas \(darbo dienos po pranešimo\)/ });
const meeting = () => screen.getByRole('textbox', { name: /Pirmasis atvejo nagrinėjimo posėdis \(darbo dienos po paskyrimo\)/ });
const review = () => screen.getByRole('textbox', { name: /Plano peržiūra \(kas kiek mėnesių\)/ });

describe('procedure parameters form', () => {
  it('starts from the terms in force', () => {
    renderForm();
    expect(assignment()).toHaveValue('1');
    expect(meeting()).toHaveValue('10');
    expect(review()).toHaveValue('6');
  });

  it('checks the date and the ranges in Lithuanian before sending', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.clear(meeting());
    await user.clear(review());
    // Beyond the range is brought back to its end as the field is left.
    await user.type(assignment(), '5');
    await user.tab();
    expect(assignment()).toHaveValue('15');
    await user.clear(assignment());
    await user.type(assignment(), '31');
    await user.tab();
    expect(assignment()).toHaveValue('30');
    await user.click(screen.getByRole('button', { name: 'Nustatyti terminus' }));
    expect(await screen.findByText('Privalomas laukas.')).toBeInTheDocument();
    expect(screen.getByText('Įveskite sveikąjį skaičių nuo 1 iki 60.')).toBeInTheDocument();
    expect(screen.getByText('Įveskite sveikąjį skaičių nuo 1 iki 6.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends new terms from a future date', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.type(screen.getByRole('textbox', { name: /Galioja nuo/ }), '2090-01-01');
    await user.clear(meeting());
    await user.type(meeting(), '15');
    await user.clear(review());
    await user.type(review(), '3');
    await user.click(screen.getByRole('button', { name: 'Nustatyti terminus' }));
    expect(onSubmit).toHaveBeenCalledWith({
      valid_from: '2090-01-01',
      assignment_working_days: 1,
      first_meeting_working_days: 15,
      review_interval_months: 3,
    });
  });

  it('shows the server’s refusals: a field next to it, a set from that date above the form', () => {
    const { unmount } = render(
      <MantineProvider>
        <ProcedureParametersForm
          initial={IN_FORCE}
          submitting={false}
          error={
            new ApiProblem(
              {
                status: 422,
                code: 'validation_failed',
                errors: [{ field: 'review_interval_months', code: 'out_of_range', message: 'x' }],
              },
              422,
            )
          }
          onSubmit={() => {}}
          onCancel={() => {}}
        />
      </MantineProvider>,
    );
    expect(screen.getByText('Įveskite sveikąjį skaičių nuo 1 iki 6.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();

    renderForm(new ApiProblem({ status: 409, code: 'parameters_exist', detail: 'exists' }, 409));
    expect(screen.getByRole('alert')).toHaveTextContent('Procedūros parametrai nuo šios datos jau nustatyti.');
  });
});
