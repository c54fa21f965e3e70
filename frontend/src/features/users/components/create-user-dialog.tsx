import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCreateUser } from '../api/create-user';
import { UserForm, type UserFormValues } from './user-form';

/** A new staff account: username, name, initial password, roles, eldership. */
export function CreateUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();

  function close() {
    create.reset();
    onClose();
  }

  function submit(values: UserFormValues) {
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
  }

  return (
    <Modal opened={opened} onClose={close} title={t('users.create')} size="lg">
      {opened ? <UserForm submitting={create.isPending} error={create.error} onSubmit={submit} onCancel={close} /> : null}
    </Modal>
  );
}
