import { Alert, Badge, Button, Card, Grid, Group, Radio, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiProblem, fieldErrors } from '@/api/problem';
import { errorMessage } from '@/lib/errors';
import type { components } from '@/api/schema';
import { RuleRef } from '@/components/rule-ref';
import { FILLED_GREEN } from '@/lib/colors';
import { formatDate, formatMoney, todayInLithuania } from '@/lib/format';
import { DueDate } from '@/components/due-date';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useFeePreview } from '../api/fee-preview';
import { type OnApplicationChanged, usePrepareDecision, useRecordHandover, useRecordNotification, useSignDecision } from '../api/steps';
import { useDownloadDecisionPdf } from '../api/download-decision-pdf';
import { FeeLines } from './fee-lines';

type Application = components['schemas']['ApplicationView'];
type Method = components['schemas']['NotificationMethod'];
const METHODS: Method[] = ['letter', 'email', 'in_person', 'eservices', 'phone'];

function problemText(error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiProblem)) return null;
  if (error.code === 'version_conflict') return t('common.conflict');
  return errorMessage(t, error);
}

/** The decision (SP-9): prepare with the fee shown line by line, sign, record the notification. */
export function DecisionPanel({ application, onChanged }: { application: Application; onChanged?: OnApplicationChanged }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const lang = i18n.language;
  const decision = application.decision;
  const canPrepare = application.allowed_actions.includes('prepare_decision');
  const canSign = application.allowed_actions.includes('sign');
  const canNotify = application.allowed_actions.includes('record_notification') && !decision?.notified_on;
  const isPreparer = decision?.prepared_by.id === me.data?.id;
  const canHandOver = Boolean(application.handover_due_on) && !decision?.handed_over_on && can(me.data, 'prepare_decisions');

  const [outcome, setOutcome] = useState<'granted' | 'refused'>(decision?.outcome ?? 'granted');
  const [hours, setHours] = useState(decision?.hours_per_month ?? application.assessment?.recommended_hours_per_month ?? '');
  const [serviceFrom, setServiceFrom] = useState<string | null>(decision?.service_from ?? null);
  const [reasoning, setReasoning] = useState(decision?.reasoning ?? '');
  const [notifiedOn, setNotifiedOn] = useState<string | null>(todayInLithuania());
  const [method, setMethod] = useState<Method>('letter');
  const [handedOverOn, setHandedOverOn] = useState<string | null>(todayInLithuania());
  const [handedOverTo, setHandedOverTo] = useState('');

  const prepare = usePrepareDecision(application.id, onChanged);
  const sign = useSignDecision(application.id, onChanged);
  const notify = useRecordNotification(application.id, onChanged);
  const handover = useRecordHandover(application.id, onChanged);
  const pdf = useDownloadDecisionPdf(decision?.id ?? '');
  const handoverErrors = fieldErrors(handover.error);
  const hoursText = String(hours).trim().replace(',', '.');
  // Hours as the server keeps them: 0–744 with at most two decimals. An
  // invalid value says so and shows no fee (never the last valid one's).
  const hoursValid = hoursText === '' || (/^\d+(\.\d{1,2})?$/.test(hoursText) && Number(hoursText) <= 744);
  const preview = useFeePreview(application.id, hoursText || '0', canPrepare && outcome === 'granted' && hoursValid);
  const server = fieldErrors(prepare.error);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="decision">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="decision">
          {t('application.decision')}
        </Title>
        {decision ? (
          <Badge color={decision.status === 'signed' ? 'green' : 'grape'} variant="light">
            {decision.status === 'signed' ? t('status.decided') : t('status.decision_prepared')}
          </Badge>
        ) : null}
      </Group>
      {decision && !canPrepare ? (
        <Grid mb="md">
          <Grid.Col span={6}>
            <Text size="xs" c="dimmed">{t('application.outcome')}</Text>
            <Text fw={600}>{t(`application.${decision.outcome}`)}</Text>
          </Grid.Col>
          <Grid.Col span={6}>
            <Text size="xs" c="dimmed">{t('application.monthly_fee')}</Text>
            <Text fw={600} data-testid="monthly-fee">{decision.monthly_fee ? formatMoney(decision.monthly_fee, lang) : t('application.fee_at_delivery')}</Text>
          </Grid.Col>
          <Grid.Col span={6}>
            <Text size="xs" c="dimmed">{t('application.hours')}</Text>
            <Text>{decision.hours_per_month ?? '—'}</Text>
          </Grid.Col>
          <Grid.Col span={6}>
            <Text size="xs" c="dimmed">{t('application.prepared_by')}</Text>
            <Text>{decision.prepared_by.display_name}</Text>
          </Grid.Col>
          {decision.signed_by ? (
            <>
              <Grid.Col span={6}>
                <Text size="xs" c="dimmed">{t('application.signed_by')}</Text>
                <Text>{decision.signed_by.display_name}</Text>
              </Grid.Col>
              <Grid.Col span={6}>
                <Text size="xs" c="dimmed">{t('application.decided_on')}</Text>
                <Text>{formatDate(decision.decided_on, lang)}</Text>
              </Grid.Col>
              {decision.signed_under ? (
                <Grid.Col span={12}>
                  <Text size="xs" c="dimmed">{t('application.signed_under')}</Text>
                  <Text data-testid="signed-under">{decision.signed_under.reference}</Text>
                </Grid.Col>
              ) : null}
            </>
          ) : null}
          {application.notification_due_on ? (
            <Grid.Col span={6} data-testid="notification-due">
              <Text size="xs" c="dimmed">{t('application.notification_due')}</Text>
              <DueDate due={application.notification_due_on} overdue={application.notification_overdue} decided={Boolean(decision.notified_on)} />
            </Grid.Col>
          ) : null}
          {application.handover_due_on ? (
            <Grid.Col span={6} data-testid="handover-due">
              <Text size="xs" c="dimmed">{t('application.handover_due')}</Text>
              <DueDate due={application.handover_due_on} overdue={application.handover_overdue} decided={Boolean(decision.handed_over_on)} />
            </Grid.Col>
          ) : null}
          {decision.handed_over_on ? (
            <Grid.Col span={12}>
              <Text size="xs" c="dimmed">{t('application.handed_over_on')}</Text>
              <Text>
                {formatDate(decision.handed_over_on, lang)} ({decision.handed_over_to})
              </Text>
            </Grid.Col>
          ) : null}
          {decision.notified_on ? (
            <Grid.Col span={12}>
              <Text size="xs" c="dimmed">{t('application.notified_on')}</Text>
              <Text>
                {formatDate(decision.notified_on, lang)} ({t(`notification.${decision.notification_method ?? 'letter'}`)})
              </Text>
            </Grid.Col>
          ) : null}
          <Grid.Col span={12}>
            <Text size="xs" c="dimmed">{t('application.reasoning')}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{decision.reasoning}</Text>
          </Grid.Col>
          {decision.fee_calculation ? (
            <Grid.Col span={12}>
              <Title order={4} size="h5" mb={4}>{t('application.fee_title')}</Title>
              <FeeLines fee={decision.fee_calculation} />
            </Grid.Col>
          ) : null}
        </Grid>
      ) : null}
      {decision ? (
        <Group gap="xs" mb="sm">
          <Button variant="light" loading={pdf.isPending && pdf.variables === 'decision'} onClick={() => pdf.mutate('decision')}>
            {decision.status === 'signed' ? t('application.decision_pdf') : t('application.decision_draft_pdf')}
          </Button>
          {decision.status === 'signed' ? (
            <Button variant="light" loading={pdf.isPending && pdf.variables === 'letter'} onClick={() => pdf.mutate('letter')}>
              {t('application.letter_pdf')}
            </Button>
          ) : null}
          {pdf.error ? (
            <Text c="red.8" size="sm" role="alert">
              {errorMessage(t, pdf.error)}
            </Text>
          ) : null}
        </Group>
      ) : null}

      {canPrepare ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            prepare.mutate(
              {
                version: application.version,
                outcome,
                reasoning: reasoning.trim(),
                hours_per_month: outcome === 'granted' && hoursText ? hoursText : null,
                service_from: serviceFrom,
              },
              { onSuccess: () => notifications.show({ color: 'green', message: t('application.done') }) },
            );
          }}
        >
          <Stack>
            {problemText(prepare.error, t) && Object.keys(server).length === 0 ? (
              <Alert color="red" role="alert">{problemText(prepare.error, t)}</Alert>
            ) : null}
            <Radio.Group label={t('application.outcome')} value={outcome} onChange={(v) => setOutcome(v as 'granted' | 'refused')}>
              <Group mt="xs">
                <Radio value="granted" label={t('application.granted')} />
                <Radio value="refused" label={t('application.refused')} />
              </Group>
            </Radio.Group>
            {outcome === 'granted' ? (
              <Group grow align="flex-start">
                <TextInput
                  label={t('application.hours')}
                  inputMode="decimal"
                  value={String(hours)}
                  onChange={(e) => setHours(e.currentTarget.value)}
                  error={hoursValid ? server.hours_per_month : t('validation.hours')}
                />
                <DateInput label={t('application.service_from')} valueFormat="YYYY-MM-DD" clearable value={serviceFrom} onChange={setServiceFrom} />
              </Group>
            ) : null}
            <Textarea
              label={t('application.reasoning')}
              required
              autosize
              minRows={3}
              value={reasoning}
              onChange={(e) => setReasoning(e.currentTarget.value)}
              error={server.reasoning}
            />
            {outcome === 'granted' && hoursValid && preview.data ? (
              <Card withBorder bg="gray.0" aria-busy={preview.isPlaceholderData} style={{ opacity: preview.isPlaceholderData ? 0.6 : 1 }}>
                <Title order={4} size="h5" mb={4}>{t('application.fee_title')}</Title>
                {preview.data.kind === 'free' ? (
                  <Group gap={4}>
                    <Text size="sm">{t('application.fee_free')}</Text>
                    <RuleRef rule="R-FEE-12" />
                  </Group>
                ) : null}
                {preview.data.kind === 'at_delivery' ? <Text size="sm">{t('application.fee_at_delivery')}</Text> : null}
                {preview.data.calculation ? <FeeLines fee={preview.data.calculation} /> : null}
              </Card>
            ) : null}
            {hoursValid && preview.error instanceof ApiProblem && preview.error.missing.length > 0 ? (
              <Alert color="orange" title={t('application.income_incomplete')} data-testid="income-missing">
                {preview.error.missing.map((m) => (
                  <Text size="sm" key={m.person_id}>
                    {m.name}: {m.months.join(', ')}
                  </Text>
                ))}
              </Alert>
            ) : hoursValid && preview.error instanceof ApiProblem ? (
              <Alert color="orange">{errorMessage(t, preview.error)}</Alert>
            ) : null}
            <Group justify="flex-end">
              <Button type="submit" loading={prepare.isPending} disabled={!reasoning.trim() || !hoursValid}>
                {t('application.prepare')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}

      {application.status === 'decision_prepared' && isPreparer ? (
        <Alert color="blue" mt="sm">{t('application.preparer_note')}</Alert>
      ) : null}
      {application.status === 'decision_prepared' && !isPreparer && !canSign && me.data?.permissions.includes('sign_decisions') ? (
        <Alert color="blue" mt="sm" data-testid="no-delegation">{t('application.no_delegation_note')}</Alert>
      ) : null}
      {canSign && decision ? (
        <Stack mt="sm">
          {sign.error ? <Alert color="red" role="alert">{errorMessage(t, sign.error)}</Alert> : null}
          <Group justify="flex-end">
            <Button
              color={FILLED_GREEN}
              loading={sign.isPending}
              onClick={() =>
                sign.mutate(
                  { decisionId: decision.id, version: decision.version },
                  { onSuccess: () => notifications.show({ color: 'green', message: t('application.done') }) },
                )
              }
            >
              {t('application.sign')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {canNotify && decision ? (
        <Group align="flex-end" mt="sm">
          <DateInput label={t('application.notified_on')} valueFormat="YYYY-MM-DD" value={notifiedOn} onChange={setNotifiedOn} maxDate={todayInLithuania()} />
          <Select
            label={t('application.method')}
            data={METHODS.map((m) => ({ value: m, label: t(`notification.${m}`) }))}
            value={method}
            allowDeselect={false}
            onChange={(v) => setMethod((v as Method) ?? 'letter')}
          />
          <Button
            variant="light"
            loading={notify.isPending}
            disabled={!notifiedOn}
            onClick={() =>
              notifiedOn &&
              notify.mutate(
                { decisionId: decision.id, body: { version: decision.version, notified_on: notifiedOn, method } },
                { onSuccess: () => notifications.show({ color: 'green', message: t('application.done') }) },
              )
            }
          >
            {t('application.notify')}
          </Button>
          {problemText(notify.error, t) ? <Text c="red.8" size="sm">{problemText(notify.error, t)}</Text> : null}
        </Group>
      ) : null}
      {canHandOver && decision ? (
        <Group align="flex-start" mt="sm">
          <DateInput
            label={t('application.handed_over_on')}
            valueFormat="YYYY-MM-DD"
            value={handedOverOn}
            onChange={setHandedOverOn}
            maxDate={todayInLithuania()}
            error={handoverErrors.handed_over_on}
          />
          <TextInput
            label={t('application.handed_over_to')}
            value={handedOverTo}
            onChange={(e) => setHandedOverTo(e.currentTarget.value)}
            error={handoverErrors.handed_over_to}
          />
          <Button
            variant="light"
            mt={24}
            loading={handover.isPending}
            disabled={!handedOverOn || !handedOverTo.trim()}
            onClick={() =>
              handedOverOn &&
              handover.mutate(
                { decisionId: decision.id, body: { version: decision.version, handed_over_on: handedOverOn, handed_over_to: handedOverTo.trim() } },
                { onSuccess: () => notifications.show({ color: 'green', message: t('application.done') }) },
              )
            }
          >
            {t('application.handover')}
          </Button>
          {problemText(handover.error, t) && Object.keys(handoverErrors).length === 0 ? (
            <Text c="red.8" size="sm">{problemText(handover.error, t)}</Text>
          ) : null}
        </Group>
      ) : null}
      {!decision && !canPrepare ? <Text c="dimmed">{t('file.none')}</Text> : null}
    </Card>
  );
}
