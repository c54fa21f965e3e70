import { Accordion, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '@/lib/format';
import type { FeeBreakdown } from '../api/quote-fee';
import { breakdownLines, breakdownRules, formatNumber } from './breakdown';

/**
 * A fee worked out line by line in plain words; the rules and the rate
 * values used (with the dates they are in force from) under "Why?".
 */
export function FeeBreakdownCard({ breakdown }: { breakdown: FeeBreakdown }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const lines = breakdownLines(breakdown, lang);
  const rules = breakdownRules(breakdown, lines);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="fee-result" data-testid="fee-breakdown">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3} size="h4" id="fee-result">
            {t('fees.result_title', { date: formatDate(breakdown.reference_date, lang) })}
          </Title>
          <Badge size="xl" variant="light" color={Number(breakdown.fee) > 0 ? 'blue' : 'green'} data-testid="fee-amount">
            {t('fees.per_month', { amount: formatMoney(breakdown.fee, lang) })}
          </Badge>
        </Group>
        <List spacing={4} size="sm" data-testid="fee-lines">
          {lines.map((line, i) => (
            <List.Item key={`${line.key}-${i}`}>{t(`fees.lines.${line.key}`, line.values)}</List.Item>
          ))}
        </List>
        <Accordion variant="contained">
          <Accordion.Item value="why">
            <Accordion.Control>{t('fees.why')}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Text size="sm">{t('fees.why_rules', { rules: rules.join(', ') })}</Text>
                {breakdown.rates_used.length > 0 ? (
                  <List size="sm" spacing={2} data-testid="fee-rates">
                    {breakdown.rates_used.map((rate) => (
                      <List.Item key={`${rate.kind}-${rate.effective_from}`}>
                        {t('fees.rate_used', {
                          kind: t(`catalogue.rate_kinds.${rate.kind}`),
                          value: formatNumber(rate.value, lang),
                          date: formatDate(rate.effective_from, lang),
                        })}
                      </List.Item>
                    ))}
                  </List>
                ) : null}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Paper>
  );
}
