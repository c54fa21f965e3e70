import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { IconDots, IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

type User = components['schemas']['UserView'];

interface Props {
  user: User;
  /** The signed-in administrator: they cannot deactivate themself. */
  self: boolean;
  /** Activation or deactivation of this user is under way. */
  busy: boolean;
  onEdit: () => void;
  onSetPassword: () => void;
  onDeactivate: () => void;
  onActivate: () => void;
}

/** A user's row actions: edit, and a menu with setting a password and (de)activating. */
export function UserRowActions({ user, self, busy, onEdit, onSetPassword, onDeactivate, onActivate }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Button size="xs" variant="default" aria-label={`${t('users.edit')}: ${user.display_name}`} onClick={onEdit}>
        {t('users.edit')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`${t('users.more_actions')}: ${user.display_name}`}
            loading={busy}
          >
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={onSetPassword}>
            {t('users.set_password')}
          </Menu.Item>
          {user.active ? (
            <Menu.Item color="red" disabled={self} leftSection={<IconUserOff size={16} aria-hidden />} onClick={onDeactivate}>
              {t('users.deactivate')}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconUserCheck size={16} aria-hidden />} onClick={onActivate}>
              {t('users.activate')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
