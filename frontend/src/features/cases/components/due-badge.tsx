import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { formatDate, urgency } from '@/lib/format';

type DueItem = components['schemas']['DueItem'];

const COLORS = { overdue: 'red', soon: 'orange', ok: 'blue', none: 'gray' } as const;

/** What is due in a case and by when: overdue in red. */
export function DueBadge({ item }: { item: DueItem | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!item) {
    return (
      <Text size="sm" c="dimmed">
        {t('cases.nothing_due')}
      </Text>
    );
  }
  const level = urgency(item.due_on, item.overdue);
  return (
    <Group gap={6} wrap="nowrap" data-urgency={level} data-due-kind={item.kind}>
      <Text size="sm" c={level === 'overdue' ? 'red.9' : undefined} fw={level === 'overdue' ? 600 : 400}>
        {t(`cases.due_kind.${item.kind}`)}
      </Text>
      <Badge
        style={{ whiteSpace: 'nowrap' }}
        color={COLORS[level]}
        variant={level === 'overdue' ? 'filled' : 'light'}
        leftSection={level === 'overdue' ? <IconAlertTriangle size={12} aria-hidden /> : <IconClock size={12} aria-hidden />}
      >
        {item.overdue ? t('cases.overdue_since', { date: formatDate(item.due_on, i18n.language) }) : formatDate(item.due_on, i18n.language)}
      </Badge>
    </Group>
  );
}
