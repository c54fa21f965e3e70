import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<page> – Atvejis" (WCAG 2.4.2: each page its own title). */
export function usePageTitle(page: string | null | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} – ${app}` : app;
  }, [page, app]);
}
