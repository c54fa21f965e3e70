import { ActionIcon, Alert, Anchor, Badge, Button, Card, Center, Group, Loader, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconDots, IconHistory } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '@/components/export-menu';
import { QueryError } from '@/components/query-error';
import { errorMessage } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/me';
import { purposeFor } from '@/lib/purpose';
import { can } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import { type BoardEntry, type QueueBoard, useQueueBoard } from '../api/get-queue-board';
import type { PlaceKind } from '../api/list-facilities';
import { useResumeQueueEntry } from '../api/resume-queue-entry';
import { OfferActions, OfferFirstButton, StayActions } from './board-actions';
import { LeaveDialog } from './leave-dialog';
import { PositionHistoryDialog } from './position-history-dialog';

interface Props {
  facilityId: string;
  placeKind: PlaceKind;
}

/** `/places/:facilityId/:placeKind`: who waits, the offers holding places, the stays; and what the division does with them. */
export function QueueBoardPage({ facilityId, placeKind }: Props) {
  const { t } = useTranslation();
  const board = useQueueBoard(facilityId, placeKind);
  usePageTitle(board.data ? t('places.board.title', { facility: board.data.facility_name, kind: t(`places.kind.${placeKind}`) }) : t('places.title'));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/places" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('places.board.back')}
        </Group>
      </Anchor>
      {board.isPending ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : board.isError ? (
        <QueryError error={board.error} />
      ) : (
        <Board board={board.data} />
      )}
    </Stack>
  );
}

function Board({ board }: { board: QueueBoard }) {
  const { t } = useTranslation();
  const me = useMe();
  const { place } = board;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {board.facility_name}
          </Title>
          <Text c="dimmed">{t(`places.kind.${board.place_kind}`)}</Text>
        </div>
        <Group gap="xs" data-testid="place-numbers">
          <Badge variant="light" color="gray" size="lg">{`${t('places.capacity')}: ${place.capacity}`}</Badge>
          <Badge variant="light" color="blue" size="lg">{`${t('places.occupied')}: ${place.occupied}`}</Badge>
          <Badge variant="light" color="orange" size="lg">{`${t('places.offered')}: ${place.offered}`}</Badge>
          <Badge variant="light" color={place.free > 0 ? 'green' : 'gray'} size="lg" data-testid="free-places">
            {`${t('places.free')}: ${place.free}`}
          </Badge>
          <Badge variant="light" color="grape" size="lg">{`${t('places.waiting')}: ${place.waiting}`}</Badge>
        </Group>
      </Group>
      <Group>
        <OfferFirstButton board={board} />
        <ExportMenu
          path={`/api/v1/facilities/${board.facility_id}/queue/export`}
          params={{ place_kind: board.place_kind }}
          fileStem="eile"
          purpose={purposeFor(me.data?.roles)}
        />
      </Group>
      <OffersCard board={board} />
      <WaitingCard board={board} />
      <StaysCard board={board} />
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function WaitingCard({ board }: { board: QueueBoard }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const manage = can(me.data, 'manage_places');
  const resume = useResumeQueueEntry();
  const [history, setHistory] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<BoardEntry | null>(null);
  const onResume = (entry: BoardEntry) =>
    resume.mutate(
      { id: entry.id, version: entry.version },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('places.board.resumed', { name: entry.person_name }) }),
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );
  return (
    <Section id="queue-waiting" title={t('places.board.queue')}>
      {board.entries.length === 0 ? (
        <Text c="dimmed">{t('places.board.empty_queue')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table data-testid="queue-entries" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('places.board.position')}</Table.Th>
                <Table.Th>{t('places.board.name')}</Table.Th>
                <Table.Th>{t('places.board.since')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('places.board.days')}</Table.Th>
                <Table.Th>{t('places.board.hold')}</Table.Th>
                <Table.Th>{t('places.board.expected_wait')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('places.board.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {board.entries.map((entry) => (
                <Table.Tr key={entry.id} data-testid={`entry-${entry.position ?? 0}`} data-person={entry.person_name}>
                  <Table.Td fw={700}>{entry.position}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {entry.person_name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('places.board.decided_on', { date: formatDate(entry.decided_on, i18n.language) })}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(entry.joined_at.slice(0, 10), i18n.language)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{entry.days_waited}</Table.Td>
                  <Table.Td>
                    {entry.hold ? (
                      <Badge color="yellow" variant="light">
                        {t(`places.hold_reason.${entry.hold.reason}`, { defaultValue: entry.hold.reason })}
                        {entry.hold.until ? ` ${t('places.board.hold_until', { date: formatDate(entry.hold.until, i18n.language) })}` : ''}
                      </Badge>
                    ) : entry.offer ? (
                      <Badge color="orange" variant="light">
                        {t(`places.offer_status.${entry.offer.status}`, { defaultValue: entry.offer.status })}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {entry.expected_wait.expected_days === null || entry.expected_wait.expected_days === undefined
                      ? t('places.board.wait_unknown')
                      : t('places.board.wait_days', { count: entry.expected_wait.expected_days })}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconHistory size={14} aria-hidden />}
                        onClick={() => setHistory(entry.id)}
                        aria-label={t('places.board.history_of', { name: entry.person_name })}
                      >
                        {t('places.history.open')}
                      </Button>
                      {manage ? (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" aria-label={t('places.board.more_of', { name: entry.person_name })}>
                              <IconDots size={16} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {entry.hold ? <Menu.Item onClick={() => onResume(entry)}>{t('places.board.resume')}</Menu.Item> : null}
                            <Menu.Item color="red" onClick={() => setLeaving(entry)}>
                              {t('places.board.leave')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="sm" data-testid="estimate-basis">
        {t('places.board.estimate_basis', { count: board.estimate_basis.admissions_last_12_months })}
      </Text>
      <PositionHistoryDialog entryId={history} onClose={() => setHistory(null)} />
      <LeaveDialog entry={leaving} onClose={() => setLeaving(null)} />
    </Section>
  );
}

function OffersCard({ board }: { board: QueueBoard }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="queue-offers" title={t('places.board.offers')}>
      {board.offers.length === 0 ? (
        <Text c="dimmed">{t('places.board.no_offers')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table data-testid="queue-offers" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('places.board.name')}</Table.Th>
                <Table.Th>{t('places.board.offered_on')}</Table.Th>
                <Table.Th>{t('places.board.reply_by')}</Table.Th>
                <Table.Th>{t('places.board.offer_status')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('places.board.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {board.offers.map((offer) => (
                <Table.Tr key={offer.id} data-testid="offer-row" data-person={offer.person_name}>
                  <Table.Td fw={500}>{offer.person_name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(offer.offered_on, i18n.language)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Group gap={6} wrap="nowrap">
                      {formatDate(offer.reply_by, i18n.language)}
                      {offer.reply_overdue ? (
                        <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                          {t('places.board.overdue')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={offer.status === 'accepted' ? 'green' : 'orange'}>
                      {t(`places.offer_status.${offer.status}`, { defaultValue: offer.status })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <OfferActions offer={offer} board={board} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function StaysCard({ board }: { board: QueueBoard }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="queue-stays" title={t('places.board.stays')}>
      {board.stays.length === 0 ? (
        <Text c="dimmed">{t('places.board.no_stays')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table data-testid="queue-stays" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('places.board.name')}</Table.Th>
                <Table.Th>{t('places.board.started_on')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('places.board.nights')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('places.board.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {board.stays.map((stay) => (
                <Table.Tr key={stay.id} data-testid="stay-row" data-person={stay.person_name}>
                  <Table.Td fw={500}>{stay.person_name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(stay.started_on, i18n.language)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{stay.nights}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <StayActions stay={stay} board={board} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/** Shown when the page's kind of place is not one of the API's. */
export function UnknownPlaceKind() {
  const { t } = useTranslation();
  return <Alert color="orange">{t('common.not_found')}</Alert>;
}
