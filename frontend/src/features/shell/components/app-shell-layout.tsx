import {
  ActionIcon,
  AppShell,
  Avatar,
  Box,
  Burger,
  Button,
  Center,
  Divider,
  Group,
  Loader,
  Menu,
  Modal,
  NavLink,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBooks,
  IconChartBar,
  IconCalculator,
  IconCoinEuro,
  IconReceipt,
  IconWheelchair,
  IconBed,
  IconBriefcase,
  IconChevronDown,
  IconHeartHandshake,
  IconHome,
  IconInbox,
  IconKey,
  IconListDetails,
  IconLogout,
  IconSignature,
  IconUsers,
  IconPlugConnected,
  IconUserSearch,
  IconUserShield,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { AppLogo } from '@/components/app-logo';
import { LanguageSwitch } from '@/components/language-switch';
import { QueryError } from '@/components/query-error';
import { logout } from '@/lib/auth';
import { useMe } from '@/lib/me';
import { navFor, type NavItem } from '@/lib/navigation';
import { can } from '@/lib/roles';
import { useChangePassword } from '../api/change-password';
import { ChangePasswordForm } from './change-password-form';
import { HeaderSearch } from './header-search';

/** The icon of each navigation item (a new item without one does not compile). */
const ICONS: Record<NavItem['key'], typeof IconHome> = {
  home: IconHome,
  cases: IconBriefcase,
  users: IconUsers,
  service_accounts: IconPlugConnected,
  signing: IconSignature,
  catalogue: IconBooks,
  audit: IconListDetails,
  data_subjects: IconUserShield,
  persons: IconUserSearch,
  inbox: IconInbox,
  places: IconBed,
  deliveries: IconHeartHandshake,
  fees: IconCalculator,
  fee_reviews: IconCoinEuro,
  aids: IconWheelchair,
  charges: IconReceipt,
  reports: IconChartBar,
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

function isActive(path: string, pathname: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

/** The authenticated layout: header, role-aware navigation, the page. */
export function AppShellLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const [passwordOpened, { open: openPassword, close: closePasswordDialog }] = useDisclosure();
  const changePassword = useChangePassword();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  // After moving to another page, put the focus on its content (as a full
  // page load would), so keyboard and screen-reader users start there.
  useEffect(() => {
    if (location.pathname !== firstPath.current) {
      firstPath.current = '';
      main.current?.focus({ preventScroll: true });
    }
  }, [location.pathname]);

  function closePassword() {
    closePasswordDialog();
    changePassword.reset();
  }

  async function onLogout() {
    await logout();
    queryClient.clear();
    void navigate('/login?reason=logged_out', { replace: true });
  }

  const items = me.data ? navFor(me.data.roles) : [];
  const place = me.data
    ? [me.data.municipality.name, me.data.eldership?.name].filter(Boolean).join(' · ')
    : '';

  return (
    <>
      <a href="#main" className="skip-link">
        {t('shell.skip')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('shell.menu')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Title order={1} fz={20} fw={650}>
                <RouterLink to="/" className="brand-link">
                  <AppLogo size={28} />
                  {t('app.name')}
                </RouterLink>
              </Title>
              {me.data ? (
                <>
                  <Divider orientation="vertical" visibleFrom="md" my={18} />
                  <Text size="sm" c="dimmed" visibleFrom="md" truncate="end" data-testid="municipality">
                    {place}
                  </Text>
                </>
              ) : null}
            </Group>
            <Group gap="sm" wrap="nowrap">
              {can(me.data, 'read_case_content') ? (
                <Box visibleFrom="sm">
                  <HeaderSearch />
                </Box>
              ) : null}
              <LanguageSwitch />
              {me.data ? (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <UnstyledButton ml="xs" className="user-menu" aria-label={t('me.menu', { name: me.data.display_name })}>
                      <Group gap={8} wrap="nowrap">
                        <Avatar color="blue" radius="xl" size={30} aria-hidden>
                          {initials(me.data.display_name)}
                        </Avatar>
                        {/* On a phone the avatar alone opens the menu. */}
                        <Text size="sm" fw={500} data-testid="user-name" visibleFrom="sm">
                          {me.data.display_name}
                        </Text>
                        <IconChevronDown size={14} aria-hidden />
                      </Group>
                    </UnstyledButton>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={openPassword}>
                      {t('me.change_password')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              ) : null}
              <Button
                variant="subtle"
                color="gray"
                visibleFrom="xs"
                leftSection={<IconLogout size={16} aria-hidden />}
                onClick={() => void onLogout()}
              >
                {t('shell.logout')}
              </Button>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                hiddenFrom="xs"
                aria-label={t('shell.logout')}
                onClick={() => void onLogout()}
              >
                <IconLogout size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" component="nav" id="main-navigation" aria-label={t('shell.navigation')}>
          <Stack gap={2}>
            {items.map((item) => {
              const Icon = ICONS[item.key];
              const active = isActive(item.path, location.pathname);
              return (
                <NavLink
                  key={item.key}
                  component={RouterLink}
                  to={item.path}
                  end={item.path === '/'}
                  label={t(`nav.${item.key}`)}
                  leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
                  active={active}
                  onClick={close}
                  fw={500}
                />
              );
            })}
          </Stack>
          {me.data ? (
            <Box mt="auto" pt="md" className="account-block" data-testid="account">
              <Text size="sm" fw={500} hiddenFrom="sm">
                {me.data.display_name}
              </Text>
              <Text size="xs" c="dimmed">
                {me.data.roles.map((role) => t(`roles.${role}`)).join(', ')}
              </Text>
              <Text size="xs" c="dimmed" hiddenFrom="md" mt={4}>
                {place}
              </Text>
            </Box>
          ) : null}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} ref={main} className="app-main" bg="gray.0">
          {me.isError ? <QueryError error={me.error} /> : null}
          {me.data ? (
            <Suspense
              fallback={
                <Center py="xl">
                  <Loader size="sm" aria-label={t('common.loading')} />
                </Center>
              }
            >
              <Outlet />
            </Suspense>
          ) : null}
        </AppShell.Main>
      </AppShell>
      <Modal opened={passwordOpened} onClose={closePassword} title={t('me.change_password')}>
        {me.data ? (
          <ChangePasswordForm
            username={me.data.username}
            submitting={changePassword.isPending}
            error={changePassword.error}
            onCancel={closePassword}
            onSubmit={(body) =>
              changePassword.mutate(body, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('me.password_changed') });
                  closePassword();
                },
              })
            }
          />
        ) : null}
      </Modal>
    </>
  );
}
