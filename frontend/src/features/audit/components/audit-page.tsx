import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { QueryError } from '@/components/query-error';
import { usePageTitle } from '@/lib/use-page-title';
import { EMPTY_AUDIT_FILTER, useAudit, type AuditFilter } from '../api/list-audit';

type AuditRecord = components['schemas']['AuditRecord'];

interface Draft {
  entity: string | null;
  entityId: string;
  actor: string;
  action: string | null;
  from: string | null;
  to: string | null;
}

const EMPTY_DRAFT: Draft = { entity: null, entityId: '', actor: '', action: null, from: null, to: null };

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

export function AuditPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('audit.title'));
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const audit = useAudit(filter);
  const records = audit.data?.pages.flatMap((p) => p.items) ?? [];

  const actions = flatten(t('audit.actions', { returnObjects: true }));
  const entities = flatten(t('audit.entities', { returnObjects: true }));
  const label = (pairs: Array<[string, string]>, code: string) => pairs.find(([c]) => c === code)?.[1] ?? code;
  const dateTime = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'lt-LT', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });

  function apply(next: Draft) {
    setDraft(next);
    setFilter({
      entity: next.entity ?? '',
      entityId: next.entityId.trim(),
      actor: next.actor.trim(),
      action: next.action ?? '',
      from: dayStart(next.from),
      to: dayStart(next.to, 1),
    });
  }

  function historyOf(record: AuditRecord) {
    if (record.entity_id) apply({ ...EMPTY_DRAFT, entity: record.entity, entityId: record.entity_id });
  }

  const filtered = JSON.stringify(filter) !== JSON.stringify(EMPTY_AUDIT_FILTER);

  return (
    <Stack gap="lg" maw={1400}>
      <div>
        <Title order={2} fz={26} fw={600}>
          {t('audit.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('audit.subtitle')}
        </Text>
      </div>

      <Paper withBorder radius="md" p="md">
        <form
          aria-label={t('audit.filters')}
          onSubmit={(e) => {
            e.preventDefault();
            apply(draft);
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
            <Select
              label={t('audit.entity')}
              placeholder={t('audit.any')}
              clearable
              searchable
              nothingFoundMessage={t('common.nothing_found')}
              data={entities.map(([value, text]) => ({ value, label: text }))}
              value={draft.entity}
              onChange={(entity) => setDraft({ ...draft, entity })}
            />
            <TextInput
              label={t('audit.entity_id')}
              value={draft.entityId}
              onChange={(e) => setDraft({ ...draft, entityId: e.currentTarget.value })}
              spellCheck={false}
            />
            <TextInput
              label={t('audit.actor')}
              placeholder={t('audit.actor_hint')}
              value={draft.actor}
              onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
              autoCapitalize="none"
              spellCheck={false}
            />
            <Select
              label={t('audit.action')}
              placeholder={t('audit.any')}
              clearable
              searchable
              nothingFoundMessage={t('common.nothing_found')}
              data={actions.map(([value, text]) => ({ value, label: text }))}
              value={draft.action}
              onChange={(action) => setDraft({ ...draft, action })}
            />
            <DateInput
              label={t('audit.from')}
              value={draft.from}
              onChange={(from) => setDraft({ ...draft, from })}
              clearable
              valueFormat="YYYY-MM-DD"
              placeholder={t('common.date_placeholder')}
              maxDate={draft.to ?? undefined}
            />
            <DateInput
              label={t('audit.to')}
              value={draft.to}
              onChange={(to) => setDraft({ ...draft, to })}
              clearable
              valueFormat="YYYY-MM-DD"
              placeholder={t('common.date_placeholder')}
              minDate={draft.from ?? undefined}
            />
          </SimpleGrid>
          <Group mt="md" gap="sm">
            <Button type="submit">{t('audit.filter')}</Button>
            {filtered ? (
              <Button variant="subtle" color="gray" onClick={() => apply(EMPTY_DRAFT)}>
                {t('common.clear_filters')}
              </Button>
            ) : null}
          </Group>
        </form>
      </Paper>

      {audit.isError ? <QueryError error={audit.error} /> : null}

      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={980}>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('audit.title')} aria-busy={audit.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t('audit.at')}</Table.Th>
                <Table.Th w={180}>{t('audit.actor')}</Table.Th>
                <Table.Th w={210}>{t('audit.action')}</Table.Th>
                <Table.Th w={200}>{t('audit.entity')}</Table.Th>
                <Table.Th>{t('audit.summary')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((r) => (
                <Table.Tr key={r.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {dateTime.format(new Date(r.at))}
                    </Text>
                    {r.request_id ? (
                      <Text size="xs" c="dimmed" ff="monospace" truncate="end" maw={150} title={r.request_id}>
                        <span className="visually-hidden">{t('audit.request')}: </span>
                        {r.request_id}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} className="break-anywhere">
                      {r.actor_name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[t(`audit.actor_kinds.${r.actor_kind}`, { defaultValue: r.actor_kind }), r.client_addr]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{label(actions, r.action)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {r.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
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
                  </Table.Td>
                  <Table.Td>
                    <dl className="audit-summary">
                      {summaryLines(r.summary).map(([key, value]) => (
                        <div key={key}>
                          {key ? <dt>{key}</dt> : null}
                          <dd className="break-anywhere">{value}</dd>
                        </div>
                      ))}
                    </dl>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {audit.isSuccess && records.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('audit.empty')}
          </Text>
        ) : null}
      </Paper>

      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {audit.isSuccess ? t('audit.shown', { count: records.length }) : null}
        </Text>
        {audit.hasNextPage ? (
          <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            {t('audit.load_more')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
