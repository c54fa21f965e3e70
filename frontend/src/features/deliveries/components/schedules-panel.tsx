import { Alert, Badge, Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { respiteOrganisationValues, scheduleStatusValues } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { type ListColumn, ListPage } from '@/components/list-page';
import { fieldErrorMessages } from '@/lib/errors';
import { formatDate, todayInLithuania } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useApproveSchedule } from '../api/approve-schedule';
import { useCreateSchedule } from '../api/create-schedule';
import { useGrantingDecisions } from '../api/granting-decisions';
import { type RespiteOrganisation, type ScheduleStatus, type ScheduleView, useSchedules } from '../api/list-schedules';
import { PersonName } from './person-name';
import { DeliveryFormErrors } from './refusal';
import { decimalString, type PersonPickerSlot } from './types';

interface Props {
  personPicker: PersonPickerSlot;
  onOpenVisits: (scheduleId: string) => void;
}

/** Home help and respite schedules: by status, drawn up from a signed decision, approved by the Centre's director. */
export function SchedulesPanel({ personPicker, onOpenVisits }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [status, setStatus] = useState<ScheduleStatus | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const schedules = useSchedules({ personId: null, status, page });
  const approve = useApproveSchedule();
  const mayRecord = can(me.data, 'record_deliveries');
  const mayApprove = can(me.data, 'approve_schedules');
  const columns: ListColumn<ScheduleView>[] = [
    { key: 'person', header: t('deliveries.person'), cell: (s) => <PersonName id={s.person_id} fw={500} /> },
    {
      key: 'service',
      header: t('deliveries.schedules.service'),
      cell: (s) => (
        <Stack gap={0}>
          <Text size="sm">{t(`deliveries.service.${s.service}`)}</Text>
          {s.respite_organisation ? (
            <Text size="xs" c="dimmed">
              {t(`deliveries.organisation.${s.respite_organisation}`)}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    { key: 'hours', header: t('deliveries.schedules.hours_per_week'), align: 'right', cell: (s) => s.hours_per_week },
    { key: 'visits', header: t('deliveries.schedules.visits_per_week'), align: 'right', cell: (s) => s.visits_per_week },
    {
      key: 'period',
      header: t('deliveries.schedules.period'),
      cell: (s) => `${formatDate(s.valid_from, i18n.language)} – ${formatDate(s.valid_until, i18n.language)}`,
    },
    {
      key: 'status',
      header: t('deliveries.schedules.status'),
      cell: (s) => (
        <Badge color={s.status === 'approved' ? 'green' : 'orange'} variant="light">
          {t(`deliveries.status.${s.status}`)}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: t('deliveries.schedules.actions'),
      align: 'right',
      cell: (s) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {s.status === 'draft' && mayApprove ? (
            <Button
              size="compact-sm"
              loading={approve.isPending && approve.variables?.id === s.id}
              onClick={() =>
                approve.mutate(
                  { id: s.id, version: s.version },
                  { onSuccess: () => notifications.show({ color: 'green', message: t('deliveries.schedules.approved') }) },
                )
              }
            >
              {t('deliveries.schedules.approve')}
            </Button>
          ) : null}
          <Button size="compact-sm" variant="subtle" onClick={() => onOpenVisits(s.id)}>
            {t('deliveries.schedules.open_visits')}
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <>
      {approve.error ? <DeliveryFormErrors error={approve.error} fields={[]} /> : null}
      <ListPage
        title={t('deliveries.schedules.title')}
        actions={
          mayRecord ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('deliveries.schedules.new')}
            </Button>
          ) : null
        }
        filters={
          <Select
            label={t('deliveries.schedules.filter_status')}
            w={240}
            clearable
            placeholder={t('deliveries.all')}
            data={scheduleStatusValues.map((v) => ({ value: v, label: t(`deliveries.status.${v}`) }))}
            value={status}
            onChange={(v) => {
              setStatus(v as ScheduleStatus | null);
              setPage(1);
            }}
          />
        }
        query={schedules}
        rows={schedules.data?.items}
        columns={columns}
        rowKey={(s) => s.id}
        rowProps={(s) => ({ 'data-testid': `schedule-${s.service}` })}
        empty={t('deliveries.schedules.empty')}
        paging={schedules.data ? { page, perPage: schedules.data.per_page, total: schedules.data.total, onPageChange: setPage } : undefined}
        minWidth={900}
      />
      <Modal opened={creating} onClose={() => setCreating(false)} size="lg" title={t('deliveries.schedules.new')}>
        {creating ? <ScheduleForm personPicker={personPicker} onDone={() => setCreating(false)} /> : null}
      </Modal>
    </>
  );
}

const SERVICES = ['home_help', 'respite'] as const;
const FIELDS = ['decision_id', 'hours_per_week', 'visits_per_week', 'valid_from', 'valid_until', 'respite_organisation', 'notes'] as const;

interface ScheduleValues {
  person_id: string | null;
  decision_id: string | null;
  hours_per_week: number | string;
  visits_per_week: number | string;
  respite_organisation: RespiteOrganisation;
  valid_from: string | null;
  valid_until: string | null;
  notes: string;
}

function ScheduleForm({ personPicker, onDone }: { personPicker: PersonPickerSlot; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateSchedule();
  const form = useForm<ScheduleValues>({
    mode: 'controlled',
    initialValues: {
      person_id: null,
      decision_id: null,
      hours_per_week: '',
      visits_per_week: '',
      respite_organisation: 'at_home',
      valid_from: todayInLithuania(),
      valid_until: null,
      notes: '',
    },
    validate: {
      decision_id: (v) => (v ? null : t('errors.fields.required')),
      hours_per_week: (v) => (v === '' ? t('errors.fields.required') : null),
      visits_per_week: (v) => (v === '' ? t('errors.fields.required') : null),
      valid_from: (v) => (v ? null : t('errors.fields.required')),
      valid_until: (v) => (v ? null : t('errors.fields.required')),
    },
  });
  const decisions = useGrantingDecisions(form.values.person_id, SERVICES);
  const chosen = decisions.data?.find((d) => d.decisionId === form.values.decision_id);
  const server = fieldErrorMessages(t, create.error);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        if (!v.decision_id || !v.valid_from || !v.valid_until) return;
        create.mutate(
          {
            decision_id: v.decision_id,
            hours_per_week: decimalString(v.hours_per_week),
            visits_per_week: Number(v.visits_per_week),
            valid_from: v.valid_from,
            valid_until: v.valid_until,
            respite_organisation: chosen?.service === 'respite' ? v.respite_organisation : null,
            notes: v.notes.trim() || null,
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('deliveries.schedules.created') });
              onDone();
            },
          },
        );
      })}
    >
      <Stack>
        <DeliveryFormErrors error={create.error} fields={FIELDS} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('deliveries.person')}
          </Text>
          {personPicker({
            personId: form.values.person_id,
            onChange: (id) => {
              form.setFieldValue('person_id', id);
              form.setFieldValue('decision_id', null);
            },
          })}
        </Stack>
        {form.values.person_id && decisions.data?.length === 0 ? <Alert color="orange">{t('deliveries.schedules.no_decisions')}</Alert> : null}
        {form.values.person_id ? (
          <Select
            label={t('deliveries.schedules.decision')}
            description={t('deliveries.schedules.decision_hint')}
            required
            disabled={!decisions.data?.length}
            data={(decisions.data ?? []).map((d) => ({
              value: d.decisionId,
              label: `${i18n.language === 'en' ? d.serviceName.en : d.serviceName.lt}${d.decidedOn ? ` (${formatDate(d.decidedOn, i18n.language)})` : ''}`,
            }))}
            {...form.getInputProps('decision_id')}
            error={form.errors.decision_id ?? server.decision_id}
          />
        ) : null}
        {chosen?.service === 'respite' ? (
          <>
            <Text size="sm" c="dimmed">
              {t('deliveries.schedules.respite_hint')}
            </Text>
            <Select
              label={t('deliveries.schedules.organisation')}
              data={respiteOrganisationValues.map((v) => ({ value: v, label: t(`deliveries.organisation.${v}`) }))}
              allowDeselect={false}
              {...form.getInputProps('respite_organisation')}
              error={server.respite_organisation}
            />
          </>
        ) : null}
        <Group grow>
          <NumberInput
            label={t('deliveries.schedules.hours_per_week')}
            required
            min={0}
            max={168}
            decimalScale={2}
            decimalSeparator=","
            {...form.getInputProps('hours_per_week')}
            error={form.errors.hours_per_week ?? server.hours_per_week}
          />
          <NumberInput
            label={t('deliveries.schedules.visits_per_week')}
            required
            min={1}
            max={21}
            allowDecimal={false}
            {...form.getInputProps('visits_per_week')}
            error={form.errors.visits_per_week ?? server.visits_per_week}
          />
        </Group>
        <Group grow>
          <DateInput
            label={t('deliveries.schedules.valid_from')}
            required
            valueFormat="YYYY-MM-DD"
            {...form.getInputProps('valid_from')}
            error={form.errors.valid_from ?? server.valid_from}
          />
          <DateInput
            label={t('deliveries.schedules.valid_until')}
            required
            valueFormat="YYYY-MM-DD"
            minDate={form.values.valid_from ?? undefined}
            {...form.getInputProps('valid_until')}
            error={form.errors.valid_until ?? server.valid_until}
          />
        </Group>
        <Textarea label={t('deliveries.schedules.notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} error={server.notes} />
        <FormActions onCancel={onDone} submitting={create.isPending} submitLabel={t('deliveries.schedules.submit')} />
      </Stack>
    </form>
  );
}
