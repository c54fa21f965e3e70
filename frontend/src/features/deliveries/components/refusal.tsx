import { Alert, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { FormErrors } from '@/components/form-errors';
import { RuleRef } from '@/components/rule-ref';

/** The refusals of deliveries and the rule each names (the "why", not the text). */
export const REFUSAL_RULES: Readonly<Record<string, string>> = {
  respite_schedule_out_of_limits: 'R-LIM-1',
  respite_weekly_hours_exceeded: 'R-LIM-1',
  respite_weekly_visits_exceeded: 'R-LIM-1',
  respite_yearly_hours_exceeded: 'R-LIM-1',
  respite_break_too_short: 'R-LIM-2',
  trip_too_late: 'R-DL-4',
  meal_not_working_day: 'R-LIM-4',
  meal_once_a_day: 'R-LIM-4',
  meal_weekly_limit_exceeded: 'R-LIM-4',
  meal_months_exceeded: 'R-LIM-4',
  coupons_exceed_grant: 'R-LIM-5',
};

/** The rule a refusal names, if the error is one. */
export function refusalRule(error: unknown): string | null {
  return error instanceof ApiProblem ? (REFUSAL_RULES[error.code] ?? null) : null;
}

/**
 * What a delivery form says after a failed submission: a limit's refusal in
 * plain Lithuanian with its rule behind the "why" icon, or else the usual
 * form errors.
 */
export function DeliveryFormErrors({ error, fields }: { error: unknown; fields: readonly string[] }) {
  const { t } = useTranslation();
  const rule = refusalRule(error);
  if (rule && error instanceof ApiProblem) {
    return (
      <Alert color="red" role="alert" data-testid="refusal" data-code={error.code}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text size="sm">{t(`deliveries.refusals.${error.code}`)}</Text>
          <RuleRef rule={rule} />
        </Group>
      </Alert>
    );
  }
  return <FormErrors error={error} fields={fields} />;
}
