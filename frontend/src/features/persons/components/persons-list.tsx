import { Anchor, Button, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { components } from '@/api/schema';
import { ExportMenu } from '@/components/export-menu';
import { FormModal } from '@/components/form-modal';
import { type ListColumn, ListPage } from '@/components/list-page';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/me';
import { purposeFor } from '@/lib/purpose';
import { can } from '@/lib/roles';
import { useCreatePerson } from '../api/create-person';
import { PER_PAGE, useSearchPersons } from '../api/search-persons';
import { PersonForm } from './person-form';

type Person = components['schemas']['PersonView'];

/** Finding people (case- and diacritics-insensitive, or by personal code) and recording a new one. */
export function PersonsList() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [q, setQ] = useState('');
  const [code, setCode] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [createDirty, setCreateDirty] = useState(false);
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [debouncedCode] = useDebouncedValue(code, 250);
  const persons = useSearchPersons({ q: debouncedQ.trim(), personalCode: debouncedCode.trim(), page });
  const create = useCreatePerson();
  const canWrite = can(me.data, 'write_persons');
  const closeCreate = () => {
    setCreating(false);
    setCreateDirty(false);
    create.reset();
  };

  const columns: ListColumn<Person>[] = [
    {
      key: 'name',
      header: `${t('persons.last_name')}, ${t('persons.first_name')}`,
      cell: (p) => (
        <Anchor component={Link} to={`/persons/${p.id}`} fw={500}>
          {p.last_name}, {p.first_name}
        </Anchor>
      ),
    },
    {
      key: 'code',
      header: t('persons.code'),
      cell: (p) => (
        <Text span inherit ff="monospace">
          {p.personal_code ?? '—'}
        </Text>
      ),
    },
    { key: 'birth_date', header: t('persons.birth_date'), cell: (p) => formatDate(p.birth_date, i18n.language) },
    { key: 'address', header: t('persons.address'), cell: (p) => p.declared_address ?? '—' },
    { key: 'eldership', header: t('persons.eldership'), cell: (p) => p.eldership?.name ?? '—' },
  ];

  return (
    <>
      <ListPage
        title={t('persons.title')}
        actions={
          <Group gap="xs">
            <ExportMenu
              path="/api/v1/persons/export"
              params={{ q: debouncedQ.trim(), personal_code: debouncedCode.trim() }}
              fileStem="asmenys"
              purpose={purposeFor(me.data?.roles)}
            />
            {canWrite ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('persons.new')}
              </Button>
            ) : null}
          </Group>
        }
        filters={
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
        }
        query={persons}
        rows={persons.data?.items}
        columns={columns}
        rowKey={(p) => p.id}
        empty={t('persons.empty')}
        summary={t(persons.data?.more_than_total ? 'persons.total_more' : 'persons.total', { count: persons.data?.total ?? 0 })}
        paging={{ page, perPage: PER_PAGE, total: persons.data?.total ?? 0, onPageChange: setPage }}
        minWidth={700}
      />
      <FormModal opened={creating} onClose={closeCreate} title={t('persons.new')} size="lg" dirty={createDirty}>
        {(requestClose) => (
          <PersonForm
            submitting={create.isPending}
            error={create.error}
            onDirtyChange={setCreateDirty}
            onCancel={requestClose}
            onSubmit={(values) =>
              create.mutate(values, {
                onSuccess: (person) => {
                  notifications.show({ color: 'green', message: t('persons.created', { name: `${person.first_name} ${person.last_name}` }) });
                  closeCreate();
                  void navigate(`/persons/${person.id}`);
                },
              })
            }
          />
        )}
      </FormModal>
    </>
  );
}
