import { Button, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useAudit, type AuditFilter } from '../api/list-audit';

const EMPTY: AuditFilter = { entity: '', actor: '', action: '', from: null, to: null };

/** Converts a picked day to the start of that day (local time) in RFC 3339. */
function dayStart(value: string | null, plusDays = 0): string | null {
  return value ? dayjs(value).startOf('day').add(plusDays, 'day').toISOString() : null;
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState({ entity: '', actor: '', action: '', from: null as string | null, to: null as string | null });
  const [filter, setFilter] = useState<AuditFilter>(EMPTY);
  const audit = useAudit(filter);
  const records = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'lt-LT', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });

  return (
    <Stack maw={1400}>
      <Title order={2}>{t('audit.title')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({
            entity: draft.entity.trim(),
            actor: draft.actor.trim(),
            action: draft.action.trim(),
            from: dayStart(draft.from),
            to: dayStart(draft.to, 1),
          });
        }}
      >
        <Group align="flex-end">
          <TextInput label={t('audit.entity')} value={draft.entity} onChange={(e) => setDraft({ ...draft, entity: e.currentTarget.value })} w={160} />
          <TextInput label={t('audit.actor')} value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })} w={180} />
          <TextInput label={t('audit.action')} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })} w={200} />
          <DateInput label={t('audit.from')} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} clearable valueFormat="YYYY-MM-DD" w={150} />
          <DateInput label={t('audit.to')} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} clearable valueFormat="YYYY-MM-DD" w={150} />
          <Button type="submit">{t('audit.filter')}</Button>
        </Group>
      </form>
      {audit.isError ? <QueryError error={audit.error} /> : null}
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="xs" aria-busy={audit.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.entity')}</Table.Th>
              <Table.Th>{t('audit.summary')}</Table.Th>
              <Table.Th>{t('audit.request')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.format(new Date(r.at))}</Table.Td>
                <Table.Td>
                  {r.actor_name}
                  <Text size="xs" c="dimmed">
                    {r.actor_kind}
                    {r.client_addr ? ` · ${r.client_addr}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code>{r.action}</Code>
                </Table.Td>
                <Table.Td>
                  {r.entity}
                  {r.entity_id ? (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {r.entity_id}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Code block fz="xs" maw={380} style={{ whiteSpace: 'pre-wrap' }}>
                    {JSON.stringify(r.summary)}
                  </Code>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" c="dimmed">
                    {r.request_id ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {audit.isSuccess && records.length === 0 ? <Text c="dimmed">{t('audit.empty')}</Text> : null}
      {audit.hasNextPage ? (
        <Group>
          <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            {t('audit.load_more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
