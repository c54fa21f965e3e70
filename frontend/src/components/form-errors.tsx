import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { formErrorMessage } from '@/lib/errors';

interface Props {
  /** The error of the form's last submission, if any. */
  error: unknown;
  /** The fields the form shows server errors next to (not repeated here). */
  fields: readonly string[];
  /** Reads the record again after a version conflict. */
  onReload?: () => void;
}

/**
 * What a form says above its fields after a failed submission: a version
 * conflict with a way to reload, or the error no field of the form shows.
 */
export function FormErrors({ error, fields, onReload }: Props) {
  const { t } = useTranslation();
  if (error instanceof ApiProblem && error.code === 'version_conflict') {
    return (
      <Alert color="orange" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />}>
        <Stack gap="xs" align="flex-start">
          {t('errors.codes.version_conflict')}
          {onReload ? (
            <Button size="xs" variant="white" color="orange" onClick={onReload}>
              {t('common.reload')}
            </Button>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  const message = formErrorMessage(t, error, fields);
  return message ? (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  ) : null;
}
