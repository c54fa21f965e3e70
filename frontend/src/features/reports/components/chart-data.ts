// Shapes the reports' rows for the charts: one entry per month, one key per
// service type (or facility).

import type { components } from '@/api/schema';

type TimelinessMonth = components['schemas']['TimelinessMonth'];
type FacilityQueueLengths = components['schemas']['FacilityQueueLengths'];

export interface ChartSeries {
  name: string;
  label: string;
}

export const SERIES_COLORS = ['blue.7', 'teal.7', 'orange.7', 'grape.7', 'red.7', 'cyan.7', 'lime.8', 'indigo.7', 'pink.7', 'yellow.8'];

/** Months in order, each with the share signed on time per service code. */
export function timelinessData(rows: readonly TimelinessMonth[], language: string) {
  const series = new Map<string, string>();
  const months = new Map<string, Record<string, string | number>>();
  for (const r of rows) {
    series.set(r.service.code, language === 'en' ? r.service.name_en : r.service.name_lt);
    const entry = months.get(r.month) ?? { month: r.month };
    entry[r.service.code] = r.share_percent;
    months.set(r.month, entry);
  }
  return {
    data: [...months.values()].sort((a, b) => String(a.month).localeCompare(String(b.month))),
    series: [...series.entries()].map(([name, label]) => ({ name, label })),
  };
}

/** Months in order, each with the month-end queue length per facility. */
export function queueData(queues: readonly FacilityQueueLengths[]) {
  const months = new Map<string, Record<string, string | number>>();
  for (const q of queues) {
    for (const m of q.months) {
      const entry = months.get(m.month) ?? { month: m.month };
      entry[q.facility_id] = m.waiting;
      months.set(m.month, entry);
    }
  }
  return {
    data: [...months.values()].sort((a, b) => String(a.month).localeCompare(String(b.month))),
    series: queues.map((q) => ({ name: q.facility_id, label: q.name })),
  };
}
