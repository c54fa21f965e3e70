import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { daysUntil, formatDate, urgency } from '@/lib/format';

const COLORS = { overdue: 'red', soon: 'orange', ok: 'green', none: 'gray' } as const;

/** A decision due date, coloured by urgency: overdue red, 3 days or less orange. */
export function DueDate({ due, overdue, decided }: { due: string | null | undefined; overdue: boolean; decided?: boolean }) {
  const { t, i18n } = useTranslation();
  const level = urgency(due, overdue);
  if (!due) {
    return (
      <Text size="sm" c="dimmed">
        {t('application.no_due')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" data-urgency={level}>
      <Badge
        style={{ whiteSpace: 'nowrap' }}
        color={COLORS[level]}
        variant={level === 'overdue' ? 'filled' : 'light'}
        leftSection={level === 'overdue' ? <IconAlertTriangle size={12} aria-hidden /> : <IconClock size={12} aria-hidden />}
      >
        {formatDate(due, i18n.language)}
      </Badge>
      {decided ? null : (
        <Text size="xs" c={level === 'overdue' ? 'red.9' : 'dimmed'} fw={level === 'overdue' ? 600 : 400}>
          {level === 'overdue' ? t('application.overdue') : t('application.days_left', { count: Math.max(daysUntil(due), 0) })}
        </Text>
      )}
    </Group>
  );
}
