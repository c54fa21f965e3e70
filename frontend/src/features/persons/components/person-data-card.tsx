import { Card, Grid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { Field } from '@/components/field';
import { formatDate } from '@/lib/format';

type Person = components['schemas']['PersonView'];

/** A person's own data: birth date, sex, address, eldership, phone. */
export function PersonDataCard({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="data">
      <Title order={3} size="h4" id="data" mb="sm">
        {t('file.data')}
      </Title>
      <Grid>
        <Grid.Col span={6}><Field label={t('persons.birth_date')} value={formatDate(person.birth_date, i18n.language)} /></Grid.Col>
        <Grid.Col span={6}><Field label={t('persons.sex')} value={person.sex ? t(`persons.${person.sex}`) : null} /></Grid.Col>
        <Grid.Col span={12}><Field label={t('persons.address')} value={person.declared_address} /></Grid.Col>
        <Grid.Col span={6}><Field label={t('persons.eldership')} value={person.eldership?.name} /></Grid.Col>
        <Grid.Col span={6}><Field label={t('persons.phone')} value={person.phone} /></Grid.Col>
      </Grid>
    </Card>
  );
}
