import { ActionIcon, Alert, Badge, Button, Center, Group, Loader, Modal, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { errorMessage } from '@/lib/errors';
import { formatDate, formatMoney, todayInLithuania } from '@/lib/format';
import { type Rate, useCreateRate, useDeleteRate, useRates } from '../api/rates';
import { RateForm } from './rate-form';
import { isShare, RATE_KINDS, type RateKind, type RateStatus, rateStatuses, shareToPercent } from '../rates';

const STATUS_COLOR: Record<RateStatus, string> = { in_force: 'green', planned: 'blue', past: 'gray' };

/** A rate's value as people read it: euro, or a percentage for caps. */
function useFormatValue() {
  const { i18n } = useTranslation();
  return (rate: Pick<Rate, 'kind' | 'value'>) => {
    if (!isShare(rate.kind)) return formatMoney(rate.value, i18n.language);
    const percent = Number(shareToPercent(rate.value));
    return `${new Intl.NumberFormat(i18n.language === 'en' ? 'en-IE' : 'lt-LT', { maximumFractionDigits: 2 }).format(percent)} %`;
  };
}

/** The effective-dated rates, a card per kind: the value in force, planned values, and history. */
export function RatesPanel() {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  const rates = useRates();
  const create = useCreateRate();
  const remove = useDeleteRate();
  const [adding, setAdding] = useState<RateKind | null>(null);
  const [withdrawing, setWithdrawing] = useState<Rate | null>(null);
  const format = useFormatValue();
  const statuses = rateStatuses(rates.data ?? [], todayInLithuania());

  function closeAdd() {
    setAdding(null);
    create.reset();
  }

  function withdraw(rate: Rate) {
    remove.mutate(rate.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('catalogue.withdrawn') }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      onSettled: () => setWithdrawing(null),
    });
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('catalogue.rates_intro')}
      </Text>
      {rates.isError ? <QueryError error={rates.error} /> : null}
      {rates.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {(rates.data ? RATE_KINDS : []).map((kind) => {
          const values = (rates.data ?? []).filter((r) => r.kind === kind);
          const inForce = values.find((r) => statuses.get(r.id) === 'in_force');
          return (
            <Paper key={kind} withBorder radius="md" p="md" component="section" aria-labelledby={`rate-${kind}`} data-testid={`rate-${kind}`}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Title order={3} fz={16} fw={600} id={`rate-${kind}`}>
                    {t(`catalogue.rate_kinds.${kind}`)}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {t(`catalogue.rate_hints.${kind}`)}
                  </Text>
                </div>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => setAdding(kind)}
                  aria-label={`${t('catalogue.new_value')}: ${t(`catalogue.rate_kinds.${kind}`)}`}
                  style={{ flexShrink: 0 }}
                >
                  {t('catalogue.new_value')}
                </Button>
              </Group>
              <Text fz={22} fw={600} mt="sm" data-testid={`rate-${kind}-in-force`}>
                {inForce ? format(inForce) : t('catalogue.no_value')}
              </Text>
              {inForce ? (
                <Text size="xs" c="dimmed">
                  {t('catalogue.in_force_since', { date: date(inForce.valid_from) })}
                </Text>
              ) : null}
              {values.length > 0 ? (
                <Table mt="sm" verticalSpacing={6} fz="sm" aria-label={t(`catalogue.rate_kinds.${kind}`)}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('catalogue.valid_from')}</Table.Th>
                      <Table.Th>{t('catalogue.value')}</Table.Th>
                      <Table.Th>{t('catalogue.status')}</Table.Th>
                      <Table.Th>
                        <span className="visually-hidden">{t('users.actions')}</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {values.map((rate) => {
                      const status = statuses.get(rate.id) ?? 'past';
                      return (
                        <Table.Tr key={rate.id}>
                          <Table.Td>{date(rate.valid_from)}</Table.Td>
                          <Table.Td>
                            {format(rate)}
                            {rate.note ? (
                              <Text size="xs" c="dimmed">
                                {rate.note}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            <Badge size="sm" variant="light" color={STATUS_COLOR[status]} tt="none">
                              {t(`catalogue.rate_status.${status}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td ta="right">
                            {status === 'planned' ? (
                              <Tooltip label={t('catalogue.withdraw')}>
                                <ActionIcon
                                  variant="subtle"
                                  color="red"
                                  aria-label={`${t('catalogue.withdraw')}: ${format(rate)}, ${date(rate.valid_from)}`}
                                  onClick={() => setWithdrawing(rate)}
                                >
                                  <IconTrash size={16} aria-hidden />
                                </ActionIcon>
                              </Tooltip>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              ) : null}
            </Paper>
          );
        })}
      </SimpleGrid>

      <Modal
        opened={adding !== null}
        onClose={closeAdd}
        title={adding ? t('catalogue.new_value_title', { kind: t(`catalogue.rate_kinds.${adding}`) }) : ''}
      >
        {adding ? (
          <RateForm
            kind={adding}
            submitting={create.isPending}
            error={create.error}
            onCancel={closeAdd}
            onSubmit={(body) =>
              create.mutate(body, {
                onSuccess: (rate) => {
                  notifications.show({
                    color: 'green',
                    message: t('catalogue.value_added', { value: format(rate), date: date(rate.valid_from) }),
                  });
                  closeAdd();
                },
              })
            }
          />
        ) : null}
      </Modal>

      <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title={t('catalogue.withdraw_title')}>
        {withdrawing ? (
          <Stack>
            <Alert color="orange" variant="light">
              {t('catalogue.withdraw_explained', {
                kind: t(`catalogue.rate_kinds.${withdrawing.kind}`),
                value: format(withdrawing),
                date: date(withdrawing.valid_from),
              })}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setWithdrawing(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => withdraw(withdrawing)}>
                {t('catalogue.withdraw')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
