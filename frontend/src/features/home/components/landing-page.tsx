import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '@/lib/me';
import { navFor } from '@/lib/navigation';
import { ROLES } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import { WorkLists } from './work-lists';

/** The start page: the work lists of the user's roles, with links to their other pages. */
export function LandingPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('nav.home'));
  if (!me.data) return null;
  const roles = me.data.roles;
  const pages = navFor(roles).filter((item) => item.path !== '/');
  const overseer = roles.includes('auditor') || roles.includes('data_protection_officer');
  return (
    <Stack gap="xl" maw={1180}>
      <div>
        <Title order={2} fz={26} fw={600}>
          {t('landing.title')}
        </Title>
        <Text c="dimmed" mt={4}>
          {t('home.intro')}
        </Text>
      </div>
      {overseer ? (
        <LinkCard id="data-subjects" title={t('home.data_subjects.title')} text={t('home.data_subjects.text')} to="/data-subjects" action={t('home.data_subjects.open')} />
      ) : null}
      {roles.includes('division_head') ? (
        <LinkCard id="timeliness" title={t('home.timeliness.title')} text={t('home.timeliness.text')} to="/reports" action={t('home.timeliness.open')} />
      ) : null}
      {ROLES.filter((role) => roles.includes(role)).map((role) => (
        <section key={role} aria-labelledby={`role-${role}`} data-testid={`landing-${role}`}>
          <Title order={2} fz={20} fw={600} id={`role-${role}`}>
            {t(`landing.${role}.title`)}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t(`landing.${role}.lead`)}
          </Text>
          <WorkLists role={role} roles={roles} />
        </section>
      ))}
      {pages.length > 0 ? (
        <Group gap="sm">
          <Text size="sm" fw={500}>
            {t('landing.available')}
          </Text>
          {pages.map((page) => (
            <Button key={page.key} component={Link} to={page.path} variant="light" size="xs" rightSection={<IconArrowRight size={14} aria-hidden />}>
              {t(`nav.${page.key}`)}
            </Button>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

function LinkCard({ id, title, text, to, action }: { id: string; title: string; text: string; to: string; action: string }) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={`card-${id}`} data-testid={`card-${id}`}>
      <Title order={3} fz={17} fw={600} id={`card-${id}`} mb={4}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {text}
      </Text>
      <Group>
        <Button component={Link} to={to} size="xs" rightSection={<IconArrowRight size={14} aria-hidden />}>
          {action}
        </Button>
      </Group>
    </Card>
  );
}
