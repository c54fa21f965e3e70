import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

type Person = components['schemas']['PersonView'];

/** The top of a person's file: their name and personal code, and the page's actions. */
export function PersonFileHeader({ person, actions }: { person: Person; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Text size="sm" c="dimmed">
          {t('file.title')}
        </Text>
        <Title order={2}>
          {person.first_name} {person.last_name}
        </Title>
        <Text c="dimmed" ff="monospace">
          {person.personal_code ?? ''}
        </Text>
      </div>
      {actions}
    </Group>
  );
}
