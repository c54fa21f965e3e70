import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DueDate } from '@/components/due-date';
import { QueryError } from '@/components/query-error';
import { StatusBadge } from '@/components/status-badge';
import type { components } from '@/api/schema';
import { ROLES, type Role } from '@/lib/roles';
import { type SectionKind, type WorkItem, type WorkSection, useWorklist } from '../api/worklist';

type Status = components['schemas']['ApplicationStatus'];

/** Where each section's whole list is. */
const MORE: Partial<Record<SectionKind, string>> = {
  inbox: '/inbox',
  decisions_due_soon: '/inbox',
  notifications_due: '/inbox',
  handovers_due: '/inbox',
  decisions_to_sign: '/inbox',
  overdue_decisions: '/inbox',
  overdue_notifications: '/inbox',
  overdue_handovers: '/inbox',
  cases_awaiting_assignment: '/cases',
  reviews_due: '/cases',
  plan_actions_due: '/cases',
  meetings_due: '/cases',
  inactive_accounts: '/users',
  service_accounts: '/service-accounts',
  rates_changing_soon: '/catalogue',
};

/** Which role's work each section is (the API lists each section once). */
const ROLE_OF: Record<SectionKind, readonly Role[]> = {
  my_applications: ['social_worker'],
  assessments_to_record: ['social_worker'],
  returned_for_completion: ['social_worker'],
  certificates_expiring: ['social_worker'],
  inbox: ['division_specialist'],
  decisions_due_soon: ['division_specialist'],
  notifications_due: ['division_specialist'],
  handovers_due: ['division_specialist'],
  decisions_to_sign: ['division_head'],
  overdue_decisions: ['division_head'],
  overdue_notifications: ['division_head'],
  overdue_handovers: ['division_head'],
  cases_awaiting_assignment: ['case_management_head'],
  reviews_due: ['case_manager', 'case_management_head'],
  plan_actions_due: ['case_manager', 'case_management_head'],
  meetings_due: ['case_manager', 'case_management_head'],
  inactive_accounts: ['admin'],
  service_accounts: ['admin'],
  rates_changing_soon: ['admin'],
};

/** The sections of `role` for a user with `roles`: a section shared by two of their roles shows under the first. */
export function sectionsOf(sections: readonly WorkSection[], role: Role, roles: readonly Role[]): WorkSection[] {
  return sections.filter((s) => ROLES.filter((r) => roles.includes(r) && ROLE_OF[s.kind].includes(r))[0] === role);
}

/** The work lists of `role`: a card per section with its count, the most urgent records and what the section means. */
export function WorkLists({ role, roles }: { role: Role; roles: readonly Role[] }) {
  const { t } = useTranslation();
  const worklist = useWorklist();
  if (worklist.error) return <QueryError error={worklist.error} />;
  if (!worklist.data) return <Text c="dimmed">{t('common.loading')}</Text>;
  const sections = sectionsOf(worklist.data.sections, role, roles);
  if (sections.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" data-testid={`work-lists-${role}`}>
      {sections.map((section) => (
        <SectionCard key={section.kind} section={section} />
      ))}
    </SimpleGrid>
  );
}

function SectionCard({ section }: { section: WorkSection }) {
  const { t } = useTranslation();
  const id = `section-${section.kind}`;
  const more = MORE[section.kind];
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id} data-testid={id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Title order={3} fz={17} fw={600} id={id}>
          {t(`home.section.${section.kind}.title`)}
        </Title>
        <Group gap={6} wrap="nowrap">
          {section.overdue > 0 ? (
            <Badge color="red" data-testid="section-overdue">
              {t('home.overdue', { count: section.overdue })}
            </Badge>
          ) : null}
          <Badge variant="light" size="lg" data-testid="count" aria-label={t('home.count', { count: section.count })}>
            {section.count}
          </Badge>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`home.section.${section.kind}.help`)}
      </Text>
      {section.items.length === 0 ? (
        <Text size="sm" data-testid="empty">
          {t(`home.section.${section.kind}.empty`)}
        </Text>
      ) : (
        <Stack gap={0} component="ul" className="work-items" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {section.items.map((item) => (
            <Item key={item.id} item={item} />
          ))}
        </Stack>
      )}
      {more && section.count > section.items.length ? (
        <Group mt="sm">
          <Button component={Link} to={more} variant="subtle" size="xs" rightSection={<IconArrowRight size={14} aria-hidden />}>
            {t('home.all', { count: section.count })}
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}

function Item({ item }: { item: WorkItem }) {
  const { t, i18n } = useTranslation();
  const title = i18n.language === 'en' && item.title_en ? item.title_en : item.title;
  let name: string;
  let detail: string | null;
  switch (item.record) {
    case 'certificate':
      name = item.person ?? '';
      detail = t(`certificate.${item.code ?? ''}`, { defaultValue: item.code ?? '' });
      break;
    case 'rate':
      name = t(`catalogue.rate_kinds.${item.code ?? ''}`, { defaultValue: item.code ?? '' });
      detail = title;
      break;
    case 'case':
      name = title;
      detail = [item.person, item.code ? t(`cases.due_kind.${item.code}`) : null].filter(Boolean).join(' · ');
      break;
    case 'user':
    case 'service_account':
      name = title;
      detail = item.code ?? null;
      break;
    default:
      name = item.person ?? title;
      detail = item.person ? title : null;
  }
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="sm" py={8} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} data-testid="work-item">
      <div style={{ minWidth: 0 }}>
        <Anchor component={Link} to={item.link} fw={500} size="sm">
          {name}
        </Anchor>
        {detail ? (
          <Text size="xs" c="dimmed" truncate="end">
            {detail}
          </Text>
        ) : null}
      </div>
      <Group gap={6} wrap="nowrap">
        {item.record === 'application' && item.status ? <StatusBadge status={item.status as Status} /> : null}
        {item.status === 'active' || item.status === 'inactive' ? (
          <Badge color={item.status === 'active' ? 'green' : 'gray'} variant="light">
            {t(`home.account_${item.status}`)}
          </Badge>
        ) : null}
        {item.due_on ? <DueDate due={item.due_on} overdue={item.overdue} /> : null}
      </Group>
    </Group>
  );
}
