import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/me';
import { ROLES } from '@/lib/roles';

/** The start page: a section per role the user holds, saying what is coming. */
export function LandingPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return null;
  const roles = ROLES.filter((role) => me.data.roles.includes(role));
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={2}>{t('landing.greeting', { name: me.data.display_name })}</Title>
        <Text c="dimmed">{t('landing.intro')}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: roles.length > 1 ? 2 : 1 }}>
        {roles.map((role) => {
          const items = t(`landing.${role}.items`, { returnObjects: true }) as string[];
          return (
            <Card key={role} withBorder padding="lg" radius="md" component="section" aria-labelledby={`role-${role}`} data-testid={`landing-${role}`}>
              <Group justify="space-between" mb="sm">
                <Title order={3} size="h4" id={`role-${role}`}>
                  {t(`landing.${role}.title`)}
                </Title>
                <Badge variant="light" color="gray">
                  {t('landing.soon')}
                </Badge>
              </Group>
              <List spacing="xs" size="sm">
                {items.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
