import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

type Membership = components['schemas']['MembershipView'];

/** The families a person belongs to, with their relation in each. */
export function PersonFamilies({ families }: { families: readonly Membership[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={3} size="h5" mt="md" mb={4}>
        {t('file.families')}
      </Title>
      {families.length === 0 ? <Text size="sm" c="dimmed">{t('file.no_families')}</Text> : null}
      {families.map((f) => (
        <Text key={f.family_id} size="sm">
          {f.family_name} ({t(`relation.${f.relation}`)})
        </Text>
      ))}
    </>
  );
}
