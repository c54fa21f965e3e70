import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '@/i18n';

/** LT | EN; each language named in itself for screen readers ("Lietuvių", "English"). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      value={i18n.language}
      onChange={(value) => void setLanguage(value as Language)}
      data={LANGUAGES.map((lang) => ({
        value: lang,
        label: (
          <span lang={lang}>
            <span aria-hidden>{lang.toUpperCase()}</span>
            <VisuallyHidden>{t(`lang.${lang}`, { lng: lang })}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}
