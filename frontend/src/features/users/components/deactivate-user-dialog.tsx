import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

type User = components['schemas']['UserView'];

interface Props {
  /** The user to deactivate; no dialog when null. */
  user: User | null;
  submitting: boolean;
  onConfirm: (user: User) => void;
  onClose: () => void;
}

/** "Deactivate this user?": they can no longer log in, and their sessions end. */
export function DeactivateUserDialog({ user, submitting, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.deactivate_title')}>
      {user ? (
        <Stack>
          <Alert color="orange" variant="light">
            {t('users.deactivate_explained', { name: user.display_name })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={submitting} onClick={() => onConfirm(user)}>
              {t('users.deactivate')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
