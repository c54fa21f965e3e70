import { Alert, Anchor, Button, Card, Checkbox, Grid, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem, fieldErrors } from '@/api/problem';
import type { components } from '@/api/schema';
import { DueDate } from '@/components/due-date';
import { Field } from '@/components/field';
import { RuleRef } from '@/components/rule-ref';
import { QueryError } from '@/components/query-error';
import { StatusBadge } from '@/components/status-badge';
import { errorMessage } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { useApplication } from '../api/get-application';
import { type OnApplicationChanged, useForward, useReturn, useUpdateApplication, useWithdraw } from '../api/steps';
import { AssessmentForm } from './assessment-form';
import { DecisionPanel } from './decision-panel';
import { DocumentsChecklist, type ChecklistLine } from './documents-checklist';

type Application = components['schemas']['ApplicationView'];

/** The documents checklist; edits stay local until saved (a new version resets them). */
function DocumentsCard({
  application,
  editable,
  errors,
  saving,
  onSave,
}: {
  application: Application;
  editable: boolean;
  errors: Record<string, string>;
  saving: boolean;
  onSave: (lines: ChecklistLine[]) => void;
}) {
  const { t } = useTranslation();
  const [lines, setLines] = useState<ChecklistLine[]>(application.documents);
  const changed = lines.some((l, i) => l.status !== application.documents[i]?.status);
  return (
    <Card withBorder padding="lg" mt="md" component="section" aria-labelledby="documents">
      <Title order={3} size="h4" id="documents" mb="sm">
        {t('application.documents')}
      </Title>
      <DocumentsChecklist lines={lines} onChange={editable ? setLines : undefined} readOnly={!editable} errors={errors} />
      {application.attachments.length > 0 ? (
        <Stack gap={2} mt="md">
          <Text size="xs" c="dimmed">
            {t('application.attachments')}
          </Text>
          {application.attachments.map((f) => (
            <Text key={f.id} size="sm">
              {f.file_name}{' '}
              <Text span size="xs" c="dimmed">
                ({Math.max(1, Math.round(f.size_bytes / 1024))} KB)
              </Text>
            </Text>
          ))}
        </Stack>
      ) : null}
      {editable && changed ? (
        <Group justify="flex-end" mt="sm">
          <Button size="xs" loading={saving} onClick={() => onSave(lines)}>
            {t('application.save_documents')}
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}

interface Props {
  id: string;
  /** After every step on the application: for the data of other features that show it. */
  onChanged?: OnApplicationChanged;
}

/** One application: its data, documents, assessment, the way to the division, and the decision. */
export function ApplicationView({ id, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const application = useApplication(id);
  const update = useUpdateApplication(id, onChanged);
  const forward = useForward(id, onChanged);
  const giveBack = useReturn(id, onChanged);
  const withdraw = useWithdraw(id, onChanged);
  const [exception, setException] = useState(false);
  const [exceptionReason, setExceptionReason] = useState('');
  const [reasonDialog, setReasonDialog] = useState<'return' | 'withdraw' | null>(null);
  const [reason, setReason] = useState('');

  if (application.isError) return <QueryError error={application.error} />;
  const a = application.data;
  if (!a) return null;
  const lang = i18n.language;
  const allowed = a.allowed_actions;
  // The server says whether the caller may still change the application.
  const canEditDocuments = allowed.includes('update');
  // Plain forwarding once assessed; before that only with an R-CM-6 exception.
  const canForward = allowed.includes('forward_to_division');
  const canForwardWithException = allowed.includes('forward_with_exception');
  const withException = canForwardWithException && (exception || !canForward);
  const forwardErrors = fieldErrors(forward.error);
  const stepProblem = [update.error, forward.error, giveBack.error, withdraw.error].find((e) => e instanceof ApiProblem) as
    | ApiProblem
    | undefined;

  const done = () => notifications.show({ color: 'green', message: t('application.done') });

  return (
    <Stack maw={1300}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            {t('application.title')}
          </Text>
          <Title order={2}>{lang === 'en' ? a.service_type.name_en : a.service_type.name_lt}</Title>
          <Anchor component={Link} to={`/persons/${a.person.id}`}>
            {a.person.first_name} {a.person.last_name}
          </Anchor>
        </div>
        <Stack gap={6} align="flex-end">
          <StatusBadge status={a.status} />
          <DueDate due={a.decision_due_on} overdue={a.overdue} decided={a.status === 'decided' || a.status === 'notified'} />
        </Stack>
      </Group>
      {a.assessment_outstanding ? (
        <Alert color="orange" data-testid="assessment-outstanding">
          {t('application.assessment_outstanding')}
        </Alert>
      ) : null}
      {a.moving_in_documents.length > 0 ? (
        <Alert color="blue" title={t('application.moving_in_documents')} data-testid="moving-in-documents">
          {a.moving_in_documents.map((d) => (lang === 'en' ? d.name_en : d.name_lt)).join('; ')}
        </Alert>
      ) : null}
      {stepProblem ? (
        <Alert color="red" role="alert" data-testid="step-error">
          {stepProblem.code === 'version_conflict' ? t('common.conflict') : errorMessage(t, stepProblem)}
        </Alert>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="info">
            <Title order={3} size="h4" id="info" mb="sm" hidden>
              {t('application.title')}
            </Title>
            <Grid>
              <Grid.Col span={6}><Field label={t('application.received')} value={formatDate(a.received_on, lang)} /></Grid.Col>
              <Grid.Col span={6}><Field label={t('application.channel')} value={t(`channel.${a.channel}`)} /></Grid.Col>
              <Grid.Col span={6}><Field label={t('application.received_by')} value={a.received_by.display_name} /></Grid.Col>
              <Grid.Col span={6}><Field label={t('persons.eldership')} value={a.eldership?.name} /></Grid.Col>
              <Grid.Col span={12}><Field label={t('intake.representative')} value={a.representative} /></Grid.Col>
              <Grid.Col span={12}><Field label={t('intake.notes')} value={a.notes} /></Grid.Col>
              {a.status_reason ? <Grid.Col span={12}><Field label={t('application.status_reason')} value={a.status_reason} /></Grid.Col> : null}
              {a.exception_reason ? <Grid.Col span={12}><Field label={t('application.exception_reason')} value={a.exception_reason} /></Grid.Col> : null}
            </Grid>
          </Card>
          <DocumentsCard
            key={a.version}
            application={a}
            editable={canEditDocuments}
            errors={forwardErrors}
            saving={update.isPending}
            onSave={(lines) =>
              update.mutate(
                { version: a.version, documents: lines.map((l) => ({ code: l.code, status: l.status })) },
                { onSuccess: done },
              )
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="assessment">
            <Title order={3} size="h4" id="assessment" mb="sm">
              {t('application.assessment')}
            </Title>
            {allowed.includes('record_assessment') ? (
              <AssessmentForm application={a} onChanged={onChanged} />
            ) : a.assessment ? (
              <Grid>
                <Grid.Col span={6}><Field label={t('application.assessor')} value={a.assessment.assessor.display_name} /></Grid.Col>
                <Grid.Col span={6}><Field label={t('application.submitted_on')} value={formatDate(a.assessment.submitted_on, lang)} /></Grid.Col>
                <Grid.Col span={12}><Field label={t('application.conclusion')} value={a.assessment.conclusion} /></Grid.Col>
                <Grid.Col span={6}><Field label={t('application.recommended_services')} value={a.assessment.recommended_services} /></Grid.Col>
                <Grid.Col span={6}><Field label={t('application.recommended_hours')} value={a.assessment.recommended_hours_per_month} /></Grid.Col>
              </Grid>
            ) : (
              <Text c="dimmed">{t('file.none')}</Text>
            )}
          </Card>
          {canForward || canForwardWithException ? (
            <Card withBorder padding="lg" mt="md">
              <Stack>
                {canForwardWithException ? (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Checkbox
                      label={t('application.exception')}
                      checked={exception || !canForward}
                      disabled={!canForward}
                      onChange={(e) => setException(e.currentTarget.checked)}
                    />
                    <RuleRef rule="R-CM-6" />
                  </Group>
                ) : null}
                {withException ? (
                  <Textarea
                    label={t('application.exception_reason')}
                    required
                    autosize
                    minRows={2}
                    value={exceptionReason}
                    onChange={(e) => setExceptionReason(e.currentTarget.value)}
                    error={forwardErrors.exception_reason}
                  />
                ) : null}
                <Group justify="flex-end">
                  <Button
                    loading={forward.isPending}
                    disabled={withException && !exceptionReason.trim()}
                    onClick={() =>
                      forward.mutate(
                        { version: a.version, exception_reason: withException ? exceptionReason.trim() || null : null },
                        { onSuccess: done },
                      )
                    }
                  >
                    {withException ? t('application.forward_with_exception') : t('application.forward')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ) : null}
          {a.status === 'ready_for_decision' || a.status === 'decision_prepared' || a.decision ? (
            <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
              <DecisionPanel key={`${a.id}-${a.version}`} application={a} onChanged={onChanged} />
            </div>
          ) : null}
          <Group justify="flex-end" mt="md">
            {allowed.includes('return_for_completion') ? (
              <Button variant="default" onClick={() => setReasonDialog('return')}>
                {t('application.return')}
              </Button>
            ) : null}
            {allowed.includes('withdraw') ? (
              <Button variant="subtle" color="red" onClick={() => setReasonDialog('withdraw')}>
                {t('application.withdraw')}
              </Button>
            ) : null}
          </Group>
        </Grid.Col>
      </Grid>
      <Modal
        opened={reasonDialog !== null}
        onClose={() => setReasonDialog(null)}
        title={reasonDialog === 'return' ? t('application.return') : t('application.withdraw')}
      >
        <Stack>
          <Textarea
            label={reasonDialog === 'return' ? t('application.return_reason') : t('application.withdraw_reason')}
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReasonDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!reason.trim()}
              loading={giveBack.isPending || withdraw.isPending}
              onClick={() => {
                const step = reasonDialog === 'return' ? giveBack : withdraw;
                step.mutate(
                  { version: a.version, reason: reason.trim() },
                  {
                    onSuccess: () => {
                      setReasonDialog(null);
                      setReason('');
                      done();
                    },
                  },
                );
              }}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
