import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

type Status = components['schemas']['ApplicationStatus'];

const COLORS: Record<Status, string> = {
  draft: 'gray',
  submitted: 'blue',
  assessed: 'cyan',
  returned_for_completion: 'orange',
  ready_for_decision: 'violet',
  decision_prepared: 'grape',
  decided: 'green',
  notified: 'indigo',
  withdrawn: 'gray',
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
