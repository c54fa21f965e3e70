import { Alert, Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiProblem, fieldErrors } from '@/api/problem';
import { errorMessage } from '@/lib/errors';
import type { components } from '@/api/schema';
import { todayInLithuania } from '@/lib/format';
import { type OnApplicationChanged, useRecordAssessment } from '../api/steps';

type Application = components['schemas']['ApplicationView'];

/** The needs assessment: who assessed (the caller), when it reached the municipality, the conclusion. */
export function AssessmentForm({ application, onChanged }: { application: Application; onChanged?: OnApplicationChanged }) {
  const { t } = useTranslation();
  const record = useRecordAssessment(application.id, onChanged);
  const current = application.assessment;
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      submitted_on: (current?.submitted_on ?? todayInLithuania()) as string | null,
      conclusion: current?.conclusion ?? '',
      recommended_services: current?.recommended_services ?? '',
      recommended_hours_per_month: current?.recommended_hours_per_month ?? '',
    },
    validate: {
      submitted_on: (v) => (v ? null : t('common.required')),
      conclusion: (v) => (v.trim() ? null : t('common.required')),
      recommended_hours_per_month: (v) => {
        const text = String(v).trim().replace(',', '.');
        if (!text) return null;
        const n = Number(text);
        return Number.isFinite(n) && n >= 0 && n <= 744 ? null : t('validation.hours');
      },
    },
  });
  const server = fieldErrors(record.error);
  const problem =
    record.error instanceof ApiProblem && Object.keys(server).length === 0
      ? record.error.code === 'version_conflict'
        ? t('common.conflict')
        : errorMessage(t, record.error)
      : null;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        record.mutate(
          {
            version: application.version,
            submitted_on: v.submitted_on ?? '',
            conclusion: v.conclusion.trim(),
            recommended_services: v.recommended_services.trim() || null,
            recommended_hours_per_month: String(v.recommended_hours_per_month).trim().replace(',', '.') || null,
          },
          { onSuccess: () => notifications.show({ color: 'green', message: t('application.done') }) },
        ),
      )}
    >
      <Stack>
        {problem ? <Alert color="red" role="alert">{problem}</Alert> : null}
        <Group grow align="flex-start">
          <DateInput
            label={t('application.submitted_on')}
            valueFormat="YYYY-MM-DD"
            required
            maxDate={todayInLithuania()}
            {...form.getInputProps('submitted_on')}
            error={form.errors.submitted_on ?? server.submitted_on}
          />
          <TextInput
            label={t('application.recommended_hours')}
            inputMode="decimal"
            {...form.getInputProps('recommended_hours_per_month')}
            error={form.errors.recommended_hours_per_month ?? server.recommended_hours_per_month}
          />
        </Group>
        <Textarea
          label={t('application.conclusion')}
          required
          autosize
          minRows={3}
          {...form.getInputProps('conclusion')}
          error={form.errors.conclusion ?? server.conclusion}
        />
        <TextInput label={t('application.recommended_services')} {...form.getInputProps('recommended_services')} />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t('application.record_assessment')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
