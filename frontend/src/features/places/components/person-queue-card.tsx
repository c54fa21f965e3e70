import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { usePersonQueueEntries } from '../api/get-person-queue-entries';
import { PositionHistoryDialog } from './position-history-dialog';

/**
 * A person's file: their places in queues (R-Q-1..3) — where they wait and
 * since when, an offer held for them, and the entries that ended — each
 * with its position history. Shown to those who read places.
 */
export function PersonQueueCard({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const entries = usePersonQueueEntries(personId);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  if (!can(me.data, 'read_places')) return null;
  if (entries.isError) return <QueryError error={entries.error} />;
  const list = entries.data?.entries ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-queues">
      <Title order={2} size="h4" id="person-queues" mb="sm">
        {t('places.person.title')}
      </Title>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('places.person.none')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('places.facility')}</Table.Th>
              <Table.Th>{t('places.board.position')}</Table.Th>
              <Table.Th>{t('places.board.since')}</Table.Th>
              <Table.Th>{t('places.board.offer_status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/places/${entry.facility_id}/${entry.place_kind}`}>
                      {entry.facility_name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`places.kind.${entry.place_kind}`)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {entry.position ? (
                      <Badge variant="light">{t('places.board.position_now', { position: entry.position })}</Badge>
                    ) : (
                      <Badge variant="default">{t(`places.entry_status.${entry.status}`)}</Badge>
                    )}
                    <Anchor component="button" type="button" size="sm" onClick={() => setHistoryOf(entry.id)}>
                      {t('places.person.history')}
                    </Anchor>
                  </Group>
                </Table.Td>
                <Table.Td>{formatDate(entry.joined_at, i18n.language)}</Table.Td>
                <Table.Td>
                  {entry.offer ? t(`places.offer_status.${entry.offer.status}`, { defaultValue: entry.offer.status }) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PositionHistoryDialog entryId={historyOf} onClose={() => setHistoryOf(null)} />
    </Card>
  );
}
