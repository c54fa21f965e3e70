import { Alert, Button, Group, Modal, Stack, Text, type ModalProps } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  title: ReactNode;
  size?: ModalProps['size'];
  /** Whether the form has changes not yet saved. */
  dirty: boolean;
  /** Closes the dialog (after the user agreed to lose unsaved changes). */
  onClose: () => void;
  /** The form; `requestClose` is for its cancel button. */
  children: (requestClose: () => void) => ReactNode;
}

/**
 * A dialog with a form that does not lose what was typed by accident: with
 * unsaved changes, Escape, the close button and cancel first ask whether to
 * discard them. (Escape inside a date picker only closes the picker: see
 * the DateInput defaults in app.tsx.)
 */
export function FormModal({ opened, title, size, dirty, onClose, children }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const requestClose = () => {
    if (dirty) setAsking(true);
    else onClose();
  };
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);
  return (
    <Modal opened={opened} onClose={requestClose} title={title} size={size}>
      <Stack>
        {opened && asking ? (
          <Alert color="orange" role="alertdialog" aria-labelledby="discard-question">
            <Stack gap="xs">
              <Text id="discard-question" size="sm">
                {t('common.discard_question')}
              </Text>
              <Group gap="xs">
                <Button ref={keep} size="xs" variant="default" onClick={() => setAsking(false)}>
                  {t('common.keep_editing')}
                </Button>
                <Button
                  size="xs"
                  color="red"
                  onClick={() => {
                    setAsking(false);
                    onClose();
                  }}
                >
                  {t('common.discard')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        {opened ? children(requestClose) : null}
      </Stack>
    </Modal>
  );
}
