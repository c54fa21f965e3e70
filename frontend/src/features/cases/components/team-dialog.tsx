import { Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { FormModal } from '@/components/form-modal';
import { QueryError } from '@/components/query-error';
import { fieldErrorMessages } from '@/lib/errors';
import { useAssignTeam } from '../api/assign-team';
import { type CaseView, useCase } from '../api/get-case';
import { useStaffChoices } from '../api/staff-choices';

const FIELDS = ['case_manager_id', 'social_worker_id', 'order_reference'] as const;

/** "Paskirti": the case manager and the family's social worker of a case (R-CM-1, due by R-CMP-1). */
export function TeamDialog({ caseId, onClose }: { caseId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [dirty, setDirty] = useState(false);
  const close = () => {
    setDirty(false);
    onClose();
  };
  return (
    <FormModal opened={caseId !== null} onClose={close} title={t('cases.team.title')} dirty={dirty}>
      {(requestClose) => (caseId ? <TeamLoader caseId={caseId} onDirtyChange={setDirty} onCancel={requestClose} onDone={close} /> : null)}
    </FormModal>
  );
}

function TeamLoader({ caseId, ...props }: { caseId: string; onDirtyChange: (d: boolean) => void; onCancel: () => void; onDone: () => void }) {
  const view = useCase(caseId);
  if (view.isError) return <QueryError error={view.error} />;
  if (!view.data) return null;
  return <TeamForm view={view.data} {...props} />;
}

interface Values {
  case_manager_id: string | null;
  social_worker_id: string | null;
  order_reference: string;
}

function TeamForm({
  view,
  onDirtyChange,
  onCancel,
  onDone,
}: {
  view: CaseView;
  onDirtyChange: (d: boolean) => void;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const staff = useStaffChoices();
  const assign = useAssignTeam(view.id);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      case_manager_id: view.case_manager?.id ?? null,
      social_worker_id: view.social_worker?.id ?? null,
      order_reference: view.team.find((m) => m.order_reference)?.order_reference ?? '',
    },
    validate: {
      case_manager_id: (v) => (v ? null : t('common.required')),
      social_worker_id: (v) => (v ? null : t('common.required')),
    },
  });
  const dirty = form.isDirty();
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const server = fieldErrorMessages(t, assign.error);
  const options = (list: { id: string; display_name: string }[] | undefined, current: { id: string; display_name: string } | null | undefined) => {
    const all = [...(list ?? [])];
    if (current && !all.some((s) => s.id === current.id)) all.push(current);
    return all.map((s) => ({ value: s.id, label: s.display_name }));
  };

  function submit(values: Values) {
    if (!values.case_manager_id || !values.social_worker_id) return;
    assign.mutate(
      {
        case_manager_id: values.case_manager_id,
        social_worker_id: values.social_worker_id,
        order_reference: values.order_reference.trim() || null,
        version: view.version,
      },
      {
        onSuccess: (updated) => {
          notifications.show({ color: 'green', message: t('cases.team.assigned', { number: updated.number }) });
          onDone();
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <Text size="sm">
          {view.number} · {view.family.name}
        </Text>
        <FormErrors error={assign.error} fields={FIELDS} />
        <Select
          label={t('cases.case_manager')}
          required
          searchable
          data={options(staff.data?.caseManagers, view.case_manager)}
          nothingFoundMessage={t('common.nothing_found')}
          {...form.getInputProps('case_manager_id')}
          error={form.errors.case_manager_id ?? server.case_manager_id}
          data-autofocus
        />
        <Select
          label={t('cases.social_worker')}
          required
          searchable
          data={options(staff.data?.socialWorkers, view.social_worker)}
          nothingFoundMessage={t('common.nothing_found')}
          {...form.getInputProps('social_worker_id')}
          error={form.errors.social_worker_id ?? server.social_worker_id}
        />
        <Text size="xs" c="dimmed">
          {t('cases.team.staff_hint')}
        </Text>
        <TextInput
          label={t('cases.team.order_reference')}
          maxLength={200}
          {...form.getInputProps('order_reference')}
          error={server.order_reference}
        />
        <FormActions onCancel={onCancel} submitting={assign.isPending} submitLabel={t('cases.team.assign')} />
      </Stack>
    </form>
  );
}
