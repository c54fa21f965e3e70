import { Box, Button, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { ExportMenu } from '@/components/export-menu';
import { type ListColumn, ListPage } from '@/components/list-page';
import { formErrorMessage } from '@/lib/errors';
import { useMe } from '@/lib/me';
import { PER_PAGE, useUsers } from '../api/list-users';
import { useSetUserActive } from '../api/set-user-active';
import { CreateUserDialog } from './create-user-dialog';
import { DeactivateUserDialog } from './deactivate-user-dialog';
import { EditUserDialog } from './edit-user-dialog';
import { SetPasswordDialog } from './set-password-dialog';
import { NO_USER_FILTERS, UserFilters, type UserFilterValues } from './user-filters';
import { UserRowActions } from './user-row-actions';

type User = components['schemas']['UserView'];

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; id: string }
  | { kind: 'password'; id: string }
  | { kind: 'deactivate'; user: User }
  | null;

/** The administrator's list of staff accounts: filters, paging, and the dialogs that change them. */
export function UsersList() {
  const { t } = useTranslation();
  const me = useMe();
  const [filters, setFilters] = useState<UserFilterValues>(NO_USER_FILTERS);
  const [debouncedQ] = useDebouncedValue(filters.q, 300);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers({
    q: debouncedQ.trim(),
    role: filters.role,
    eldershipId: filters.eldershipId,
    active: filters.status === null ? null : filters.status === 'active',
    page,
  });
  const setActive = useSetUserActive();
  const close = () => setDialog(null);

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

  const columns: ListColumn<User>[] = [
    {
      key: 'person',
      header: t('users.person'),
      cell: (user) => (
        <>
          <Text size="sm" fw={500}>
            {user.display_name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {user.username}
          </Text>
        </>
      ),
    },
    {
      key: 'roles',
      header: t('users.roles'),
      cell: (user) => <Text size="sm">{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</Text>,
    },
    {
      key: 'eldership',
      header: t('users.eldership'),
      cell: (user) => (
        <Text size="sm" c={user.eldership ? undefined : 'dimmed'}>
          {user.eldership?.name ?? t('users.no_eldership')}
        </Text>
      ),
    },
    {
      key: 'status',
      header: t('users.status'),
      cell: (user) => (
        <Group gap={8} wrap="nowrap">
          <Box w={8} h={8} bg={user.active ? 'green.7' : 'gray.5'} style={{ borderRadius: '50%', flexShrink: 0 }} aria-hidden />
          <Text size="sm">{user.active ? t('users.active') : t('users.inactive')}</Text>
        </Group>
      ),
    },
    {
      key: 'actions',
      header: t('users.actions'),
      align: 'right',
      cell: (user) => (
        <UserRowActions
          user={user}
          self={user.id === me.data?.id}
          busy={setActive.isPending && setActive.variables?.id === user.id}
          onEdit={() => setDialog({ kind: 'edit', id: user.id })}
          onSetPassword={() => setDialog({ kind: 'password', id: user.id })}
          onDeactivate={() => setDialog({ kind: 'deactivate', user })}
          onActivate={() => changeActive(user, true)}
        />
      ),
    },
  ];

  return (
    <>
      <ListPage
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Group gap="xs">
            <ExportMenu
              path="/api/v1/users/export"
              params={{
                q: debouncedQ.trim(),
                role: filters.role,
                eldership_id: filters.eldershipId,
                active: filters.status === null ? null : String(filters.status === 'active'),
              }}
              fileStem="naudotojai"
              purpose="supervision"
            />
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
              {t('users.create')}
            </Button>
          </Group>
        }
        filters={
          <UserFilters
            value={filters}
            onChange={(value) => {
              setFilters(value);
              setPage(1);
            }}
          />
        }
        query={users}
        rows={users.data?.items}
        columns={columns}
        rowKey={(user) => user.id}
        rowProps={(user) => ({ 'data-testid': `user-${user.username}` })}
        empty={t('users.empty')}
        summary={t('users.total', { count: users.data?.total ?? 0 })}
        paging={{ page, perPage: PER_PAGE, total: users.data?.total ?? 0, onPageChange: setPage }}
      />
      <CreateUserDialog opened={dialog?.kind === 'create'} onClose={close} />
      <EditUserDialog userId={dialog?.kind === 'edit' ? dialog.id : null} onClose={close} />
      <SetPasswordDialog userId={dialog?.kind === 'password' ? dialog.id : null} onClose={close} />
      <DeactivateUserDialog
        user={dialog?.kind === 'deactivate' ? dialog.user : null}
        submitting={setActive.isPending}
        onConfirm={(user) => changeActive(user, false)}
        onClose={close}
      />
    </>
  );
}
