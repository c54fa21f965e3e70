import { ActionIcon, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Which rule of RULES.md a figure or a check comes from, for whoever asks
 * "why": an info icon with the rule's id in a tooltip (and its accessible
 * name), not the id as text in the staff's way.
 */
export function RuleRef({ rule }: { rule: string }) {
  const { t } = useTranslation();
  const label = t('common.rule', { rule });
  return (
    <Tooltip label={label} withArrow openDelay={100} events={{ hover: true, focus: true, touch: true }}>
      <ActionIcon component="span" role="img" tabIndex={0} variant="transparent" color="gray.7" size="xs" aria-label={label} data-rule={rule}>
        <IconInfoCircle size={14} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
