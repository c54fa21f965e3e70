import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { RuleRef } from '@/components/rule-ref';
import { formatMoney } from '@/lib/format';

type Fee = components['schemas']['FeeCalculationView'];

/** The fee calculation, line by line (R-FEE-0 … R-FEE-3). */
export function FeeLines({ fee }: { fee: Fee }) {
  const { t, i18n } = useTranslation();
  const m = (v: string) => formatMoney(v, i18n.language);
  const pct = `${(Number(fee.cap_rate) * 100).toLocaleString(i18n.language === 'en' ? 'en' : 'lt')} %`;
  // Label, value, whether it is the result, and the rule it comes from (shown on demand).
  const rows: Array<[string, string, boolean?, string?]> = [
    [t('fee.income_months'), fee.income_months.join(', ')],
    [t('fee.members'), String(fee.members)],
    [t('fee.income_per_member'), m(fee.income_per_member), false, 'R-FEE-0'],
    [t('fee.vrp'), m(fee.vrp)],
    [t('fee.free_limit'), m(fee.free_limit)],
    [t('fee.band'), t(`fee.bands.${fee.band}`), false, 'R-FEE-1'],
    [t('fee.cap_rate'), pct],
    [t('fee.fee_base_income'), m(fee.fee_base_income)],
    [t('fee.cap_amount'), m(fee.cap_amount), false, 'R-FEE-1'],
    [t('fee.hours'), `${fee.hours} × ${m(fee.hourly_price)}`],
    [t('fee.cost'), m(fee.cost)],
    [t('fee.floor_room'), m(fee.floor_room), false, 'R-FEE-2'],
    [t('fee.fee'), m(fee.fee), true, 'R-FEE-3'],
    [t('fee.limited_by'), t(`fee.limits.${fee.limited_by}`)],
  ];
  return (
    <Table verticalSpacing={4} data-testid="fee-lines">
      <Table.Tbody>
        {rows.map(([label, value, strong, rule]) => (
          <Table.Tr key={label}>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Text size="sm" fw={strong ? 700 : 400}>
                  {label}
                </Text>
                {rule ? <RuleRef rule={rule} /> : null}
              </Group>
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm" fw={strong ? 700 : 400} data-line={strong ? 'fee' : undefined}>
                {value}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
