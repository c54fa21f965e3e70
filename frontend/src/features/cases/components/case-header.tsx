import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field } from '@/components/field';
import { RuleRef } from '@/components/rule-ref';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import type { CaseView } from '../api/get-case';
import { CaseStatusBadge } from './case-status-badge';
import { DueBadge } from './due-badge';
import { TeamDialog } from './team-dialog';

/** The top of a case's workspace: number, status, family, children, team, what is due. */
export function CaseHeader({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const [assigning, setAssigning] = useState(false);
  const closed = view.status === 'closed';
  const children = view.members.filter((m) => m.concerned);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} fz={26} fw={600}>
              {t('cases.workspace.title', { number: view.number, family: view.family.name })}
            </Title>
            <CaseStatusBadge status={view.status} />
          </Group>
          <Text c="dimmed" size="sm" mt={4}>
            {t('cases.workspace.opened', { date: formatDate(view.opened_on, lang), origin: t(`cases.origin.${view.origin}`) })}
            {view.closed_on
              ? ` · ${t('cases.workspace.closed', {
                  date: formatDate(view.closed_on, lang),
                  reason: view.closing_reason ? t(`cases.closing_reason.${view.closing_reason}`) : '',
                })}`
              : ''}
          </Text>
        </div>
        {can(me.data, 'assign_cases') && !closed ? (
          <Button variant={view.case_manager ? 'default' : 'filled'} leftSection={<IconUsersGroup size={16} aria-hidden />} onClick={() => setAssigning(true)}>
            {view.case_manager ? t('cases.workspace.change_team') : t('cases.team.assign')}
          </Button>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder padding="md" component="section" aria-labelledby="case-children">
          <Title order={3} size="h5" id="case-children" mb="xs">
            {t('cases.children')}
          </Title>
          <List size="sm" spacing={4}>
            {children.map((c) => (
              <List.Item key={c.person.id}>
                <Anchor component={Link} to={`/persons/${c.person.id}`} size="sm">
                  {c.person.first_name} {c.person.last_name}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {formatDate(c.birth_date, lang)}
                </Text>
              </List.Item>
            ))}
          </List>
          <Stack gap={4} mt="sm">
            <Field label={t('cases.reason')} value={view.notice.reason} />
            <Text size="xs" c="dimmed">
              {[formatDate(view.notice.date, lang), view.notice.reference, view.notice.referred_by].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        </Card>
        <Card withBorder padding="md" component="section" aria-labelledby="case-team">
          <Title order={3} size="h5" id="case-team" mb="xs">
            {t('cases.workspace.team')}
          </Title>
          <Stack gap="xs">
            <Field label={t('cases.case_manager')} value={view.case_manager?.display_name ?? t('cases.unassigned')} />
            <Field label={t('cases.social_worker')} value={view.social_worker?.display_name ?? t('cases.unassigned')} />
            {!view.assigned_on ? (
              <Text size="xs" c="dimmed">
                {t('cases.workspace.assignment_due', { date: formatDate(view.assignment_due, lang) })} <RuleRef rule="R-CMP-1" />
              </Text>
            ) : null}
          </Stack>
        </Card>
        <Card withBorder padding="md" component="section" aria-labelledby="case-due">
          <Title order={3} size="h5" id="case-due" mb="xs">
            {t('cases.workspace.due')}
          </Title>
          {view.due.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('cases.nothing_due')}
            </Text>
          ) : (
            <Stack gap={6} data-testid="due-items">
              {view.due.map((d, i) => (
                <DueBadge key={`${d.kind}-${d.due_on}-${i}`} item={d} />
              ))}
            </Stack>
          )}
          {view.family_cases.length > 0 ? (
            <Stack gap={2} mt="sm">
              <Text size="xs" c="dimmed">
                {t('cases.workspace.family_cases')}
              </Text>
              {view.family_cases.map((c) => (
                <Group key={c.id} gap={6}>
                  <Anchor component={Link} to={`/cases/${c.id}`} size="sm">
                    {c.number}
                  </Anchor>
                  <Badge size="xs" variant="light" color={c.closed_on ? 'gray' : 'blue'}>
                    {c.closed_on ? t('cases.status.closed') : t('cases.status.open')}
                  </Badge>
                </Group>
              ))}
            </Stack>
          ) : null}
        </Card>
      </SimpleGrid>
      <TeamDialog caseId={assigning ? view.id : null} onClose={() => setAssigning(false)} />
    </Stack>
  );
}
