import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Modal,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconPlus, IconSearch, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { QueryError } from '@/components/query-error';
import { formErrorMessage } from '@/lib/errors';
import { useMe } from '@/lib/me';
import { useOrganisation } from '@/lib/organisation';
import { ROLES, type Role } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import { useCreateUser } from '../api/create-user';
import { useUser } from '../api/get-user';
import { PER_PAGE, useUsers } from '../api/list-users';
import { useResetPassword } from '../api/reset-password';
import { useSetUserActive } from '../api/set-user-active';
import { useUpdateUser } from '../api/update-user';
import { PasswordForm } from './password-form';
import { UserForm, type UserFormValues } from './user-form';

type User = components['schemas']['UserView'];

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; id: string }
  | { kind: 'password'; id: string }
  | { kind: 'deactivate'; user: User }
  | null;

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const me = useMe();
  const organisation = useOrganisation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [role, setRole] = useState<Role | null>(null);
  const [eldershipId, setEldershipId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);

  const users = useUsers({
    q: debouncedQ.trim(),
    role,
    eldershipId,
    active: status === null ? null : status === 'active',
    page,
  });
  const openId = dialog?.kind === 'edit' || dialog?.kind === 'password' ? dialog.id : null;
  const current = useUser(openId);
  const create = useCreateUser();
  const update = useUpdateUser();
  const resetPassword = useResetPassword();
  const setActive = useSetUserActive();

  function close() {
    setDialog(null);
    create.reset();
    update.reset();
    resetPassword.reset();
  }

  function reload() {
    update.reset();
    resetPassword.reset();
    void current.refetch();
  }

  function filterChanged<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setPage(1);
    };
  }

  function submit(values: UserFormValues) {
    if (dialog?.kind === 'create') {
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
    } else if (dialog?.kind === 'edit' && current.data) {
      update.mutate(
        {
          id: current.data.id,
          body: {
            version: current.data.version,
            display_name: values.display_name.trim(),
            roles: values.roles,
            eldership_id: values.eldership_id,
          },
        },
        {
          onSuccess: (user) => {
            notifications.show({ color: 'green', message: t('users.saved', { name: user.display_name }) });
            close();
          },
        },
      );
    }
  }

  function submitPassword(password: string) {
    if (!current.data) return;
    resetPassword.mutate(
      { id: current.data.id, version: current.data.version, password },
      {
        onSuccess: (user) => {
          notifications.show({ color: 'green', message: t('users.password_set', { name: user.display_name }) });
          close();
        },
      },
    );
  }

  function changeActive(user: User, active: boolean) {
    setActive.mutate(
      { id: user.id, version: user.version, active },
      {
        onSuccess: (changed) => {
          notifications.show({
            color: 'green',
            message: t(changed.active ? 'users.activated' : 'users.deactivated', { username: changed.username }),
          });
          close();
        },
        onError: (error) => {
          notifications.show({ color: 'red', message: formErrorMessage(t, error, []) });
          close();
        },
      },
    );
  }

  const total = users.data?.total ?? 0;
  const filtered = Boolean(q || role || eldershipId || status);
  const elderships = organisation.data?.elderships ?? [];

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} fz={26} fw={600}>
            {t('users.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('users.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      </Group>

      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" gap="md">
          <TextInput
            label={t('users.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => filterChanged(setQ)(e.currentTarget.value)}
            w={{ base: '100%', sm: 260 }}
            type="search"
          />
          <Select
            label={t('users.role_filter')}
            placeholder={t('users.all_roles')}
            clearable
            value={role}
            onChange={(value) => filterChanged(setRole)(value as Role | null)}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            w={{ base: '100%', sm: 280 }}
          />
          <Select
            label={t('users.eldership')}
            placeholder={t('users.all_elderships')}
            clearable
            searchable
            nothingFoundMessage={t('common.nothing_found')}
            value={eldershipId}
            onChange={filterChanged(setEldershipId)}
            data={elderships.map((e) => ({ value: e.id, label: e.name }))}
            w={{ base: '100%', sm: 240 }}
          />
          <Select
            label={t('users.status_filter')}
            placeholder={t('users.all_statuses')}
            clearable
            value={status}
            onChange={filterChanged(setStatus)}
            data={[
              { value: 'active', label: t('users.active') },
              { value: 'inactive', label: t('users.inactive') },
            ]}
            w={{ base: '100%', sm: 160 }}
          />
          {filtered ? (
            <Button
              variant="subtle"
              color="gray"
              onClick={() => {
                setQ('');
                setRole(null);
                setEldershipId(null);
                setStatus(null);
                setPage(1);
              }}
            >
              {t('common.clear_filters')}
            </Button>
          ) : null}
        </Group>
      </Paper>

      {users.isError ? <QueryError error={users.error} /> : null}

      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={760}>
          <Table
            verticalSpacing="sm"
            horizontalSpacing="md"
            highlightOnHover
            aria-label={t('users.title')}
            aria-busy={users.isFetching}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.person')}</Table.Th>
                <Table.Th>{t('users.roles')}</Table.Th>
                <Table.Th>{t('users.eldership')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th ta="right">{t('users.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(users.data?.items ?? []).map((user) => {
                const self = user.id === me.data?.id;
                return (
                  <Table.Tr key={user.id} data-testid={`user-${user.username}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {user.display_name}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {user.username}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={user.eldership ? undefined : 'dimmed'}>
                        {user.eldership?.name ?? t('users.no_eldership')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={8} wrap="nowrap">
                        <Box
                          w={8}
                          h={8}
                          bg={user.active ? 'green.7' : 'gray.5'}
                          style={{ borderRadius: '50%', flexShrink: 0 }}
                          aria-hidden
                        />
                        <Text size="sm">{user.active ? t('users.active') : t('users.inactive')}</Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`${t('users.edit')}: ${user.display_name}`}
                          onClick={() => setDialog({ kind: 'edit', id: user.id })}
                        >
                          {t('users.edit')}
                        </Button>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`${t('users.more_actions')}: ${user.display_name}`}
                              loading={setActive.isPending && setActive.variables?.id === user.id}
                            >
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item
                              leftSection={<IconKey size={16} aria-hidden />}
                              onClick={() => setDialog({ kind: 'password', id: user.id })}
                            >
                              {t('users.set_password')}
                            </Menu.Item>
                            {user.active ? (
                              <Menu.Item
                                color="red"
                                disabled={self}
                                leftSection={<IconUserOff size={16} aria-hidden />}
                                onClick={() => setDialog({ kind: 'deactivate', user })}
                              >
                                {t('users.deactivate')}
                              </Menu.Item>
                            ) : (
                              <Menu.Item
                                leftSection={<IconUserCheck size={16} aria-hidden />}
                                onClick={() => changeActive(user, true)}
                              >
                                {t('users.activate')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {users.data && users.data.items.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('users.empty')}
          </Text>
        ) : null}
      </Paper>

      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {users.data ? t('users.total', { count: total }) : null}
        </Text>
        {total > PER_PAGE ? (
          <Pagination
            total={Math.ceil(total / PER_PAGE)}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('common.pagination.page', { page: item }) })}
          />
        ) : null}
      </Group>

      <Modal
        opened={dialog?.kind === 'create'}
        onClose={close}
        title={t('users.create')}
        size="lg"
      >
        {dialog?.kind === 'create' ? (
          <UserForm submitting={create.isPending} error={create.error} onSubmit={submit} onCancel={close} />
        ) : null}
      </Modal>

      <Modal
        opened={dialog?.kind === 'edit' || dialog?.kind === 'password'}
        onClose={close}
        title={
          current.data
            ? t(dialog?.kind === 'password' ? 'users.password_title' : 'users.edit_title', { name: current.data.display_name })
            : t('common.loading')
        }
        size="lg"
      >
        {current.isError ? <QueryError error={current.error} /> : null}
        {current.isPending && openId ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : null}
        {current.data && dialog?.kind === 'edit' ? (
          <UserForm
            key={`${current.data.id}-${current.data.version}`}
            user={current.data}
            submitting={update.isPending}
            error={update.error}
            onSubmit={submit}
            onCancel={close}
            onReload={reload}
          />
        ) : null}
        {current.data && dialog?.kind === 'password' ? (
          <PasswordForm
            key={`${current.data.id}-${current.data.version}`}
            user={current.data}
            submitting={resetPassword.isPending}
            error={resetPassword.error}
            onSubmit={submitPassword}
            onCancel={close}
            onReload={reload}
          />
        ) : null}
      </Modal>

      <Modal
        opened={dialog?.kind === 'deactivate'}
        onClose={close}
        title={t('users.deactivate_title')}
      >
        {dialog?.kind === 'deactivate' ? (
          <Stack>
            <Alert color="orange" variant="light">
              {t('users.deactivate_explained', { name: dialog.user.display_name })}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={setActive.isPending} onClick={() => changeActive(dialog.user, false)}>
                {t('users.deactivate')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
