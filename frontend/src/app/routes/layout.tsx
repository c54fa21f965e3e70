import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '@/lib/dayjs-locale';
import { AppShellLayout } from '@/features/shell';
import { queryClient } from '@/lib/query-client';
import { RequireAuth } from '../guards';

/**
 * Every page after logging in: the shell around the page (`<Outlet />`).
 * Loaded after the login page, with what only these pages use: the query
 * cache, date pickers and messages.
 */
export default function AppLayoutRoute() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      {/* Bottom right, three at most: messages never cover the header and its menu. */}
      <Notifications position="bottom-right" limit={3} />
      <RequireAuth>
        <AppShellLayout />
      </RequireAuth>
    </DatesProvider>
    </QueryClientProvider>
  );
}
