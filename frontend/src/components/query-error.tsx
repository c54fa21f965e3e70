import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';

/** An error from the API, with its request id for support. */
export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={t('common.error', { detail })} role="alert">
      {error instanceof ApiProblem && error.requestId ? (
        <Text size="sm" c="dimmed">
          {t('common.request_id', { id: error.requestId })}
        </Text>
      ) : null}
    </Alert>
  );
}
