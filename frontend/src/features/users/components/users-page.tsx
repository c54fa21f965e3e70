import { Badge, Button, Group, Modal, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import type { components } from '@/api/schema';
import { QueryError } from '@/components/query-error';
import { ROLES, type Role } from '@/lib/roles';
import { useCreateUser } from '../api/create-user';
import { PER_PAGE, useUsers } from '../api/list-users';
import { useSetUserActive } from '../api/set-user-active';
import { useUpdateUser } from '../api/update-user';
import { UserForm, type UserFormValues } from './user-form';

type User = components['schemas']['UserView'];

export function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  const users = useUsers({
    q: debouncedQ.trim(),
    role,
    active: status === null ? null : status === 'active',
    page,
  });
  const create = useCreateUser();
  const update = useUpdateUser();
  const setActive = useSetUserActive();

  function close() {
    setEditing(null);
    create.reset();
    update.reset();
  }

  function submit(values: UserFormValues) {
    if (editing === 'new') {
      create.mutate(
        {
          username: values.username.trim(),
          display_name: values.display_name.trim(),
          password: values.password,
          roles: values.roles,
          eldership_id: values.eldership_id,
        },
        {
          onSuccess: (user) => {
            notifications.show({ color: 'green', message: t('users.created', { username: user.username }) });
            close();
          },
        },
      );
    } else if (editing) {
      update.mutate(
        {
          id: editing.id,
          body: {
            version: editing.version,
            display_name: values.display_name.trim(),
            roles: values.roles,
            eldership_id: values.eldership_id,
          },
        },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('common.saved') });
            close();
          },
        },
      );
    }
  }

  function toggleActive(user: User) {
    setActive.mutate(
      { id: user.id, version: user.version, active: !user.active },
      {
        onSuccess: (changed) =>
          notifications.show({
            color: 'green',
            message: t(changed.active ? 'users.activated' : 'users.deactivated', { username: changed.username }),
          }),
        onError: (error) =>
          notifications.show({
            color: 'red',
            message:
              error instanceof ApiProblem && error.code === 'version_conflict' ? t('common.conflict') : error.message,
          }),
      },
    );
  }

  const total = users.data?.total ?? 0;

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('users.create')}
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('users.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
        <Select
          label={t('users.role_filter')}
          placeholder={t('users.all_roles')}
          clearable
          value={role}
          onChange={(value) => {
            setRole(value as Role | null);
            setPage(1);
          }}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          w={300}
        />
        <Select
          label={t('users.status_filter')}
          placeholder={t('users.all_statuses')}
          clearable
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          data={[
            { value: 'active', label: t('users.active') },
            { value: 'inactive', label: t('users.inactive') },
          ]}
          w={180}
        />
      </Group>
      {users.isError ? <QueryError error={users.error} /> : null}
      <Table.ScrollContainer minWidth={800}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={users.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.display_name')}</Table.Th>
              <Table.Th>{t('users.username')}</Table.Th>
              <Table.Th>{t('users.roles')}</Table.Th>
              <Table.Th>{t('users.eldership')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th>{t('users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data?.items ?? []).map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td fw={500}>{user.display_name}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {user.username}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.roles.map((r) => (
                      <Badge key={r} variant="light" size="sm">
                        {t(`roles.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{user.eldership?.name ?? t('users.no_eldership')}</Table.Td>
                <Table.Td>
                  <Badge color={user.active ? 'green' : 'gray'} variant="dot">
                    {user.active ? t('users.active') : t('users.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setEditing(user)}>
                      {t('users.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color={user.active ? 'red' : 'green'}
                      onClick={() => toggleActive(user)}
                      loading={setActive.isPending && setActive.variables?.id === user.id}
                    >
                      {user.active ? t('users.deactivate') : t('users.activate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.data && users.data.items.length === 0 ? <Text c="dimmed">{t('users.empty')}</Text> : null}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('users.total', { count: total })}
        </Text>
        {total > PER_PAGE ? (
          <Pagination
            total={Math.ceil(total / PER_PAGE)}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': `${t('common.page')} ${control}` })}
          />
        ) : null}
      </Group>
      <Modal
        opened={editing !== null}
        onClose={close}
        title={editing === 'new' ? t('users.create') : editing ? editing.display_name : ''}
        size="lg"
      >
        {editing !== null ? (
          <UserForm
            user={editing === 'new' ? undefined : editing}
            submitting={create.isPending || update.isPending}
            error={editing === 'new' ? create.error : update.error}
            onSubmit={submit}
            onCancel={close}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
