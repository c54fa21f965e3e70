import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('common.forbidden')}>
      <Anchor component={Link} to="/">
        {t('common.back_home')}
      </Anchor>
    </Alert>
  );
}
