import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePersonName } from '../api/get-person-name';

/** The name of the person served, once read; said plainly when the reader may not see the person's file. */
export function PersonName({ id, fw }: { id: string; fw?: number }) {
  const { t } = useTranslation();
  const name = usePersonName(id);
  if (name.isError) {
    return (
      <Text size="sm" c="dimmed" span>
        {t('deliveries.person_unavailable')}
      </Text>
    );
  }
  return (
    <Text size="sm" fw={fw} span>
      {name.data ?? '…'}
    </Text>
  );
}
