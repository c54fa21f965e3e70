import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('common.not_found')}>
      <Anchor component={Link} to="/">
        {t('common.back_home')}
      </Anchor>
    </Alert>
  );
}
