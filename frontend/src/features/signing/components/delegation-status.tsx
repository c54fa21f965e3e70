import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

type Status = components['schemas']['DelegationStatus'];

const COLOURS: Record<Status, string> = {
  in_force: 'green',
  scheduled: 'blue',
  expired: 'gray',
  revoked: 'red',
};

/** Where a delegation stands today: galioja, suplanuotas, pasibaigęs, atšauktas. */
export function DelegationStatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="light">
      {t(`signing.status.${status}`)}
    </Badge>
  );
}
