import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { errorMessage } from '@/lib/errors';
import { formatDate, formatMoney, todayInLithuania } from '@/lib/format';
import { usePageTitle } from '@/lib/use-page-title';
import { useDownloadExport, type ExportFormat } from '../api/download-export';
import { useChargeRun } from '../api/get-run';
import { type ChargeRunView, RUNS_PER_PAGE, type RunStatus, useChargeRuns } from '../api/list-runs';
import { type ChargeLineView, LINES_PER_PAGE, useRunCharges } from '../api/run-charges';
import { useRunDifferences } from '../api/run-differences';
import { useStartRun } from '../api/start-run';
import { formatMonth, formatQuantity, previousMonth, progressPercent, runMonthChoices } from './months';
import { type Column, PagedTable } from './paged-table';

const STATUS_COLOR: Record<RunStatus, string> = { running: 'blue', done: 'green', failed: 'red' };

/**
 * `/charges`: the monthly charges. Start a run for an ended month, watch its
 * progress, read its lines and totals, what changed since the run before,
 * and download the files for the accounting system.
 */
export function ChargesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('charges.title'));
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const openRun = (id: string) => setParams({ run: id });
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={2} fz={26} fw={600}>
          {t('charges.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('charges.subtitle')}
        </Text>
      </div>
      <StartRun onStarted={openRun} />
      {runId ? <RunPanel key={runId} runId={runId} /> : null}
      <RunsList language={i18n.language} onOpen={openRun} selected={runId} />
    </Stack>
  );
}

function StartRun({ onStarted }: { onStarted: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const today = todayInLithuania();
  const [month, setMonth] = useState(previousMonth(today));
  const start = useStartRun();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="start-run">
      <Title order={3} size="h5" id="start-run" mb="sm">
        {t('charges.start_title')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('charges.month')}
          data={runMonthChoices(today).map((m) => ({ value: m, label: formatMonth(m, i18n.language) }))}
          value={month}
          onChange={(v) => {
            if (v) setMonth(v);
            start.reset();
          }}
          allowDeselect={false}
          w={240}
        />
        <Button
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          loading={start.isPending}
          onClick={() => start.mutate(month, { onSuccess: (run) => onStarted(run.id) })}
        >
          {t('charges.start')}
        </Button>
      </Group>
      {start.isError ? (
        <Alert color="red" mt="sm" role="alert" data-testid="start-error">
          {errorMessage(t, start.error)}
        </Alert>
      ) : null}
      <Text size="xs" c="dimmed" mt="xs">
        {t('charges.start_hint')}
      </Text>
    </Paper>
  );
}

function RunsList({ language, onOpen, selected }: { language: string; onOpen: (id: string) => void; selected: string | null }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const runs = useChargeRuns(page);
  const columns: Column<ChargeRunView>[] = [
    {
      key: 'month',
      header: t('charges.month'),
      cell: (run) => (
        <Anchor component="button" type="button" onClick={() => onOpen(run.id)} fw={run.id === selected ? 700 : 500}>
          {formatMonth(run.month, language)}
        </Anchor>
      ),
    },
    { key: 'version', header: t('charges.version'), align: 'right', cell: (run) => run.version },
    { key: 'status', header: t('charges.status'), cell: (run) => <StatusBadge status={run.status} /> },
    { key: 'started', header: t('charges.started_at'), cell: (run) => new Date(run.started_at).toLocaleString(language === 'en' ? 'en-IE' : 'lt-LT') },
    { key: 'lines', header: t('charges.line_count'), align: 'right', cell: (run) => run.line_count },
    { key: 'total', header: t('charges.total_amount'), align: 'right', cell: (run) => formatMoney(run.total_amount, language) },
  ];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="runs-title">
      <Title order={3} size="h5" id="runs-title" mb="sm">
        {t('charges.runs_title')}
      </Title>
      {runs.isError ? <QueryError error={runs.error} /> : null}
      <PagedTable
        label={t('charges.runs_title')}
        rows={runs.data?.items}
        columns={columns}
        rowKey={(run) => run.id}
        testId={(run) => `run-${run.month}-${run.version}`}
        empty={t('charges.no_runs')}
        busy={runs.isFetching}
        page={page}
        perPage={RUNS_PER_PAGE}
        total={runs.data?.total ?? 0}
        onPageChange={setPage}
      />
    </Paper>
  );
}

function StatusBadge({ status }: { status: RunStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOR[status]}>
      {t(`charges.statuses.${status}`)}
    </Badge>
  );
}

/** One run: its progress while it runs, then its totals, downloads, differences and lines. */
function RunPanel({ runId }: { runId: string }) {
  const { t, i18n } = useTranslation();
  const run = useChargeRun(runId);
  if (run.isError) return <QueryError error={run.error} />;
  if (!run.data) return null;
  const r = run.data;
  const percent = progressPercent(r);
  const done = r.status === 'done';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="run-title" data-testid="run-panel">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4" id="run-title">
            {t('charges.run_title', { month: formatMonth(r.month, i18n.language), version: r.version })}
          </Title>
          <StatusBadge status={r.status} />
        </Group>
        <div>
          <Progress
            value={percent}
            size="lg"
            animated={r.status === 'running'}
            color={r.status === 'failed' ? 'red' : undefined}
            aria-label={t('charges.progress_label')}
            data-testid="run-progress"
          />
          <Text size="sm" mt={4} aria-live="polite" data-testid="run-processed">
            {t('charges.processed', { processed: r.processed_recipients, total: r.total_recipients, percent })}
          </Text>
        </div>
        {r.status === 'failed' ? (
          <Alert color="red" role="alert">
            {t('charges.failed')} {r.error ?? ''}
          </Alert>
        ) : null}
        {done ? (
          <>
            <Group gap="xl" data-testid="run-totals">
              <Text size="sm">
                {t('charges.line_count')}: <b>{r.line_count}</b>
              </Text>
              <Text size="sm">
                {t('charges.total_amount')}: <b>{formatMoney(r.total_amount, i18n.language)}</b>
              </Text>
              {r.changed === false ? (
                <Badge variant="light" color="gray">
                  {t('charges.unchanged')}
                </Badge>
              ) : null}
            </Group>
            <Downloads runId={r.id} month={r.month} />
            {r.problems.length > 0 ? <Problems problems={r.problems} /> : null}
            {r.previous_run_id ? <Differences runId={r.id} /> : null}
            <Lines runId={r.id} />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * The people a run could not charge (R-FEE-1: income not complete, a
 * family without members, a decision without a fee): everyone else is
 * charged; once their data is fixed, the month is run again.
 */
function Problems({ problems }: { problems: ChargeRunView['problems'] }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('charges.problems_title', { count: problems.length })} data-testid="run-problems">
      <Text size="sm" mb="xs">
        {t('charges.problems_hint')}
      </Text>
      <Stack gap={4} component="ul" m={0} pl="md">
        {problems.map((p) => (
          <li key={`${p.person_id}-${p.source}-${p.service_code}`}>
            <Text size="sm" span>
              <Anchor component={Link} to={`/persons/${p.person_id}`} c="dark" underline="always">
                {p.person_name ?? t('charges.someone')}
              </Anchor>
              {' — '}
              {t(`charges.problem.${p.code}`, {
                months: (p.missing ?? []).flatMap((m) => m.months).filter((m, i, all) => all.indexOf(m) === i).join(', '),
              })}
            </Text>
          </li>
        ))}
      </Stack>
    </Alert>
  );
}

function Downloads({ runId, month }: { runId: string; month: string }) {
  const { t } = useTranslation();
  const download = useDownloadExport(runId, month);
  const button = (format: ExportFormat) => (
    <Button
      variant="default"
      leftSection={<IconDownload size={14} aria-hidden />}
      loading={download.isPending && download.variables === format}
      onClick={() => download.mutate(format)}
    >
      {t(`charges.download_${format}`)}
    </Button>
  );
  return (
    <Stack gap={4}>
      <Group gap="sm">
        {button('csv')}
        {button('xlsx')}
      </Group>
      {download.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(t, download.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

function Differences({ runId }: { runId: string }) {
  const { t, i18n } = useTranslation();
  const diff = useRunDifferences(runId, true);
  if (diff.isError) return <QueryError error={diff.error} />;
  const items = diff.data?.items ?? [];
  return (
    <section aria-labelledby="run-differences">
      <Title order={4} size="h5" id="run-differences" mb="xs">
        {t('charges.differences_title')}
      </Title>
      {diff.data && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('charges.no_differences')}
        </Text>
      ) : (
        <Table data-testid="run-differences-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('charges.person')}</Table.Th>
              <Table.Th ta="right">{t('charges.previous')}</Table.Th>
              <Table.Th ta="right">{t('charges.new')}</Table.Th>
              <Table.Th ta="right">{t('charges.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.person_id}>
                <Table.Td>
                  <Anchor component={Link} to={`/persons/${d.person_id}`}>
                    {d.person_name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{formatMoney(d.previous, i18n.language)}</Table.Td>
                <Table.Td ta="right">{formatMoney(d.new, i18n.language)}</Table.Td>
                <Table.Td ta="right">{formatMoney(d.change, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function Lines({ runId }: { runId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const lines = useRunCharges(runId, page, true);
  const columns: Column<ChargeLineView>[] = [
    {
      key: 'person',
      header: t('charges.person'),
      cell: (l) => (
        <Anchor component={Link} to={`/persons/${l.person_id}`}>
          {l.person_name}
        </Anchor>
      ),
    },
    { key: 'service', header: t('charges.service'), cell: (l) => t(`charges.sources.${l.source}`) },
    {
      key: 'period',
      header: t('charges.period'),
      cell: (l) => `${formatDate(l.period_from, i18n.language)} – ${formatDate(l.period_to, i18n.language)}`,
    },
    {
      key: 'quantity',
      header: t('charges.quantity'),
      align: 'right',
      cell: (l) => `${formatQuantity(l.quantity, i18n.language)} ${t(`charges.units.${l.unit}`)}`,
    },
    { key: 'amount', header: t('charges.amount'), align: 'right', cell: (l) => formatMoney(l.amount, i18n.language) },
  ];
  return (
    <section aria-labelledby="run-lines">
      <Title order={4} size="h5" id="run-lines" mb="xs">
        {t('charges.lines_title')}
      </Title>
      {lines.isError ? <QueryError error={lines.error} /> : null}
      <PagedTable
        label={t('charges.lines_title')}
        rows={lines.data?.items}
        columns={columns}
        rowKey={(l) => l.id}
        testId={() => 'charge-line'}
        empty={t('charges.no_lines')}
        busy={lines.isFetching}
        page={page}
        perPage={LINES_PER_PAGE}
        total={lines.data?.total ?? 0}
        onPageChange={setPage}
        summary={t('charges.lines_total', { count: lines.data?.total ?? 0 })}
      />
    </section>
  );
}
