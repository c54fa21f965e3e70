import { Anchor, Button, Group, Modal, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/me';
import { hasAnyRole, PERSON_WRITERS } from '@/lib/roles';
import { useCreatePerson } from '../api/create-person';
import { PER_PAGE, useSearchPersons } from '../api/search-persons';
import { PersonForm } from './person-form';


export function PersonsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [q, setQ] = useState('');
  const [code, setCode] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [debouncedCode] = useDebouncedValue(code, 250);
  const persons = useSearchPersons({ q: debouncedQ.trim(), personalCode: debouncedCode.trim(), page });
  const create = useCreatePerson();
  const canWrite = hasAnyRole(me.data?.roles, PERSON_WRITERS);
  const total = persons.data?.total ?? 0;

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>{t('persons.title')}</Title>
        {canWrite ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('persons.new')}
          </Button>
        ) : null}
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('persons.search')}
          description={t('persons.search_hint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 420 }}
        />
        <TextInput
          label={t('persons.code')}
          inputMode="numeric"
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setPage(1);
          }}
          w={200}
        />
      </Group>
      {persons.isError ? <QueryError error={persons.error} /> : null}
      <Table.ScrollContainer minWidth={700}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={persons.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('persons.last_name')}, {t('persons.first_name')}</Table.Th>
              <Table.Th>{t('persons.code')}</Table.Th>
              <Table.Th>{t('persons.birth_date')}</Table.Th>
              <Table.Th>{t('persons.address')}</Table.Th>
              <Table.Th>{t('persons.eldership')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(persons.data?.items ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/persons/${p.id}`} fw={500}>
                    {p.last_name}, {p.first_name}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace">{p.personal_code ?? '—'}</Table.Td>
                <Table.Td>{formatDate(p.birth_date, i18n.language)}</Table.Td>
                <Table.Td>{p.declared_address ?? '—'}</Table.Td>
                <Table.Td>{p.eldership?.name ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {persons.data && persons.data.items.length === 0 ? <Text c="dimmed">{t('persons.empty')}</Text> : null}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('persons.total', { count: total })}
        </Text>
        {total > PER_PAGE ? <Pagination total={Math.ceil(total / PER_PAGE)} value={page} onChange={setPage} /> : null}
      </Group>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('persons.new')} size="lg">
        {creating ? (
          <PersonForm
            submitting={create.isPending}
            error={create.error}
            onCancel={() => {
              setCreating(false);
              create.reset();
            }}
            onSubmit={(values) =>
              create.mutate(values, {
                onSuccess: (person) => {
                  notifications.show({ color: 'green', message: t('persons.created', { name: `${person.first_name} ${person.last_name}` }) });
                  setCreating(false);
                  void navigate(`/persons/${person.id}`);
                },
              })
            }
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
