import { Badge, Center, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { useQueueEntry } from '../api/get-queue-entry';
import { causeLabel, movedUp, moveLabel } from './position-history';

interface Props {
  /** The entry whose history to show; `null` closes the dialog. */
  entryId: string | null;
  onClose: () => void;
}

/** A queue entry's position history: every move, when, and why (R-Q-3, R-Q-4). */
export function PositionHistoryDialog({ entryId, onClose }: Props) {
  const { t } = useTranslation();
  const entry = useQueueEntry(entryId);
  return (
    <Modal opened={entryId !== null} onClose={onClose} size="lg" title={t('places.history.title')}>
      {entry.isPending ? (
        <Center p="md">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : entry.isError ? (
        <QueryError error={entry.error} />
      ) : (
        <HistoryTable entry={entry.data} />
      )}
    </Modal>
  );
}

function HistoryTable({ entry }: { entry: NonNullable<ReturnType<typeof useQueueEntry>['data']> }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text fw={600}>{entry.person_name}</Text>
        {entry.position ? (
          <Badge variant="light">{t('places.board.position_now', { position: entry.position })}</Badge>
        ) : (
          <Badge variant="light" color="gray">
            {t(`places.entry_status.${entry.status}`)}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('places.history.order', {
          decided: formatDate(entry.decided_on, i18n.language),
          applied: formatDate(entry.applied_on, i18n.language),
        })}
      </Text>
      <Table data-testid="position-history" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('places.history.date')}</Table.Th>
            <Table.Th>{t('places.history.move')}</Table.Th>
            <Table.Th>{t('places.history.cause')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entry.history.map((event, i) => (
            <Table.Tr key={i} data-cause={event.cause}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(event.on_date, i18n.language)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} c={movedUp(event) ? 'green.9' : undefined} fw={500}>
                {moveLabel(event)}
              </Table.Td>
              <Table.Td>{causeLabel(t, event)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
