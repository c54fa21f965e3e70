import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { useIntakePerson } from '../api/get-intake-person';
import { usePersonChoices } from '../api/person-choices';

interface Props {
  /** The chosen person, if any. */
  personId: string | null;
  onChange: (personId: string | null) => void;
}

/** Choosing the person an application is received for: search, pick, or change the pick. */
export function PersonPicker({ personId, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const person = useIntakePerson(personId);
  const choices = usePersonChoices(debouncedQ);

  if (person.data) {
    return (
      <Card withBorder>
        <Group justify="space-between">
          <div>
            <Text size="xs" c="dimmed">
              {t('intake.chosen')}
            </Text>
            <Text fw={600} data-testid="chosen-person">
              {person.data.first_name} {person.data.last_name}
            </Text>
            <Text size="sm" c="dimmed">
              {person.data.personal_code ?? ''} {person.data.declared_address ?? ''}
            </Text>
          </div>
          <Button variant="default" onClick={() => onChange(null)}>
            {t('intake.change')}
          </Button>
        </Group>
      </Card>
    );
  }
  return (
    <>
      <TextInput
        label={t('intake.pick_person')}
        description={t('persons.search_hint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        autoFocus
      />
      <Stack gap={4}>
        {(choices.data ?? []).map((p) => (
          <Group key={p.id} justify="space-between">
            <Text>
              {p.last_name}, {p.first_name}{' '}
              <Text span c="dimmed" size="sm">
                {p.personal_code ?? ''} {formatDate(p.birth_date, i18n.language)}
              </Text>
            </Text>
            <Button size="xs" variant="light" onClick={() => onChange(p.id)}>
              {t('intake.next')}
            </Button>
          </Group>
        ))}
      </Stack>
    </>
  );
}
