import { AppShell, Avatar, Box, Burger, Button, Group, NavLink, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHome, IconListDetails, IconLogout, IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { QueryError } from '@/components/query-error';
import { logout } from '@/lib/auth';
import { useMe } from '@/lib/me';
import { navFor, type NavItem } from '@/lib/navigation';

const ICONS: Record<NavItem['key'], typeof IconHome> = {
  home: IconHome,
  users: IconUsers,
  audit: IconListDetails,
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function AppShellLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function onLogout() {
    await logout();
    queryClient.clear();
    void navigate('/login?reason=logged_out', { replace: true });
  }

  const items = me.data ? navFor(me.data.roles) : [];

  return (
    <>
      <a href="#main" className="skip-link">
        {t('shell.skip')}
      </a>
      <AppShell header={{ height: 64 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
              <Title order={1} size="h3" c="blue.8">
                {t('app.name')}
              </Title>
              {me.data ? (
                <Text size="sm" c="dimmed" visibleFrom="md" data-testid="municipality">
                  {me.data.municipality.name}
                  {me.data.eldership ? ` · ${me.data.eldership.name}` : ''}
                </Text>
              ) : null}
            </Group>
            <Group gap="md" wrap="nowrap">
              <LanguageSwitch />
              {me.data ? (
                <Group gap="xs" wrap="nowrap" visibleFrom="xs">
                  <Avatar color="blue" radius="xl" size="sm" aria-hidden>
                    {initials(me.data.display_name)}
                  </Avatar>
                  <Text size="sm" fw={500} data-testid="user-name">
                    {me.data.display_name}
                  </Text>
                </Group>
              ) : null}
              <Button variant="subtle" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void onLogout()}>
                {t('shell.logout')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" component="nav" aria-label={t('shell.navigation')}>
          <Stack gap={4}>
            {items.map((item) => {
              const Icon = ICONS[item.key];
              return (
                <NavLink
                  key={item.key}
                  component={RouterLink}
                  to={item.path}
                  label={t(`nav.${item.key}`)}
                  leftSection={<Icon size={18} aria-hidden />}
                  active={item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path)}
                  onClick={close}
                />
              );
            })}
          </Stack>
          {me.data ? (
            <Box mt="auto" pt="md">
              <VisuallyHidden>{t('shell.account')}</VisuallyHidden>
              <Text size="xs" c="dimmed">
                {me.data.roles.map((role) => t(`roles.${role}`)).join(', ')}
              </Text>
              <Text size="xs" c="dimmed" hiddenFrom="md">
                {me.data.municipality.name}
              </Text>
            </Box>
          ) : null}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          {me.isError ? <QueryError error={me.error} /> : null}
          {me.data ? <Outlet /> : null}
        </AppShell.Main>
      </AppShell>
    </>
  );
}
