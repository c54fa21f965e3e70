import { Badge, Button, Card, Grid, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStatusValues, type components } from '@/api/schema';
import { QueryError } from '@/components/query-error';
import { errorMessage } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { useDownloadPlanPdf } from '../api/download-plan-pdf';
import type { CaseView } from '../api/get-case';
import { type ActionView, type PlanVersionView, usePlan } from '../api/get-plan';
import { usePlanVersion } from '../api/get-plan-version';
import { useSetActionStatus } from '../api/set-action-status';
import { PlanEditor } from './plan-editor';

type ActionStatus = components['schemas']['ActionStatus'];

const STATUS_COLORS: Record<ActionStatus, string> = { planned: 'gray', in_progress: 'blue', done: 'green', not_done: 'red' };

/** Who is responsible for an action, as a reader says it. */
export function useResponsibleLabel() {
  const { t } = useTranslation();
  return (a: ActionView) =>
    a.responsible.user?.display_name ??
    (a.responsible.person ? `${a.responsible.person.first_name} ${a.responsible.person.last_name}` : null) ??
    a.responsible.organisation ??
    t(`cases.plan.responsible_kind.${a.responsible.kind}`);
}

/** Planas: the agreed plan with its actions' statuses, the draft's editor, the versions side by side, the PDF. */
export function PlanPanel({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const plan = usePlan(view.id);
  const [editing, setEditing] = useState(false);
  const closed = view.status === 'closed';
  const writable = !closed && Boolean(view.case_manager);

  if (plan.isError) return <QueryError error={plan.error} />;
  if (!plan.data) return <Loader size="sm" aria-label={t('common.loading')} />;
  const { agreed, draft, versions } = plan.data;

  return (
    <Stack gap="lg">
      {agreed ? (
        <VersionCard caseId={view.id} version={agreed} statusEditable={writable} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('cases.plan.none_agreed')}
        </Text>
      )}
      {editing ? (
        <Card withBorder padding="md" component="section" aria-labelledby="plan-draft-title">
          <Title order={3} size="h5" id="plan-draft-title" mb="sm">
            {draft ? t('cases.plan.draft_n', { n: draft.number }) : t('cases.plan.new_draft')}
          </Title>
          <PlanEditor view={view} draft={draft ?? null} startFrom={agreed ?? null} onDone={() => setEditing(false)} />
        </Card>
      ) : draft ? (
        <VersionCard
          caseId={view.id}
          version={draft}
          statusEditable={false}
          action={
            writable ? (
              <Button size="xs" variant="light" leftSection={<IconEdit size={14} aria-hidden />} onClick={() => setEditing(true)}>
                {t('cases.plan.edit_draft')}
              </Button>
            ) : null
          }
        />
      ) : writable ? (
        <Group>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(true)}>
            {agreed ? t('cases.plan.change_plan') : t('cases.plan.create')}
          </Button>
        </Group>
      ) : null}
      {versions.length > 1 ? <CompareVersions caseId={view.id} numbers={versions.map((v) => v.number)} /> : null}
    </Stack>
  );
}

function PdfButton({ caseId, number }: { caseId: string; number: number }) {
  const { t } = useTranslation();
  const pdf = useDownloadPlanPdf(caseId);
  return (
    <Stack gap={2} align="flex-end">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconDownload size={14} aria-hidden />}
        loading={pdf.isPending}
        onClick={() => pdf.mutate(number)}
      >
        {t('cases.plan.pdf')}
      </Button>
      {pdf.isError ? (
        <Text size="xs" c="red.8" role="alert">
          {errorMessage(t, pdf.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

function VersionCard({
  caseId,
  version,
  statusEditable,
  action,
}: {
  caseId: string;
  version: PlanVersionView;
  statusEditable: boolean;
  action?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const responsible = useResponsibleLabel();
  const titleId = `plan-version-${version.number}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId} data-testid={`plan-${version.status}`}>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3} size="h5" id={titleId}>
            {version.status === 'agreed'
              ? t('cases.plan.agreed_n', { n: version.number, date: formatDate(version.agreed_on, lang) })
              : t('cases.plan.draft_n', { n: version.number })}
          </Title>
          <Text size="xs" c="dimmed">
            {version.created_by.display_name} · {formatDate(version.created_at.slice(0, 10), lang)}
          </Text>
        </div>
        <Group gap="xs">
          {action}
          <PdfButton caseId={caseId} number={version.number} />
        </Group>
      </Group>
      <Stack gap="md">
        {version.goals.map((g, i) => (
          <div key={g.id}>
            <Text fw={600} mb={4}>
              {i + 1}. {g.title}
            </Text>
            <Table.ScrollContainer minWidth={600}>
              <Table verticalSpacing={6} aria-label={t('cases.plan.actions_of', { n: i + 1 })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cases.plan.what')}</Table.Th>
                    <Table.Th>{t('cases.plan.responsible')}</Table.Th>
                    <Table.Th>{t('cases.plan.due')}</Table.Th>
                    <Table.Th>{t('cases.status_header')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {g.actions.map((a) => (
                    <Table.Tr key={a.id} data-testid={`action-${a.id}`}>
                      <Table.Td>{a.what}</Table.Td>
                      <Table.Td>{responsible(a)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c={a.overdue ? 'red.9' : undefined} fw={a.overdue ? 600 : 400}>
                          {formatDate(a.due_on, lang)}
                          {a.overdue ? ` · ${t('application.overdue')}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {statusEditable ? (
                          <ActionStatusControl caseId={caseId} action={a} />
                        ) : (
                          <Badge color={STATUS_COLORS[a.status]} variant="light">
                            {t(`cases.action_status.${a.status}`)}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

function ActionStatusControl({ caseId, action }: { caseId: string; action: ActionView }) {
  const { t } = useTranslation();
  const set = useSetActionStatus(caseId);
  const [pending, setPending] = useState<ActionStatus | null>(null);
  const [reason, setReason] = useState('');
  const change = (status: ActionStatus, why?: string) =>
    set.mutate({ actionId: action.id, body: { status, reason: why ?? null } }, { onSuccess: () => setPending(null) });
  return (
    <Stack gap={4}>
      <Select
        size="xs"
        aria-label={t('cases.plan.status_of', { what: action.what })}
        allowDeselect={false}
        data={actionStatusValues.map((s) => ({ value: s, label: t(`cases.action_status.${s}`) }))}
        value={pending ?? action.status}
        onChange={(v) => {
          const status = v as ActionStatus;
          if (status === 'not_done') setPending(status);
          else change(status);
        }}
        disabled={set.isPending}
      />
      {pending === 'not_done' ? (
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            aria-label={t('cases.plan.not_done_reason')}
            placeholder={t('cases.plan.not_done_reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button size="compact-xs" disabled={!reason.trim()} onClick={() => change('not_done', reason.trim())}>
            {t('common.save')}
          </Button>
        </Group>
      ) : null}
      {set.isError ? (
        <Text size="xs" c="red.8" role="alert">
          {errorMessage(t, set.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

type Change = 'added' | 'removed' | 'changed' | null;

/** Two versions side by side; goals and actions marked added, removed or changed by their ids. */
function CompareVersions({ caseId, numbers }: { caseId: string; numbers: number[] }) {
  const { t } = useTranslation();
  const sorted = [...numbers].sort((a, b) => a - b);
  const [left, setLeft] = useState<string | null>(String(sorted[sorted.length - 2]));
  const [right, setRight] = useState<string | null>(String(sorted[sorted.length - 1]));
  const a = usePlanVersion(caseId, left ? Number(left) : null);
  const b = usePlanVersion(caseId, right ? Number(right) : null);
  const options = sorted.map((n) => ({ value: String(n), label: t('cases.plan.version_n', { n }) }));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="plan-compare">
      <Title order={3} size="h5" id="plan-compare" mb="sm">
        {t('cases.plan.compare')}
      </Title>
      <Group mb="md">
        <Select label={t('cases.plan.compare_left')} data={options} value={left} onChange={setLeft} allowDeselect={false} />
        <Select label={t('cases.plan.compare_right')} data={options} value={right} onChange={setRight} allowDeselect={false} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {a.data ? <VersionColumn version={a.data} other={b.data} side="left" /> : <Loader size="xs" aria-label={t('common.loading')} />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {b.data ? <VersionColumn version={b.data} other={a.data} side="right" /> : <Loader size="xs" aria-label={t('common.loading')} />}
        </Grid.Col>
      </Grid>
    </Card>
  );
}

const CHANGE_COLORS = { added: 'green', removed: 'red', changed: 'orange' } as const;

function VersionColumn({ version, other, side }: { version: PlanVersionView; other: PlanVersionView | undefined; side: 'left' | 'right' }) {
  const { t, i18n } = useTranslation();
  const responsible = useResponsibleLabel();
  const otherGoals = new Map((other?.goals ?? []).map((g) => [g.id, g]));
  const otherActions = new Map((other?.goals ?? []).flatMap((g) => g.actions).map((a) => [a.id, a]));
  const missing: Change = side === 'left' ? 'removed' : 'added';
  const mark = (change: Change) =>
    change ? (
      <Badge size="xs" color={CHANGE_COLORS[change]} variant="light" ml={6}>
        {t(`cases.plan.change.${change}`)}
      </Badge>
    ) : null;
  return (
    <Stack gap="sm" data-testid={`compare-${side}`}>
      <Text fw={600}>
        {t('cases.plan.version_n', { n: version.number })} ·{' '}
        {version.status === 'agreed' ? formatDate(version.agreed_on, i18n.language) : t('cases.plan.draft')}
      </Text>
      {version.goals.map((g) => {
        const before = otherGoals.get(g.id);
        const goalChange: Change = !other ? null : !before ? missing : before.title !== g.title ? 'changed' : null;
        return (
          <div key={g.id}>
            <Text size="sm" fw={500}>
              {g.title}
              {mark(goalChange)}
            </Text>
            <Stack gap={2} pl="sm">
              {g.actions.map((act) => {
                const o = otherActions.get(act.id);
                const change: Change = !other
                  ? null
                  : !o
                    ? missing
                    : o.what !== act.what || o.due_on !== act.due_on || responsible(o) !== responsible(act)
                      ? 'changed'
                      : null;
                return (
                  <Text key={act.id} size="sm">
                    – {act.what} ({responsible(act)}, {formatDate(act.due_on, i18n.language)}){mark(change)}
                  </Text>
                );
              })}
            </Stack>
          </div>
        );
      })}
    </Stack>
  );
}
