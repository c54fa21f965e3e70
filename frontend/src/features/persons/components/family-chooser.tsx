import { ActionIcon, Alert, Button, Card, Group, Loader, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { fieldErrors, unwrap } from '@/api/problem';
import { relationValues, type components } from '@/api/schema';
import { errorMessage } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/me';
import { purposeFor } from '@/lib/purpose';
import { useCreateFamily } from '../api/create-family';
import { useCreatePerson } from '../api/create-person';
import { useMemberChoices } from '../api/family';
import { usePerson } from '../api/get-person';
import { personKeys } from '../keys';
import { PersonForm } from './person-form';

type FamilyView = components['schemas']['FamilyView'];
type Relation = components['schemas']['Relation'];

interface NewMember {
  id: string;
  name: string;
  relation: Relation | null;
}

/**
 * Choosing the family a case (or anything else) is for: find it through one
 * of its members, or record a new family — its members found by name or
 * recorded on the spot. Tells the chosen family with its members.
 */
export function FamilyChooser({ onChosen }: { onChosen: (family: FamilyView) => void }) {
  const { t } = useTranslation();
  return (
    <Tabs defaultValue="existing" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="existing">{t('family.choose_existing')}</Tabs.Tab>
        <Tabs.Tab value="new">{t('family.create')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="existing" pt="md">
        <ExistingFamily onChosen={onChosen} />
      </Tabs.Panel>
      <Tabs.Panel value="new" pt="md">
        <NewFamily onChosen={onChosen} />
      </Tabs.Panel>
    </Tabs>
  );
}

function useFamilyLoader() {
  const queryClient = useQueryClient();
  const me = useMe();
  const purpose = purposeFor(me.data?.roles);
  return (id: string) =>
    queryClient.fetchQuery({
      queryKey: personKeys.family(id),
      queryFn: async () =>
        unwrap(await api.GET('/api/v1/families/{id}', { params: { path: { id }, header: { 'X-Purpose': purpose } } })).family,
    });
}

function ExistingFamily({ onChosen }: { onChosen: (family: FamilyView) => void }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [personId, setPersonId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const choices = useMemberChoices(debouncedQ);
  const person = usePerson(personId ?? '');
  const load = useFamilyLoader();

  return (
    <Stack>
      <TextInput
        label={t('family.find_by_member')}
        description={t('persons.search_hint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPersonId(null);
        }}
        data-autofocus
      />
      {error ? (
        <Alert color="red" role="alert">
          {errorMessage(t, error)}
        </Alert>
      ) : null}
      {personId && person.data ? (
        <Card withBorder padding="sm">
          <Text fw={600} mb={4}>
            {person.data.person.first_name} {person.data.person.last_name}
          </Text>
          {person.data.families.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('file.no_families')}
            </Text>
          ) : null}
          <Stack gap={4}>
            {person.data.families.map((f) => (
              <Group key={f.family_id} justify="space-between">
                <Text size="sm">
                  {f.family_name} ({t(`relation.${f.relation}`)})
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    setError(null);
                    load(f.family_id).then(onChosen, setError);
                  }}
                >
                  {t('family.choose', { family: f.family_name })}
                </Button>
              </Group>
            ))}
          </Stack>
        </Card>
      ) : personId ? (
        <Loader size="xs" aria-label={t('common.loading')} />
      ) : (
        <Stack gap={4}>
          {(choices.data ?? []).map((p) => (
            <Group key={p.id} justify="space-between">
              <Text size="sm">
                {p.last_name}, {p.first_name}{' '}
                <Text span c="dimmed" size="sm">
                  {p.personal_code ?? ''} {formatDate(p.birth_date, i18n.language)}
                </Text>
              </Text>
              <Button size="xs" variant="default" onClick={() => setPersonId(p.id)}>
                {t('family.show_families')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function NewFamily({ onChosen }: { onChosen: (family: FamilyView) => void }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<NewMember[]>([]);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [creatingPerson, setCreatingPerson] = useState(false);
  const [missing, setMissing] = useState(false);
  const choices = useMemberChoices(debouncedQ);
  const createPerson = useCreatePerson();
  const createFamily = useCreateFamily();
  const server = fieldErrors(createFamily.error);
  const add = (id: string, personName: string) => {
    if (!members.some((m) => m.id === id)) setMembers((ms) => [...ms, { id, name: personName, relation: null }]);
    setQ('');
  };
  const candidates = (choices.data ?? []).filter((p) => !members.some((m) => m.id === p.id));

  function submit() {
    if (!name.trim() || members.length === 0 || members.some((m) => !m.relation)) {
      setMissing(true);
      return;
    }
    createFamily.mutate(
      { name: name.trim(), members: members.map((m) => ({ person_id: m.id, relation: m.relation as Relation })) },
      { onSuccess: onChosen },
    );
  }

  return (
    <Stack>
      {createFamily.error && Object.keys(server).length === 0 ? (
        <Alert color="red" role="alert">
          {errorMessage(t, createFamily.error)}
        </Alert>
      ) : null}
      <TextInput
        label={t('family.name')}
        description={t('family.name_hint')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={(missing && !name.trim() ? t('common.required') : null) ?? server.name}
      />
      <Stack gap="xs" role="group" aria-label={t('family.members')}>
        <Text size="sm" fw={500}>
          {t('family.members')}
        </Text>
        {members.length === 0 ? (
          <Text size="sm" c={missing ? 'red.8' : 'dimmed'}>
            {t('family.no_members_yet')}
          </Text>
        ) : null}
        {members.map((m, i) => (
          <Group key={m.id} wrap="nowrap" align="flex-end">
            <Text size="sm" style={{ flex: 1 }} pb={8}>
              {m.name}
            </Text>
            <Select
              label={t('family.relation_of', { name: m.name })}
              required
              w={220}
              data={relationValues.map((r) => ({ value: r, label: t(`relation.${r}`) }))}
              value={m.relation}
              onChange={(v) => setMembers((ms) => ms.map((x, j) => (j === i ? { ...x, relation: v as Relation | null } : x)))}
              error={missing && !m.relation ? t('common.required') : null}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={6}
              aria-label={t('family.remove_member', { name: m.name })}
              onClick={() => setMembers((ms) => ms.filter((x) => x.id !== m.id))}
            >
              <IconX size={14} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      {creatingPerson ? (
        <Card withBorder>
          <Text fw={600} mb="sm">
            {t('persons.new')}
          </Text>
          <PersonForm
            submitting={createPerson.isPending}
            error={createPerson.error}
            onCancel={() => {
              setCreatingPerson(false);
              createPerson.reset();
            }}
            onSubmit={(values) =>
              createPerson.mutate(values, {
                onSuccess: (person) => {
                  add(person.id, `${person.first_name} ${person.last_name}`);
                  setCreatingPerson(false);
                  createPerson.reset();
                },
              })
            }
          />
        </Card>
      ) : (
        <>
          <Group align="flex-end">
            <TextInput
              label={t('family.find_person')}
              description={t('persons.search_hint')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button variant="light" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreatingPerson(true)}>
              {t('family.new_person')}
            </Button>
          </Group>
          <Stack gap={4}>
            {candidates.map((p) => (
              <Group key={p.id} justify="space-between">
                <Text size="sm">
                  {p.last_name}, {p.first_name}{' '}
                  <Text span c="dimmed" size="sm">
                    {p.personal_code ?? ''} {formatDate(p.birth_date, i18n.language)}
                  </Text>
                </Text>
                <Button size="xs" variant="default" onClick={() => add(p.id, `${p.first_name} ${p.last_name}`)}>
                  {t('family.add_to_new', { name: `${p.first_name} ${p.last_name}` })}
                </Button>
              </Group>
            ))}
          </Stack>
        </>
      )}
      <Group justify="flex-end">
        <Button onClick={submit} loading={createFamily.isPending} disabled={creatingPerson}>
          {t('family.create_submit')}
        </Button>
      </Group>
    </Stack>
  );
}
