import { LineChart } from '@mantine/charts';
import { Anchor, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '@/components/export-menu';
import { QueryError } from '@/components/query-error';
import { formatDate, todayInLithuania } from '@/lib/format';
import { usePageTitle } from '@/lib/use-page-title';
import { OVERDUE_PURPOSE, useOverdue } from '../api/get-overdue';
import { useTimeliness } from '../api/get-timeliness';
import { useWaiting, type WaitingReport } from '../api/get-waiting';
import { useYearlySummary, type YearlySummary } from '../api/get-yearly-summary';
import { queueData, SERIES_COLORS } from './chart-data';
import { TimelinessChart } from './timeliness-chart';

/** The default period: 1 January of last year to today. */
function defaultPeriod(today: string) {
  return { from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: today };
}

function Section({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/**
 * `/reports`: the division's reports for a period — timeliness of decisions
 * (R-REP-3) with today's overdue list, waiting times and queue lengths
 * (R-REP-2), and the yearly summary with the year before (R-REP-1). Every
 * table downloads as CSV or Excel.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.title'));
  const today = todayInLithuania();
  const [period, setPeriod] = useState(defaultPeriod(today));
  const [year, setYear] = useState(Number(today.slice(0, 4)) - 1);
  const change = (key: 'from' | 'to') => (value: string | null) => {
    if (value) setPeriod((p) => ({ ...p, [key]: value }));
  };
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={2} fz={26} fw={600}>
          {t('reports.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('reports.subtitle')}
        </Text>
      </div>
      <Group align="flex-end">
        <DateInput label={t('reports.from')} valueFormat="YYYY-MM-DD" value={period.from} onChange={change('from')} maxDate={period.to} />
        <DateInput label={t('reports.to')} valueFormat="YYYY-MM-DD" value={period.to} onChange={change('to')} minDate={period.from} />
      </Group>
      <Timeliness from={period.from} to={period.to} />
      <Overdue />
      <Waiting from={period.from} to={period.to} />
      <Summary year={year} onYear={setYear} />
    </Stack>
  );
}

function Timeliness({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const report = useTimeliness(from, to);
  return (
    <Section
      id="report-timeliness"
      title={t('reports.timeliness.title')}
      actions={<ExportMenu path="/api/v1/reports/timeliness/export" params={{ from, to }} fileStem={`terminai-${from}-${to}`} />}
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('reports.timeliness.hint')}
      </Text>
      {report.error ? <QueryError error={report.error} /> : null}
      {report.data ? (
        <Stack>
          <TimelinessChart rows={report.data.rows} />
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.service')}</Table.Th>
                <Table.Th ta="right">{t('reports.timeliness.due')}</Table.Th>
                <Table.Th ta="right">{t('reports.timeliness.on_time')}</Table.Th>
                <Table.Th ta="right">{t('reports.timeliness.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.totals.map((r) => (
                <Table.Tr key={r.service.code}>
                  <Table.Td>{i18n.language === 'en' ? r.service.name_en : r.service.name_lt}</Table.Td>
                  <Table.Td ta="right">{r.due}</Table.Td>
                  <Table.Td ta="right">{r.on_time}</Table.Td>
                  <Table.Td ta="right">{r.share_percent.toLocaleString(i18n.language)} %</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Section>
  );
}

function Overdue() {
  const { t, i18n } = useTranslation();
  const overdue = useOverdue();
  return (
    <Section
      id="report-overdue"
      title={t('reports.overdue.title')}
      actions={<ExportMenu path="/api/v1/reports/overdue/export" fileStem="veluojantys-sprendimai" purpose={OVERDUE_PURPOSE} />}
    >
      {overdue.error ? <QueryError error={overdue.error} /> : null}
      {overdue.data && overdue.data.items.length === 0 ? <Text c="dimmed">{t('reports.overdue.none')}</Text> : null}
      {overdue.data && overdue.data.items.length > 0 ? (
        <>
          <Text size="sm" mb="xs">
            {t('reports.overdue.count', { count: overdue.data.total })}
          </Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.overdue.person')}</Table.Th>
                <Table.Th>{t('reports.service')}</Table.Th>
                <Table.Th>{t('reports.overdue.received')}</Table.Th>
                <Table.Th>{t('reports.overdue.due')}</Table.Th>
                <Table.Th ta="right">{t('reports.overdue.days')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overdue.data.items.map((r) => (
                <Table.Tr key={r.application_id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/applications/${r.application_id}`} underline="always">
                      {r.person_name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{i18n.language === 'en' ? r.service.name_en : r.service.name_lt}</Table.Td>
                  <Table.Td>{formatDate(r.received_on, i18n.language)}</Table.Td>
                  <Table.Td>{formatDate(r.due_on, i18n.language)}</Table.Td>
                  <Table.Td ta="right">{r.days_overdue}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Section>
  );
}

function days(value: { median: number; max: number } | null | undefined, language: string) {
  return value ? `${value.median.toLocaleString(language)} / ${value.max}` : '–';
}

function Waiting({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const report = useWaiting(from, to);
  return (
    <Section
      id="report-waiting"
      title={t('reports.waiting.title')}
      actions={<ExportMenu path="/api/v1/reports/waiting/export" params={{ from, to }} fileStem={`laukimas-${from}-${to}`} />}
    >
      {report.error ? <QueryError error={report.error} /> : null}
      {report.data ? <WaitingBody report={report.data} language={i18n.language} /> : null}
    </Section>
  );
}

function WaitingBody({ report, language }: { report: WaitingReport; language: string }) {
  const { t } = useTranslation();
  const queues = queueData(report.queues);
  return (
    <Stack>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.service')}</Table.Th>
            <Table.Th ta="right">{t('reports.waiting.decisions')}</Table.Th>
            <Table.Th ta="right">{t('reports.waiting.to_decision')}</Table.Th>
            <Table.Th ta="right">{t('reports.waiting.started')}</Table.Th>
            <Table.Th ta="right">{t('reports.waiting.to_start')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((r) => (
            <Table.Tr key={r.service.code}>
              <Table.Td>{language === 'en' ? r.service.name_en : r.service.name_lt}</Table.Td>
              <Table.Td ta="right">{r.to_decision?.count ?? 0}</Table.Td>
              <Table.Td ta="right">{days(r.to_decision, language)}</Table.Td>
              <Table.Td ta="right">{r.to_start?.count ?? 0}</Table.Td>
              <Table.Td ta="right">{days(r.to_start, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4} size="h5">
        {t('reports.waiting.queues')}
      </Title>
      {queues.data.length > 0 ? (
        <div role="img" aria-label={t('reports.waiting.queues')}>
          <LineChart
            h={260}
            data={queues.data}
            dataKey="month"
            series={queues.series.map((s, i) => ({ ...s, color: SERIES_COLORS[i % SERIES_COLORS.length] }))}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            curveType="linear"
          />
        </div>
      ) : (
        <Text c="dimmed">{t('reports.waiting.no_queues')}</Text>
      )}
    </Stack>
  );
}

function Summary({ year, onYear }: { year: number; onYear: (y: number) => void }) {
  const { t, i18n } = useTranslation();
  const summary = useYearlySummary(year);
  return (
    <Section
      id="report-summary"
      title={t('reports.summary.title')}
      actions={<ExportMenu path="/api/v1/reports/yearly-summary/export" params={{ year }} fileStem={`suvestine-${year}`} />}
    >
      <NumberInput
        label={t('reports.summary.year')}
        value={year}
        min={2000}
        max={2100}
        w={140}
        mb="sm"
        onChange={(v) => {
          if (typeof v === 'number' && v >= 2000 && v <= 2100) onYear(v);
        }}
      />
      {summary.error ? <QueryError error={summary.error} /> : null}
      {summary.data ? <SummaryBody summary={summary.data} language={i18n.language} /> : null}
    </Section>
  );
}

function SummaryBody({ summary, language }: { summary: YearlySummary; language: string }) {
  const { t } = useTranslation();
  const name = (l: YearlySummary['lines'][number]) => (language === 'en' ? l.service.name_en : l.service.name_lt);
  return (
    <Stack>
      <div data-testid="summary-text">
        <Text>
          {t('reports.summary.lead', {
            year: summary.year,
            municipality: summary.municipality,
            count: summary.people,
            previous: summary.people_previous,
            previous_year: summary.previous_year,
          })}
        </Text>
        {summary.lines
          .filter((l) => l.current.total > 0)
          .map((l) => (
            <Text key={l.service.code} size="sm">
              {t('reports.summary.line', {
                service: name(l),
                count: l.current.total,
                adults: l.current.adults,
                children: l.current.children,
                previous: l.previous.total,
                previous_year: summary.previous_year,
              })}
            </Text>
          ))}
      </div>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2}>{t('reports.service')}</Table.Th>
            <Table.Th colSpan={3} ta="center">
              {summary.year}
            </Table.Th>
            <Table.Th colSpan={3} ta="center">
              {summary.previous_year}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {[0, 1].map((i) => (
              <SummaryHeads key={i} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.lines.map((l) => (
            <Table.Tr key={l.service.code}>
              <Table.Td>{name(l)}</Table.Td>
              <Table.Td ta="right">{l.current.children}</Table.Td>
              <Table.Td ta="right">{l.current.adults}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {l.current.total}
              </Table.Td>
              <Table.Td ta="right">{l.previous.children}</Table.Td>
              <Table.Td ta="right">{l.previous.adults}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {l.previous.total}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('reports.summary.note')}
      </Text>
    </Stack>
  );
}

function SummaryHeads() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th ta="right">{t('reports.summary.children')}</Table.Th>
      <Table.Th ta="right">{t('reports.summary.adults')}</Table.Th>
      <Table.Th ta="right">{t('reports.summary.total')}</Table.Th>
    </>
  );
}

