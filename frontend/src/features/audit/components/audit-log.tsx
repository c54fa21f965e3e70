import { auditActionValues } from '@/api/schema';
import { Anchor, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { ExportMenu } from '@/components/export-menu';
import { type ListColumn, ListPage } from '@/components/list-page';
import { EMPTY_AUDIT_FILTER, useAudit, type AuditFilter } from '../api/list-audit';
import { type AuditDraft, AuditFilters, EMPTY_DRAFT } from './audit-filters';

type AuditRecord = components['schemas']['AuditRecord'];

/** A picked day (`YYYY-MM-DD`) as the start of that day, local time, in RFC 3339. */
export function dayStart(value: string | null, plusDays = 0): string | null {
  return value ? dayjs(value).startOf('day').add(plusDays, 'day').toISOString() : null;
}

/** `{ auth: { login: "…" } }` → `[["auth.login", "…"]]`. */
function flatten(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

function summaryLines(summary: unknown): Array<[string, string]> {
  if (summary === null || summary === undefined) return [];
  if (typeof summary !== 'object' || Array.isArray(summary)) return [['', JSON.stringify(summary)]];
  return Object.entries(summary as Record<string, unknown>).map(([key, value]) => [
    key,
    typeof value === 'string' ? value : Array.isArray(value) ? value.map(String).join(', ') : JSON.stringify(value),
  ]);
}

/** The audit log, newest first: filters, a record's history, "load more". */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<AuditDraft>(EMPTY_DRAFT);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const audit = useAudit(filter);
  const records = audit.data?.pages.flatMap((p) => p.items);

  const actions = flatten(t('audit.actions', { returnObjects: true }));
  const entities = flatten(t('audit.entities', { returnObjects: true }));
  const label = (pairs: Array<[string, string]>, code: string) => pairs.find(([c]) => c === code)?.[1] ?? code;
  const dateTime = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'lt-LT', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });

  function apply(next: AuditDraft) {
    setDraft(next);
    setFilter({
      entity: next.entity ?? '',
      entityId: next.entityId.trim(),
      actor: next.actor.trim(),
      action: auditActionValues.find((a) => a === next.action) ?? '',
      from: dayStart(next.from),
      to: dayStart(next.to, 1),
    });
  }

  function historyOf(record: AuditRecord) {
    if (record.entity_id) apply({ ...EMPTY_DRAFT, entity: record.entity, entityId: record.entity_id });
  }

  const filtered = JSON.stringify(filter) !== JSON.stringify(EMPTY_AUDIT_FILTER);

  const columns: ListColumn<AuditRecord>[] = [
    {
      key: 'at',
      header: t('audit.at'),
      width: 170,
      cell: (r) => (
        <>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {dateTime.format(new Date(r.at))}
          </Text>
          {r.request_id ? (
            <Text size="xs" c="dimmed" ff="monospace" truncate="end" maw={150} title={r.request_id}>
              <span className="visually-hidden">{t('audit.request')}: </span>
              {r.request_id}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'actor',
      header: t('audit.actor'),
      width: 180,
      cell: (r) => (
        <>
          <Text size="sm" fw={500} className="break-anywhere">
            {r.actor_name}
          </Text>
          <Text size="xs" c="dimmed">
            {[t(`audit.actor_kinds.${r.actor_kind}`, { defaultValue: r.actor_kind }), r.client_addr]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </>
      ),
    },
    {
      key: 'action',
      header: t('audit.action'),
      width: 210,
      cell: (r) => (
        <>
          <Text size="sm">{label(actions, r.action)}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {r.action}
          </Text>
        </>
      ),
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      width: 200,
      cell: (r) => (
        <>
          <Text size="sm">{label(entities, r.entity)}</Text>
          {r.entity_id ? (
            <Anchor
              component="button"
              type="button"
              size="xs"
              ff="monospace"
              ta="left"
              className="break-anywhere"
              onClick={() => historyOf(r)}
              aria-label={t('audit.history_of', { id: r.entity_id })}
            >
              {r.entity_id}
            </Anchor>
          ) : null}
        </>
      ),
    },
    {
      key: 'summary',
      header: t('audit.summary'),
      cell: (r) => (
        <dl className="audit-summary">
          {summaryLines(r.summary).map(([key, value]) => (
            <div key={key}>
              {key ? <dt>{key}</dt> : null}
              <dd className="break-anywhere">{value}</dd>
            </div>
          ))}
        </dl>
      ),
    },
  ];

  return (
    <ListPage
      title={t('audit.title')}
      subtitle={t('audit.subtitle')}
      actions={
        <ExportMenu
          path="/api/v1/audit/export"
          params={{
            entity: filter.entity,
            entity_id: filter.entityId,
            actor: filter.actor,
            action: filter.action,
            from: filter.from,
            to: filter.to,
          }}
          fileStem="auditas"
          purpose="supervision"
        />
      }
      filters={
        <AuditFilters
          draft={draft}
          onChange={setDraft}
          onApply={apply}
          filtered={filtered}
          actions={actions}
          entities={entities}
        />
      }
      query={audit}
      rows={records}
      columns={columns}
      rowKey={(r) => r.id}
      rowProps={() => ({ style: { verticalAlign: 'top' } })}
      empty={t('audit.empty')}
      summary={t('audit.shown', { count: records?.length ?? 0 })}
      paging={{
        hasMore: audit.hasNextPage,
        loadingMore: audit.isFetchingNextPage,
        onLoadMore: () => void audit.fetchNextPage(),
      }}
      minWidth={980}
      maw={1400}
    />
  );
}
