import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppRoutes } from './router';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const { t } = useTranslation();
  // Mantine's built-in buttons (close, clear, show password) named in the current language.
  const themed = useMemo(() => {
    const closeButtonProps = { 'aria-label': t('common.close') };
    const clearButtonProps = { 'aria-label': t('common.clear') };
    return mergeThemeOverrides(theme, {
      components: {
        Notification: { defaultProps: { closeButtonProps } },
        Modal: {
          defaultProps: { closeButtonProps },
          styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } },
        },
        Drawer: { defaultProps: { closeButtonProps } },
        Select: { defaultProps: { clearButtonProps } },
        MultiSelect: { defaultProps: { clearButtonProps } },
        // Escape in a date field closes its calendar only, never the dialog around it (and what was typed).
        DateInput: { defaultProps: { clearButtonProps, 'data-mantine-stop-propagation': 'true' } as Record<string, unknown> },
        DatePickerInput: { defaultProps: { clearButtonProps } },
        PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.show_password') } } },
      },
    });
  }, [t]);
  return (
    <MantineProvider theme={themed} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <AppRoutes />
    </MantineProvider>
  );
}
