import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { QueryError } from '@/components/query-error';
import { formatDate, formatMoney } from '@/lib/format';
import { usePersonCharges } from '../api/person-charges';
import { formatMonth, formatQuantity } from './months';

/**
 * A person's file: what they received and what they pay for it, month by
 * month — the lines of each month's standing charges run, newest first.
 */
export function PersonChargesCard({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const charges = usePersonCharges(personId);
  // Those who may not read case content do not see the card at all.
  if (charges.error instanceof ApiProblem && charges.error.status === 403) return null;
  if (charges.isError) return <QueryError error={charges.error} />;
  const months = charges.data ?? [];
  const lang = i18n.language;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-charges" data-testid="person-charges">
      <Title order={2} size="h4" id="person-charges" mb="sm">
        {t('charges.person_title')}
      </Title>
      {charges.data && months.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('charges.person_none')}
        </Text>
      ) : (
        <Stack gap="md">
          {months.map((month) => (
            <div key={month.run_id}>
              <Group justify="space-between" mb={4}>
                <Text fw={600}>{formatMonth(month.month, lang)}</Text>
                <Text fw={600}>{t('charges.person_month_total', { amount: formatMoney(month.total, lang) })}</Text>
              </Group>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('charges.service')}</Table.Th>
                    <Table.Th>{t('charges.period')}</Table.Th>
                    <Table.Th ta="right">{t('charges.quantity')}</Table.Th>
                    <Table.Th ta="right">{t('charges.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {month.lines.map((line) => (
                    <Table.Tr key={line.id}>
                      <Table.Td>{t(`charges.sources.${line.source}`)}</Table.Td>
                      <Table.Td>
                        {formatDate(line.period_from, lang)} – {formatDate(line.period_to, lang)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {formatQuantity(line.quantity, lang)} {t(`charges.units.${line.unit}`)}
                      </Table.Td>
                      <Table.Td ta="right">{formatMoney(line.amount, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
