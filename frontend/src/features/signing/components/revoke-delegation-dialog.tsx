import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

type Delegation = components['schemas']['DelegationView'];

interface Props {
  /** The delegation to end; no dialog when null. */
  delegation: Delegation | null;
  submitting: boolean;
  onConfirm: (delegation: Delegation) => void;
  onClose: () => void;
}

/** "End this delegation?": from now on nothing can be signed under it. */
export function RevokeDelegationDialog({ delegation, submitting, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={delegation !== null} onClose={onClose} title={t('signing.revoke_title')}>
      {delegation ? (
        <Stack>
          <Alert color="orange" variant="light">
            {t('signing.revoke_explained', { name: delegation.user.display_name, reference: delegation.reference })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={submitting} onClick={() => onConfirm(delegation)}>
              {t('signing.revoke')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
