import { Button, Card, Group, Modal, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { formatMoney } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useAddIncome } from '../api/add-income';
import { IncomeForm } from './income-form';

type IncomeRecord = components['schemas']['IncomeRecordView'];

/** A person's monthly income by source; those who record people add a month in a dialog. */
export function IncomeCard({ personId, income }: { personId: string; income: readonly IncomeRecord[] }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const add = useAddIncome(personId);
  const [adding, setAdding] = useState(false);
  const canWrite = can(me.data, 'write_persons');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="income">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="income">
          {t('file.income')}
        </Title>
        {canWrite ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('file.add_income')}
          </Button>
        ) : null}
      </Group>
      {income.length === 0 ? <Text c="dimmed">{t('file.none')}</Text> : null}
      {income.length > 0 ? (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('file.month')}</Table.Th>
              <Table.Th>{t('file.source')}</Table.Th>
              <Table.Th ta="right">{t('file.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {income.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{`${r.year}-${String(r.month).padStart(2, '0')}`}</Table.Td>
                <Table.Td>{t(`income_source.${r.source}`)}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.amount, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('file.add_income')}>
        {adding ? (
          <IncomeForm
            submitting={add.isPending}
            error={add.error}
            onCancel={() => {
              setAdding(false);
              add.reset();
            }}
            onSubmit={(v) =>
              add.mutate(v, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('common.saved') });
                  setAdding(false);
                },
              })
            }
          />
        ) : null}
      </Modal>
    </Card>
  );
}
