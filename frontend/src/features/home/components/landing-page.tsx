import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '@/lib/me';
import { navFor } from '@/lib/navigation';
import { ROLES, type Role } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';

/** The start page: a section per role the user holds — what works, what is coming. */
export function LandingPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('nav.home'));
  if (!me.data) return null;
  const roles = ROLES.filter((role) => me.data.roles.includes(role));
  return (
    <Stack gap="xl" maw={roles.length > 1 ? 1180 : 760}>
      <div>
        <Title order={2} fz={26} fw={600}>
          {t('landing.title')}
        </Title>
        <Text c="dimmed" mt={4}>
          {roles.length > 1 ? t('landing.intro_many') : t('landing.intro')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, lg: roles.length > 1 ? 2 : 1 }} spacing="lg">
        {roles.map((role) => (
          <RoleSection key={role} role={role} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function RoleSection({ role }: { role: Role }) {
  const { t } = useTranslation();
  const items = t(`landing.${role}.items`, { returnObjects: true }) as string[];
  const pages = navFor([role]).filter((item) => item.path !== '/');
  return (
    <Card
      withBorder
      padding="xl"
      radius="md"
      component="section"
      aria-labelledby={`role-${role}`}
      data-testid={`landing-${role}`}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
        <Title order={3} fz={19} fw={600} id={`role-${role}`}>
          {t(`landing.${role}.title`)}
        </Title>
        {pages.length === 0 ? (
          <Badge variant="light" color="gray" tt="none" fw={500}>
            {t('landing.soon')}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t(`landing.${role}.lead`)}
      </Text>
      <List spacing={8} size="sm" className="landing-list">
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
      {pages.length > 0 ? (
        <Group gap="sm" mt="lg" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Text size="sm" fw={500}>
            {t('landing.available')}
          </Text>
          {pages.map((page) => (
            <Button
              key={page.key}
              component={Link}
              to={page.path}
              variant="light"
              size="xs"
              rightSection={<IconArrowRight size={14} aria-hidden />}
            >
              {t(`nav.${page.key}`)}
            </Button>
          ))}
        </Group>
      ) : null}
    </Card>
  );
}
