import { Badge, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { destinationKindValues, tripPurposeValues, tripStatusValues } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { type ListColumn, ListPage } from '@/components/list-page';
import { RuleRef } from '@/components/rule-ref';
import { fieldErrorMessages } from '@/lib/errors';
import { formatDate, todayInLithuania } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useCancelTrip } from '../api/cancel-trip';
import { useCompleteTrip } from '../api/complete-trip';
import { useGrantingDecisions } from '../api/granting-decisions';
import { type DestinationKind, type TripPurpose, type TripStatus, type TripView, useTrips } from '../api/list-trips';
import { useRequestTrip } from '../api/request-trip';
import { earliestTripDay } from './limits';
import { PersonName } from './person-name';
import { DeliveryFormErrors } from './refusal';
import { decimalString, type PersonPickerSlot } from './types';

const STATUS_COLOR: Record<TripStatus, string> = { requested: 'blue', completed: 'green', cancelled: 'gray' };

/** Trip requests (R-DL-4 5 working days ahead), done with the km driven, or cancelled. */
export function TripsPanel({ personPicker }: { personPicker: PersonPickerSlot }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [status, setStatus] = useState<TripStatus | null>(null);
  const [page, setPage] = useState(1);
  const [requesting, setRequesting] = useState(false);
  const [completing, setCompleting] = useState<TripView | null>(null);
  const [cancelling, setCancelling] = useState<TripView | null>(null);
  const trips = useTrips({ personId: null, status, page });
  const mayRecord = can(me.data, 'record_deliveries');
  const columns: ListColumn<TripView>[] = [
    { key: 'on', header: t('deliveries.trips.trip_on'), cell: (x) => formatDate(x.trip_on, i18n.language) },
    { key: 'person', header: t('deliveries.person'), cell: (x) => <PersonName id={x.person_id} fw={500} /> },
    { key: 'purpose', header: t('deliveries.trips.purpose'), cell: (x) => t(`deliveries.trips.purpose_values.${x.purpose}`) },
    {
      key: 'destination',
      header: t('deliveries.trips.destination'),
      cell: (x) => (
        <Stack gap={0}>
          <Text size="sm">{x.destination}</Text>
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {t(`deliveries.trips.kind_values.${x.destination_kind}`)}
            </Text>
            {x.free_destination ? (
              <Text size="xs" fw={700} c="teal.9">
                {t('deliveries.trips.free')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      ),
    },
    { key: 'km', header: t('deliveries.trips.km_one_way'), align: 'right', cell: (x) => x.km_one_way },
    {
      key: 'status',
      header: t('deliveries.trips.status'),
      cell: (x) => (
        <Badge color={STATUS_COLOR[x.status]} variant="light">
          {t(`deliveries.trips.status_values.${x.status}`)}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: t('deliveries.trips.actions'),
      align: 'right',
      cell: (x) =>
        mayRecord && x.status === 'requested' ? (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="compact-sm" variant="subtle" onClick={() => setCompleting(x)}>
              {t('deliveries.trips.complete')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => setCancelling(x)}>
              {t('deliveries.trips.cancel')}
            </Button>
          </Group>
        ) : null,
    },
  ];
  return (
    <>
      <ListPage
        title={t('deliveries.trips.title')}
        actions={
          mayRecord ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRequesting(true)}>
              {t('deliveries.trips.new')}
            </Button>
          ) : null
        }
        filters={
          <Select
            label={t('deliveries.trips.filter_status')}
            w={240}
            clearable
            placeholder={t('deliveries.all')}
            data={tripStatusValues.map((v) => ({ value: v, label: t(`deliveries.trips.status_values.${v}`) }))}
            value={status}
            onChange={(v) => {
              setStatus(v as TripStatus | null);
              setPage(1);
            }}
          />
        }
        query={trips}
        rows={trips.data?.items}
        columns={columns}
        rowKey={(x) => x.id}
        rowProps={() => ({ 'data-testid': 'trip-row' })}
        empty={t('deliveries.trips.empty')}
        paging={trips.data ? { page, perPage: trips.data.per_page, total: trips.data.total, onPageChange: setPage } : undefined}
        minWidth={880}
      />
      <Modal opened={requesting} onClose={() => setRequesting(false)} size="lg" title={t('deliveries.trips.new')}>
        {requesting ? <TripForm personPicker={personPicker} onDone={() => setRequesting(false)} /> : null}
      </Modal>
      <Modal opened={completing !== null} onClose={() => setCompleting(null)} title={t('deliveries.trips.complete')}>
        {completing ? <CompleteForm trip={completing} onDone={() => setCompleting(null)} /> : null}
      </Modal>
      <Modal opened={cancelling !== null} onClose={() => setCancelling(null)} title={t('deliveries.trips.cancel')}>
        {cancelling ? <CancelForm trip={cancelling} onDone={() => setCancelling(null)} /> : null}
      </Modal>
    </>
  );
}

const TRANSPORT = ['transport'] as const;
const FIELDS = ['person_id', 'decision_id', 'trip_on', 'purpose', 'destination', 'destination_kind', 'km_one_way', 'full_price', 'note'] as const;

interface TripValues {
  person_id: string | null;
  decision_id: string | null;
  trip_on: string | null;
  purpose: TripPurpose | null;
  destination: string;
  destination_kind: DestinationKind | null;
  km_one_way: number | string;
  full_price: boolean;
  note: string;
}

function TripForm({ personPicker, onDone }: { personPicker: PersonPickerSlot; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const request = useRequestTrip();
  const today = todayInLithuania();
  const earliest = earliestTripDay(today);
  const form = useForm<TripValues>({
    mode: 'controlled',
    initialValues: { person_id: null, decision_id: null, trip_on: null, purpose: null, destination: '', destination_kind: null, km_one_way: '', full_price: false, note: '' },
    validate: {
      person_id: (v) => (v ? null : t('errors.fields.required')),
      trip_on: (v) => (v ? null : t('errors.fields.required')),
      purpose: (v) => (v ? null : t('errors.fields.required')),
      destination: (v) => (v.trim() ? null : t('errors.fields.required')),
      destination_kind: (v) => (v ? null : t('errors.fields.required')),
      km_one_way: (v) => (v === '' ? t('errors.fields.required') : null),
    },
  });
  const decisions = useGrantingDecisions(form.values.person_id, TRANSPORT);
  const server = fieldErrorMessages(t, request.error);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        if (!v.person_id || !v.trip_on || !v.purpose || !v.destination_kind) return;
        request.mutate(
          {
            person_id: v.person_id,
            decision_id: v.full_price ? null : v.decision_id,
            trip_on: v.trip_on,
            purpose: v.purpose,
            destination: v.destination.trim(),
            destination_kind: v.destination_kind,
            km_one_way: decimalString(v.km_one_way),
            full_price: v.full_price,
            note: v.note.trim() || null,
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('deliveries.trips.requested') });
              onDone();
            },
          },
        );
      })}
    >
      <Stack>
        <DeliveryFormErrors error={request.error} fields={FIELDS} />
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
          {form.errors.person_id ?? server.person_id ? (
            <Text size="sm" c="red.8">
              {form.errors.person_id ?? server.person_id}
            </Text>
          ) : null}
        </Stack>
        <Checkbox label={t('deliveries.trips.full_price')} {...form.getInputProps('full_price', { type: 'checkbox' })} />
        {form.values.person_id && !form.values.full_price ? (
          <Select
            label={t('deliveries.trips.decision')}
            data={(decisions.data ?? []).map((d) => ({
              value: d.decisionId,
              label: `${i18n.language === 'en' ? d.serviceName.en : d.serviceName.lt}${d.decidedOn ? ` (${formatDate(d.decidedOn, i18n.language)})` : ''}`,
            }))}
            {...form.getInputProps('decision_id')}
            error={server.decision_id}
          />
        ) : null}
        <DateInput
          label={t('deliveries.trips.trip_on')}
          description={
            <Group gap={4} component="span">
              <span data-testid="earliest-trip">{t('deliveries.trips.earliest', { date: formatDate(earliest, i18n.language) })}</span>
              <RuleRef rule="R-DL-4" />
            </Group>
          }
          required
          valueFormat="YYYY-MM-DD"
          minDate={today}
          {...form.getInputProps('trip_on')}
          error={form.errors.trip_on ?? server.trip_on}
        />
        <Select
          label={t('deliveries.trips.purpose')}
          required
          data={tripPurposeValues.map((v) => ({ value: v, label: t(`deliveries.trips.purpose_values.${v}`) }))}
          {...form.getInputProps('purpose')}
          error={form.errors.purpose ?? server.purpose}
        />
        <TextInput
          label={t('deliveries.trips.destination')}
          required
          maxLength={500}
          {...form.getInputProps('destination')}
          error={form.errors.destination ?? server.destination}
        />
        <Group grow align="flex-start">
          <Select
            label={t('deliveries.trips.destination_kind')}
            required
            data={destinationKindValues.map((v) => ({ value: v, label: t(`deliveries.trips.kind_values.${v}`) }))}
            {...form.getInputProps('destination_kind')}
            error={form.errors.destination_kind ?? server.destination_kind}
          />
          <NumberInput
            label={t('deliveries.trips.km_one_way')}
            required
            min={0}
            decimalScale={1}
            decimalSeparator=","
            {...form.getInputProps('km_one_way')}
            error={form.errors.km_one_way ?? server.km_one_way}
          />
        </Group>
        <Textarea label={t('deliveries.trips.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} error={server.note} />
        <FormActions onCancel={onDone} submitting={request.isPending} submitLabel={t('deliveries.trips.submit')} />
      </Stack>
    </form>
  );
}

function CompleteForm({ trip, onDone }: { trip: TripView; onDone: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteTrip();
  const form = useForm<{ km_driven: number | string; note: string }>({
    mode: 'controlled',
    initialValues: { km_driven: Number.parseFloat(trip.km_one_way) * 2, note: '' },
    validate: { km_driven: (v) => (v === '' ? t('errors.fields.required') : null) },
  });
  const server = fieldErrorMessages(t, complete.error);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        complete.mutate(
          { id: trip.id, body: { version: trip.version, km_driven: decimalString(v.km_driven), note: v.note.trim() || null } },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('deliveries.trips.completed') });
              onDone();
            },
          },
        ),
      )}
    >
      <Stack>
        <DeliveryFormErrors error={complete.error} fields={['km_driven', 'note']} />
        <NumberInput
          label={t('deliveries.trips.km_driven')}
          required
          min={0}
          decimalScale={1}
          decimalSeparator=","
          {...form.getInputProps('km_driven')}
          error={form.errors.km_driven ?? server.km_driven}
        />
        <Textarea label={t('deliveries.trips.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} error={server.note} />
        <FormActions onCancel={onDone} submitting={complete.isPending} submitLabel={t('deliveries.trips.complete')} />
      </Stack>
    </form>
  );
}

function CancelForm({ trip, onDone }: { trip: TripView; onDone: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelTrip();
  const [note, setNote] = useState('');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        cancel.mutate(
          { id: trip.id, body: { version: trip.version, note: note.trim() || null } },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('deliveries.trips.cancelled') });
              onDone();
            },
          },
        );
      }}
    >
      <Stack>
        <DeliveryFormErrors error={cancel.error} fields={['note']} />
        <Textarea label={t('deliveries.trips.cancel_reason')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <FormActions onCancel={onDone} submitting={cancel.isPending} submitLabel={t('deliveries.trips.cancel')} />
      </Stack>
    </form>
  );
}
