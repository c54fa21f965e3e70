import { Button, Card, Grid, Group, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import type { components } from '@/api/schema';
import { Field } from '@/components/field';
import { FormErrors } from '@/components/form-errors';
import { FormModal } from '@/components/form-modal';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useUpdatePerson } from '../api/update-person';
import { PersonForm } from './person-form';

type Person = components['schemas']['PersonView'];

/** A person's own data: birth date, sex, address, eldership, phone; those who record people change it in a dialog. */
export function PersonDataCard({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const update = useUpdatePerson(person.id);
  const [editing, setEditing] = useState(false);
  const [dirty, setDirty] = useState(false);
  const conflict = update.error instanceof ApiProblem && update.error.code === 'version_conflict';
  const close = () => {
    setEditing(false);
    setDirty(false);
    update.reset();
  };
  return (
    <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="data">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="data">
          {t('file.data')}
        </Title>
        {can(me.data, 'write_persons') ? (
          <Button size="xs" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
            {t('file.edit_person')}
          </Button>
        ) : null}
      </Group>
      <Grid>
        <Grid.Col span={6}><Field label={t('persons.birth_date')} value={formatDate(person.birth_date, i18n.language)} /></Grid.Col>
        <Grid.Col span={6}><Field label={t('persons.sex')} value={person.sex ? t(`persons.${person.sex}`) : null} /></Grid.Col>
        <Grid.Col span={12}><Field label={t('persons.address')} value={person.declared_address} /></Grid.Col>
        <Grid.Col span={6}><Field label={t('persons.eldership')} value={person.eldership?.name} /></Grid.Col>
        <Grid.Col span={6}><Field label={t('persons.phone')} value={person.phone} /></Grid.Col>
        <Grid.Col span={6}><Field label={t('persons.email')} value={person.email} /></Grid.Col>
      </Grid>
      <FormModal opened={editing} onClose={close} title={t('file.edit_person')} size="lg" dirty={dirty}>
        {(requestClose) => (
          <>
            <FormErrors error={conflict ? update.error : null} fields={[]} onReload={close} />
            <PersonForm
              person={person}
              submitting={update.isPending}
              error={conflict ? null : update.error}
              onDirtyChange={setDirty}
              onCancel={requestClose}
              onSubmit={(values) =>
                update.mutate(
                  { ...values, version: person.version },
                  {
                    onSuccess: () => {
                      notifications.show({ color: 'green', message: t('common.saved') });
                      close();
                    },
                  },
                )
              }
            />
          </>
        )}
      </FormModal>
    </Card>
  );
}
