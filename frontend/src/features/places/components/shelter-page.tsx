import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { broughtByValues } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { type ListColumn, ListPage } from '@/components/list-page';
import { fieldErrorMessages } from '@/lib/errors';
import { formatDate, todayInLithuania } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useEndStay } from '../api/end-stay';
import { useExtendStay } from '../api/extend-stay';
import { useFacilities } from '../api/list-facilities';
import { type StayDetail, useStays } from '../api/list-stays';
import { type BroughtBy, useRecordArrival } from '../api/record-arrival';
import { EndStayForm } from './end-stay-form';
import { formatDateTime, sp8State } from './sp8-clock';

interface Props {
  /** The shelter (`?facility=`); the municipality's first shelter when absent. */
  facilityId: string | null;
  /** Chooses the person who arrived (the persons feature's picker, composed by the route). */
  personPicker: (props: { personId: string | null; onChange: (id: string | null) => void }) => ReactNode;
}

/** `/places/shelter`: who stays at the overnight shelter now, with the SP-8 clock (R-DL-5); arrivals, extensions, ends. */
export function ShelterPage({ facilityId, personPicker }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const facilities = useFacilities();
  const shelter = facilities.data?.find((f) => (facilityId ? f.id === facilityId : f.places.some((p) => p.kind === 'shelter')));
  const stays = useStays({ facilityId: shelter?.id ?? null, placeKind: 'shelter', open: true });
  const [arriving, setArriving] = useState(false);
  const [extending, setExtending] = useState<StayDetail | null>(null);
  const [ending, setEnding] = useState<StayDetail | null>(null);
  const mayRecord = can(me.data, 'record_arrivals');
  const columns: ListColumn<StayDetail>[] = [
    { key: 'name', header: t('places.board.name'), cell: (s) => <Text size="sm" fw={500}>{s.person_name}</Text> },
    {
      key: 'arrived',
      header: t('places.shelter.arrived_at'),
      cell: (s) => (s.arrived_at ? formatDateTime(s.arrived_at, i18n.language) : formatDate(s.started_on, i18n.language)),
    },
    { key: 'brought', header: t('places.shelter.brought_by'), cell: (s) => (s.brought_by ? t(`places.brought_by.${s.brought_by}`) : '—') },
    { key: 'until', header: t('places.shelter.planned_until'), cell: (s) => formatDate(s.planned_until, i18n.language) },
    {
      key: 'sp8',
      header: t('places.shelter.sp8_due'),
      cell: (s) => {
        const state = sp8State(s);
        return (
          <Group gap={6} wrap="nowrap" data-sp8={state}>
            {s.sp8_due_at ? <Text size="sm">{formatDateTime(s.sp8_due_at, i18n.language)}</Text> : null}
            {state === 'filed' ? (
              <Badge color="green" variant="light">
                {t('places.shelter.sp8_filed')}
              </Badge>
            ) : state === 'overdue' ? (
              <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                {t('places.shelter.sp8_overdue')}
              </Badge>
            ) : state === 'due_soon' ? (
              <Badge color="orange" variant="light">
                {t('places.shelter.sp8_due_soon')}
              </Badge>
            ) : null}
          </Group>
        );
      },
    },
    {
      key: 'actions',
      header: t('places.board.actions'),
      align: 'right',
      cell: (s) =>
        mayRecord ? (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="compact-sm" variant="subtle" onClick={() => setExtending(s)}>
              {t('places.shelter.extend')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => setEnding(s)}>
              {t('places.board.end_stay')}
            </Button>
          </Group>
        ) : null,
    },
  ];
  return (
    <>
      <ListPage
        title={t('places.shelter.title')}
        subtitle={shelter ? `${shelter.name}. ${t('places.shelter.subtitle')}` : t('places.shelter.subtitle')}
        actions={
          mayRecord && shelter ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setArriving(true)}>
              {t('places.shelter.record_arrival')}
            </Button>
          ) : null
        }
        query={stays}
        rows={stays.data?.items}
        columns={columns}
        rowKey={(s) => s.id}
        rowProps={(s) => ({ 'data-testid': 'shelter-stay', style: sp8State(s) === 'overdue' ? { background: 'var(--mantine-color-red-0)' } : undefined })}
        empty={t('places.shelter.empty')}
        minWidth={900}
      />
      <Modal opened={arriving} onClose={() => setArriving(false)} size="lg" title={t('places.shelter.record_arrival')}>
        {arriving && shelter ? <ArrivalForm facilityId={shelter.id} personPicker={personPicker} onDone={() => setArriving(false)} /> : null}
      </Modal>
      <Modal opened={extending !== null} onClose={() => setExtending(null)} title={t('places.shelter.extend_title', { name: extending?.person_name ?? '' })}>
        {extending ? <ExtendForm stay={extending} onDone={() => setExtending(null)} /> : null}
      </Modal>
      <Modal opened={ending !== null} onClose={() => setEnding(null)} title={t('places.end.title', { name: ending?.person_name ?? '' })}>
        {ending ? <EndShelterStay stay={ending} onDone={() => setEnding(null)} /> : null}
      </Modal>
    </>
  );
}

function ArrivalForm({ facilityId, personPicker, onDone }: { facilityId: string; personPicker: Props['personPicker']; onDone: () => void }) {
  const { t } = useTranslation();
  const arrival = useRecordArrival();
  const form = useForm<{ person_id: string | null; brought_by: BroughtBy | null; threat_reason: string }>({
    mode: 'controlled',
    initialValues: { person_id: null, brought_by: null, threat_reason: '' },
    validate: {
      person_id: (v) => (v ? null : t('errors.fields.required')),
      brought_by: (v) => (v ? null : t('errors.fields.required')),
    },
  });
  const server = fieldErrorMessages(t, arrival.error);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        if (!values.person_id || !values.brought_by) return;
        arrival.mutate(
          { facility_id: facilityId, person_id: values.person_id, brought_by: values.brought_by, threat_reason: values.threat_reason.trim() || null },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('places.shelter.arrival_done') });
              onDone();
            },
          },
        );
      })}
    >
      <Stack>
        <FormErrors error={arrival.error} fields={['person_id', 'brought_by', 'threat_reason']} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('places.shelter.person')}
          </Text>
          {personPicker({ personId: form.values.person_id, onChange: (id) => form.setFieldValue('person_id', id) })}
          {form.errors.person_id ?? server.person_id ? (
            <Alert color="red" p="xs">
              {form.errors.person_id ?? server.person_id}
            </Alert>
          ) : null}
        </Stack>
        <Select
          label={t('places.shelter.brought_by')}
          required
          data={broughtByValues.map((b) => ({ value: b, label: t(`places.brought_by.${b}`) }))}
          {...form.getInputProps('brought_by')}
          error={form.errors.brought_by ?? server.brought_by}
        />
        <Textarea label={t('places.shelter.threat_reason')} autosize minRows={2} maxLength={2000} {...form.getInputProps('threat_reason')} error={server.threat_reason} />
        <FormActions onCancel={onDone} submitting={arrival.isPending} submitLabel={t('places.shelter.record_arrival')} />
      </Stack>
    </form>
  );
}

function ExtendForm({ stay, onDone }: { stay: StayDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const extend = useExtendStay();
  const today = todayInLithuania();
  const form = useForm<{ until: string | null; threat_reason: string }>({
    mode: 'controlled',
    initialValues: { until: null, threat_reason: stay.threat_reason ?? '' },
    validate: {
      until: (v) => (!v ? t('errors.fields.required') : v <= (stay.planned_until ?? today) ? t('places.shelter.extend_after') : null),
      threat_reason: (v) => (v.trim() ? null : t('places.shelter.threat_required')),
    },
  });
  const server = fieldErrorMessages(t, extend.error);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        if (!values.until) return;
        extend.mutate(
          { id: stay.id, body: { version: stay.version, until: values.until, threat_reason: values.threat_reason.trim() } },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('places.shelter.extended') });
              onDone();
            },
          },
        );
      })}
    >
      <Stack>
        <FormErrors error={extend.error} fields={['until', 'threat_reason']} />
        <DateInput
          label={t('places.shelter.extend_until')}
          required
          valueFormat="YYYY-MM-DD"
          minDate={stay.planned_until ?? today}
          {...form.getInputProps('until')}
          error={form.errors.until ?? server.until}
        />
        <Textarea
          label={t('places.shelter.threat_reason')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('threat_reason')}
          error={form.errors.threat_reason ?? server.threat_reason}
        />
        <FormActions onCancel={onDone} submitting={extend.isPending} submitLabel={t('places.shelter.extend')} />
      </Stack>
    </form>
  );
}

function EndShelterStay({ stay, onDone }: { stay: StayDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const end = useEndStay();
  return (
    <EndStayForm
      startedOn={stay.started_on}
      submitting={end.isPending}
      error={end.error}
      onCancel={onDone}
      onSubmit={(values) =>
        end.mutate(
          { id: stay.id, body: { version: stay.version, ...values } },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('places.end.done') });
              onDone();
            },
          },
        )
      }
    />
  );
}
