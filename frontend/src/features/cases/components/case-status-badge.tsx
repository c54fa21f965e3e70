import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

type CaseStatus = components['schemas']['CaseStatus'];

const COLORS: Record<CaseStatus, string> = { awaiting_assignment: 'orange', open: 'blue', closed: 'gray' };

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-status={status}>
      {t(`cases.status.${status}`)}
    </Badge>
  );
}
