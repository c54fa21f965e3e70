import { Alert, Badge, Button, Center, Group, Loader, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/components/form-modal';
import { QueryError } from '@/components/query-error';
import { RuleRef } from '@/components/rule-ref';
import { errorMessage } from '@/lib/errors';
import { formatDate, todayInLithuania } from '@/lib/format';
import { useCreateProcedureParameters } from '../api/create-procedure-parameters';
import { useDeleteProcedureParameters } from '../api/delete-procedure-parameters';
import { type ParameterSet, useProcedureParameters } from '../api/procedure-parameters';
import { PARAMETER_FIELDS, type ParameterStatus, parameterStatus, sameParameters } from '../procedure-parameters';
import { ProcedureParametersForm } from './procedure-parameters-form';

const STATUS_COLOR: Record<ParameterStatus, string> = { in_force: 'green', planned: 'blue', past: 'gray' };

/**
 * "Atvejo vadybos terminai": the municipality's case-management terms
 * (R-CMP-1, -2, -4) in force, every set by date, new ones planned from a
 * date and planned ones withdrawn. A case keeps the terms of the day it was opened.
 */
export function ProcedureParametersPanel() {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  const parameters = useProcedureParameters();
  const create = useCreateProcedureParameters();
  const remove = useDeleteProcedureParameters();
  const [adding, setAdding] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ParameterSet | null>(null);
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);
  const today = todayInLithuania();
  const data = parameters.data;
  const inForceSet = data?.items.find((s) => s.in_force) ?? null;

  function closeAdd() {
    setAdding(false);
    setDirty(false);
    create.reset();
  }

  function withdraw(set: ParameterSet) {
    remove.mutate(set.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('catalogue.params.withdrawn') }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      onSettled: () => setWithdrawing(null),
    });
  }

  return (
    <Stack gap="md" component="section" aria-labelledby="procedure-parameters-title" data-testid="procedure-parameters">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3} fz={18} fw={600} id="procedure-parameters-title">
            {t('catalogue.params.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('catalogue.params.intro')}
          </Text>
        </div>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setAdding(true)}
          disabled={!data}
          style={{ flexShrink: 0 }}
        >
          {t('catalogue.params.new')}
        </Button>
      </Group>
      {parameters.isError ? <QueryError error={parameters.error} /> : null}
      {parameters.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {data ? (
        <>
          <Paper withBorder radius="md" p="md" data-testid="procedure-parameters-in-force">
            <Group gap="xs" mb="sm">
              <Text fw={600}>{t('catalogue.params.in_force')}</Text>
              {inForceSet ? (
                <Text size="sm" c="dimmed">
                  {t('catalogue.in_force_since', { date: date(inForceSet.valid_from) })}
                </Text>
              ) : (
                <Badge size="sm" variant="light" color="gray" tt="none">
                  {t('catalogue.params.defaults')}
                </Badge>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              {PARAMETER_FIELDS.map(({ field, rule }) => (
                <div key={field} data-testid={`in-force-${field}`}>
                  <Group gap={4} wrap="nowrap" align="flex-start">
                    <Text size="sm" c="dimmed">
                      {t(`catalogue.params.fields.${field}`)}
                    </Text>
                    <RuleRef rule={rule} />
                  </Group>
                  <Text fz={22} fw={600}>
                    {data.in_force[field]}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
            {inForceSet && !sameParameters(inForceSet, data.defaults) ? (
              <Text size="xs" c="dimmed" mt="sm">
                {t('catalogue.params.defaults_are', {
                  assignment: data.defaults.assignment_working_days,
                  meeting: data.defaults.first_meeting_working_days,
                  review: data.defaults.review_interval_months,
                })}
              </Text>
            ) : null}
          </Paper>

          {data.items.length > 0 ? (
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="sm" horizontalSpacing="md" fz="sm" aria-label={t('catalogue.params.sets')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('catalogue.valid_from')}</Table.Th>
                      {PARAMETER_FIELDS.map(({ field }) => (
                        <Table.Th key={field} ta="right">
                          {t(`catalogue.params.short.${field}`)}
                        </Table.Th>
                      ))}
                      <Table.Th>{t('catalogue.status')}</Table.Th>
                      <Table.Th>
                        <span className="visually-hidden">{t('users.actions')}</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((set) => {
                      const status = parameterStatus(set, today);
                      return (
                        <Table.Tr key={set.id} data-testid={`parameters-${set.valid_from}`}>
                          <Table.Td>{date(set.valid_from)}</Table.Td>
                          {PARAMETER_FIELDS.map(({ field }) => (
                            <Table.Td key={field} ta="right">
                              {set[field]}
                            </Table.Td>
                          ))}
                          <Table.Td>
                            <Badge size="sm" variant="light" color={STATUS_COLOR[status]} tt="none">
                              {t(`catalogue.rate_status.${status}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td ta="right">
                            {status === 'planned' ? (
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red"
                                leftSection={<IconTrash size={14} aria-hidden />}
                                aria-label={t('catalogue.params.withdraw_label', { date: date(set.valid_from) })}
                                onClick={() => setWithdrawing(set)}
                              >
                                {t('catalogue.params.withdraw_short')}
                              </Button>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          ) : (
            <Text size="sm" c="dimmed">
              {t('catalogue.params.none_set')}
            </Text>
          )}
        </>
      ) : null}

      <FormModal opened={adding} onClose={closeAdd} title={t('catalogue.params.new_title')} dirty={dirty}>
        {(requestClose) =>
          data ? (
            <ProcedureParametersForm
              initial={data.in_force}
              submitting={create.isPending}
              error={create.error}
              onCancel={requestClose}
              onDirtyChange={onDirtyChange}
              onSubmit={(body) =>
                create.mutate(body, {
                  onSuccess: (set) => {
                    notifications.show({ color: 'green', message: t('catalogue.params.added', { date: date(set.valid_from) }) });
                    closeAdd();
                  },
                })
              }
            />
          ) : null
        }
      </FormModal>

      <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title={t('catalogue.params.withdraw_title')}>
        {withdrawing ? (
          <Stack>
            <Alert color="orange" variant="light">
              {t('catalogue.params.withdraw_explained', { date: date(withdrawing.valid_from) })}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setWithdrawing(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => withdraw(withdrawing)}>
                {t('catalogue.params.withdraw')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
