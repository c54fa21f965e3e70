import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  onCancel: () => void;
  submitting: boolean;
  /** The submit button's text; "Išsaugoti" when absent. */
  submitLabel?: string;
}

/** The end of a dialog's form: cancel, and the submit button. */
export function FormActions({ onCancel, submitting, submitLabel }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={submitting}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
