import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { errorMessage } from '@/lib/errors';

/** An error from the API in the user's language, with its request id for support. */
export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('errors.load_failed')} role="alert" icon={<IconAlertCircle size={18} aria-hidden />}>
      <Text size="sm">{errorMessage(t, error)}</Text>
      {error instanceof ApiProblem && error.requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('common.request_id', { id: error.requestId })}
        </Text>
      ) : null}
    </Alert>
  );
}
