import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import type { useUser } from '../api/get-user';

/** While a dialog reads its user afresh: a loader, or why the read failed. */
export function FreshUserState({ user }: { user: ReturnType<typeof useUser> }) {
  const { t } = useTranslation();
  if (user.isError) return <QueryError error={user.error} />;
  if (user.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  return null;
}
