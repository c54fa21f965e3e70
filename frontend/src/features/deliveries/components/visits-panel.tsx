import { Alert, Badge, Button, Card, Group, Modal, NumberInput, Progress, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { QueryError } from '@/components/query-error';
import { RuleRef } from '@/components/rule-ref';
import { fieldErrorMessages } from '@/lib/errors';
import { formatDate, todayInLithuania } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { personNameQueryOptions } from '../api/get-person-name';
import { useSchedule } from '../api/get-schedule';
import { type ScheduleView, useSchedules } from '../api/list-schedules';
import { useVisits, type VisitView } from '../api/list-visits';
import { useRecordVisit } from '../api/record-visit';
import { groupByWeek, isoWeek, type LimitProgress, limitProgress, RESPITE_YEAR_HOURS, respiteWeek, yearHours } from './limits';
import { PersonName } from './person-name';
import { DeliveryFormErrors } from './refusal';
import { decimalString } from './types';

interface Props {
  scheduleId: string | null;
  onChooseSchedule: (id: string | null) => void;
}

/** A schedule's visits week by week, against the respite limits (R-LIM-1); recording a visit. */
export function VisitsPanel({ scheduleId, onChooseSchedule }: Props) {
  const { t } = useTranslation();
  const schedules = useSchedules({ personId: null, status: 'approved', page: 1 });
  const schedule = useSchedule(scheduleId);
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('deliveries.visits.title')}
      </Title>
      <ScheduleChooser schedules={schedules.data?.items ?? []} value={scheduleId} onChange={onChooseSchedule} />
      {schedule.isError ? <QueryError error={schedule.error} /> : null}
      {!scheduleId ? <Text c="dimmed">{t('deliveries.visits.none_chosen')}</Text> : null}
      {schedule.data ? <ScheduleVisits schedule={schedule.data} /> : null}
    </Stack>
  );
}

function ScheduleChooser({ schedules, value, onChange }: { schedules: readonly ScheduleView[]; value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  // The names come one by one (each read recorded as service delivery).
  const ids = [...new Set(schedules.map((s) => s.person_id))];
  const names = useQueries({ queries: ids.map((id) => ({ ...personNameQueryOptions(id), retry: false })) });
  const nameOf = (id: string) => names[ids.indexOf(id)]?.data ?? t('deliveries.person_unavailable');
  return (
    <Group align="flex-end">
      <Select
        label={t('deliveries.visits.choose')}
        description={t('deliveries.visits.choose_hint')}
        w={420}
        searchable
        data={schedules.map((s) => ({ value: s.id, label: `${nameOf(s.person_id)} – ${t(`deliveries.service.${s.service}`)}, ${s.hours_per_week} h` }))}
        value={value}
        onChange={onChange}
      />
    </Group>
  );
}

function LimitBar({ label, progress, text, testId }: { label: string; progress: LimitProgress; text: string; testId?: string }) {
  const color = progress.state === 'over' ? 'red' : progress.state === 'full' ? 'orange' : 'teal';
  return (
    <Stack gap={2} data-testid={testId} data-state={progress.state}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="xs" fw={600}>
          {text}
        </Text>
      </Group>
      <Progress value={progress.percent} color={color} size="sm" aria-label={`${label}: ${text}`} />
    </Stack>
  );
}

function ScheduleVisits({ schedule }: { schedule: ScheduleView }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const visits = useVisits(schedule.id);
  const [adding, setAdding] = useState(false);
  const respiteAtHome = schedule.service === 'respite' && schedule.respite_organisation !== 'short_term_care';
  const mayRecord = can(me.data, 'record_deliveries');
  const weeks = groupByWeek(visits.data ?? []);
  const today = todayInLithuania();
  const year = Number(today.slice(0, 4));
  const yearProgress = limitProgress(yearHours(visits.data ?? [], year), RESPITE_YEAR_HOURS);
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={600} size="lg">
              <PersonName id={schedule.person_id} fw={600} />
            </Text>
            <Text size="sm">
              {t(`deliveries.service.${schedule.service}`)}
              {schedule.respite_organisation ? ` · ${t(`deliveries.organisation.${schedule.respite_organisation}`)}` : ''}
            </Text>
            <Text size="sm" c="dimmed">
              {t('deliveries.visits.schedule_hours', { hours: schedule.hours_per_week })} ·{' '}
              {`${formatDate(schedule.valid_from, i18n.language)} – ${formatDate(schedule.valid_until, i18n.language)}`}
            </Text>
          </Stack>
          {mayRecord && schedule.status === 'approved' ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('deliveries.visits.add')}
            </Button>
          ) : null}
        </Group>
        {schedule.status !== 'approved' ? (
          <Alert color="orange" mt="sm">
            {t('deliveries.visits.not_approved')}
          </Alert>
        ) : null}
        {respiteAtHome ? (
          <Stack gap={4} mt="md" maw={420}>
            <Group gap={4}>
              <LimitBar
                label={t('deliveries.visits.year_hours', { year })}
                progress={yearProgress}
                text={t('deliveries.visits.of_hours', { used: yearProgress.used, limit: RESPITE_YEAR_HOURS })}
                testId="year-hours"
              />
              <RuleRef rule="R-LIM-1" />
            </Group>
          </Stack>
        ) : null}
      </Card>
      {visits.isError ? <QueryError error={visits.error} /> : null}
      {visits.data && weeks.length === 0 ? <Text c="dimmed">{t('deliveries.visits.empty')}</Text> : null}
      {weeks.map((week) => {
        const limits = respiteWeek(week);
        return (
          <Card key={week.key} withBorder data-testid={`week-${week.monday}`}>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={0}>
                <Text fw={600}>{t('deliveries.visits.week', { week: week.week })}</Text>
                <Text size="sm" c="dimmed">
                  {t('deliveries.visits.week_range', { from: formatDate(week.monday, i18n.language), to: formatDate(week.sunday, i18n.language) })}
                </Text>
              </Stack>
              {respiteAtHome ? (
                <Group gap="lg" w={420} grow>
                  <LimitBar
                    label={t('deliveries.visits.week_hours')}
                    progress={limits.hours}
                    text={t('deliveries.visits.of_hours', { used: week.hours, limit: limits.hours.limit })}
                    testId="week-hours"
                  />
                  <LimitBar
                    label={t('deliveries.visits.week_visits')}
                    progress={limits.visits}
                    text={t('deliveries.visits.of_visits', { used: week.visits.length, limit: limits.visits.limit })}
                    testId="week-visits"
                  />
                </Group>
              ) : (
                <Text size="sm" fw={600} data-testid="week-hours">
                  {t('deliveries.visits.of_hours', { used: week.hours, limit: schedule.hours_per_week })}
                </Text>
              )}
            </Group>
            <Table mt="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deliveries.visits.date')}</Table.Th>
                  <Table.Th ta="right">{t('deliveries.visits.hours')}</Table.Th>
                  <Table.Th>{t('deliveries.visits.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {week.visits.map((v) => (
                  <VisitRow key={v.id} visit={v} />
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        );
      })}
      <Modal opened={adding} onClose={() => setAdding(false)} size="lg" title={t('deliveries.visits.add')}>
        {adding ? <VisitForm schedule={schedule} visits={visits.data ?? []} onDone={() => setAdding(false)} /> : null}
      </Modal>
    </Stack>
  );
}

function VisitRow({ visit }: { visit: VisitView }) {
  const { t, i18n } = useTranslation();
  const other = Number.parseFloat(visit.other_paid_care_hours) > 0;
  return (
    <Table.Tr data-testid="visit-row">
      <Table.Td>{formatDate(visit.date, i18n.language)}</Table.Td>
      <Table.Td ta="right">
        {visit.hours}
        {other ? (
          <Text size="xs" c="dimmed">
            {t('deliveries.visits.countable', { hours: visit.countable_hours })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {visit.over_schedule ? (
            <Badge color="orange" variant="light">
              {t('deliveries.visits.over_schedule')}
            </Badge>
          ) : null}
          <Text size="sm">{visit.note ?? ''}</Text>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

const FIELDS = ['date', 'hours', 'other_paid_care_hours', 'worker_id', 'note'] as const;

interface VisitValues {
  date: string | null;
  hours: number | string;
  other_paid_care_hours: number | string;
  note: string;
}

function VisitForm({ schedule, visits, onDone }: { schedule: ScheduleView; visits: readonly VisitView[]; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordVisit();
  const today = todayInLithuania();
  const shortTermCare = schedule.respite_organisation === 'short_term_care';
  const respiteAtHome = schedule.service === 'respite' && !shortTermCare;
  const form = useForm<VisitValues>({
    mode: 'controlled',
    initialValues: { date: today, hours: '', other_paid_care_hours: '', note: '' },
    validate: {
      date: (v) => (v ? null : t('errors.fields.required')),
      hours: (v) => (v === '' ? t('errors.fields.required') : null),
    },
  });
  const server = fieldErrorMessages(t, record.error);
  const week = form.values.date ? isoWeek(form.values.date) : null;
  const weekLog = week ? groupByWeek(visits).find((w) => w.monday === week.monday) : undefined;
  const left = respiteWeek(weekLog ?? { hours: 0, visits: [] });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        if (!v.date) return;
        record.mutate(
          {
            schedule_id: schedule.id,
            date: v.date,
            hours: decimalString(v.hours),
            other_paid_care_hours: shortTermCare && v.other_paid_care_hours !== '' ? decimalString(v.other_paid_care_hours) : null,
            note: v.note.trim() || null,
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('deliveries.visits.added') });
              onDone();
            },
          },
        );
      })}
    >
      <Stack>
        <DeliveryFormErrors error={record.error} fields={FIELDS} />
        <DateInput
          label={t('deliveries.visits.date')}
          required
          valueFormat="YYYY-MM-DD"
          minDate={schedule.valid_from}
          maxDate={today < schedule.valid_until ? today : schedule.valid_until}
          {...form.getInputProps('date')}
          error={form.errors.date ?? server.date}
        />
        {respiteAtHome ? (
          <Text size="sm" c="dimmed" data-testid="week-left">
            {t('deliveries.visits.this_week_left', { hours: left.hours.left, visits: left.visits.left })}
          </Text>
        ) : null}
        <NumberInput
          label={t('deliveries.visits.hours')}
          required
          min={0}
          max={24}
          decimalScale={2}
          decimalSeparator=","
          {...form.getInputProps('hours')}
          error={form.errors.hours ?? server.hours}
        />
        {shortTermCare ? (
          <NumberInput
            label={t('deliveries.visits.other_paid_care_hours')}
            description={t('deliveries.visits.other_paid_care_hint')}
            min={0}
            max={24}
            decimalScale={2}
            decimalSeparator=","
            {...form.getInputProps('other_paid_care_hours')}
            error={server.other_paid_care_hours}
          />
        ) : null}
        <Text size="sm">
          {t('deliveries.visits.worker')}: {t('deliveries.visits.worker_me')}
        </Text>
        {server.worker_id ? <Alert color="red">{server.worker_id}</Alert> : null}
        <Textarea label={t('deliveries.visits.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} error={server.note} />
        <FormActions onCancel={onDone} submitting={record.isPending} submitLabel={t('deliveries.visits.add')} />
      </Stack>
    </form>
  );
}
