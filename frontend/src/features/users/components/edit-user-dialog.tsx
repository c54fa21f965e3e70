import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useUser } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';
import { FreshUserState } from './fresh-user';
import { UserForm, type UserFormValues } from './user-form';

/**
 * Changing a user's name, roles and eldership. The user is read afresh when
 * the dialog opens: its version guards the change, and after a conflict the
 * form offers to read it again.
 */
export function EditUserDialog({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const current = useUser(userId);
  const update = useUpdateUser();

  function close() {
    update.reset();
    onClose();
  }

  function submit(values: UserFormValues) {
    if (!current.data) return;
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

  return (
    <Modal
      opened={userId !== null}
      onClose={close}
      title={current.data ? t('users.edit_title', { name: current.data.display_name }) : t('common.loading')}
      size="lg"
    >
      {userId !== null ? <FreshUserState user={current} /> : null}
      {userId !== null && current.data ? (
        <UserForm
          key={`${current.data.id}-${current.data.version}`}
          user={current.data}
          submitting={update.isPending}
          error={update.error}
          onSubmit={submit}
          onCancel={close}
          onReload={() => {
            update.reset();
            void current.refetch();
          }}
        />
      ) : null}
    </Modal>
  );
}
