import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { SERIES_COLORS, timelinessData } from './chart-data';

type TimelinessMonth = components['schemas']['TimelinessMonth'];

export interface TimelinessChartProps {
  /** The report's rows (per service type and month). */
  rows: readonly TimelinessMonth[];
  /** Chart height in pixels. */
  height?: number;
}

/**
 * R-REP-3: the share of decisions signed by their due date, one bar per
 * service type in each month (per cent). Reused on the division head's home
 * page.
 */
export function TimelinessChart({ rows, height = 300 }: TimelinessChartProps) {
  const { t, i18n } = useTranslation();
  const { data, series } = timelinessData(rows, i18n.language);
  if (data.length === 0) {
    return <Text c="dimmed">{t('reports.timeliness.empty')}</Text>;
  }
  return (
    <div role="img" aria-label={t('reports.timeliness.chart_label')} data-testid="timeliness-chart">
      <BarChart
        h={height}
        data={data}
        dataKey="month"
        series={series.map((s, i) => ({ ...s, color: SERIES_COLORS[i % SERIES_COLORS.length] }))}
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={(v) => `${v} %`}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
      />
    </div>
  );
}
