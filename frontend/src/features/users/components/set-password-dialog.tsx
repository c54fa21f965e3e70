import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useUser } from '../api/get-user';
import { useResetPassword } from '../api/reset-password';
import { FreshUserState } from './fresh-user';
import { PasswordForm } from './password-form';

/** An administrator sets a new password for a user (read afresh: its version guards the change). */
export function SetPasswordDialog({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const current = useUser(userId);
  const resetPassword = useResetPassword();

  function close() {
    resetPassword.reset();
    onClose();
  }

  function submit(password: string) {
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

  return (
    <Modal
      opened={userId !== null}
      onClose={close}
      title={current.data ? t('users.password_title', { name: current.data.display_name }) : t('common.loading')}
      size="lg"
    >
      {userId !== null ? <FreshUserState user={current} /> : null}
      {userId !== null && current.data ? (
        <PasswordForm
          key={`${current.data.id}-${current.data.version}`}
          user={current.data}
          submitting={resetPassword.isPending}
          error={resetPassword.error}
          onSubmit={submit}
          onCancel={close}
          onReload={() => {
            resetPassword.reset();
            void current.refetch();
          }}
        />
      ) : null}
    </Modal>
  );
}
