import { Anchor, Badge, Button, Card, Grid, Group, Modal, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFilePlus, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DueDate } from '@/components/due-date';
import { Field } from '@/components/field';
import { QueryError } from '@/components/query-error';
import { StatusBadge } from '@/components/status-badge';
import { formatDate, formatMoney } from '@/lib/format';
import { useMe } from '@/lib/me';
import { hasAnyRole, PERSON_WRITERS, RECEIVERS } from '@/lib/roles';
import { useAddCertificate } from '../api/add-certificate';
import { useAddIncome } from '../api/add-income';
import { usePerson } from '../api/get-person';
import { CertificateForm } from './certificate-form';
import { IncomeForm } from './income-form';


export function PersonFilePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const file = usePerson(id);
  const addIncome = useAddIncome(id);
  const addCertificate = useAddCertificate(id);
  const [dialog, setDialog] = useState<'income' | 'certificate' | null>(null);
  const canWrite = hasAnyRole(me.data?.roles, PERSON_WRITERS);
  const canReceive = hasAnyRole(me.data?.roles, RECEIVERS);

  if (file.isError) return <QueryError error={file.error} />;
  if (!file.data) return null;
  const { person, certificates, families, income, applications, timeline } = file.data;
  const lang = i18n.language;

  return (
    <Stack maw={1300}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            {t('file.title')}
          </Text>
          <Title order={2}>
            {person.first_name} {person.last_name}
          </Title>
          <Text c="dimmed" ff="monospace">
            {person.personal_code ?? ''}
          </Text>
        </div>
        {canReceive ? (
          <Button component={Link} to={`/applications/new?person=${person.id}`} leftSection={<IconFilePlus size={16} aria-hidden />}>
            {t('file.new_application')}
          </Button>
        ) : null}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="data">
            <Title order={3} size="h4" id="data" mb="sm">
              {t('file.data')}
            </Title>
            <Grid>
              <Grid.Col span={6}><Field label={t('persons.birth_date')} value={formatDate(person.birth_date, lang)} /></Grid.Col>
              <Grid.Col span={6}><Field label={t('persons.sex')} value={person.sex ? t(`persons.${person.sex}`) : null} /></Grid.Col>
              <Grid.Col span={12}><Field label={t('persons.address')} value={person.declared_address} /></Grid.Col>
              <Grid.Col span={6}><Field label={t('persons.eldership')} value={person.eldership?.name} /></Grid.Col>
              <Grid.Col span={6}><Field label={t('persons.phone')} value={person.phone} /></Grid.Col>
            </Grid>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="certificates">
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h4" id="certificates">
                {t('file.certificates')}
              </Title>
              {canWrite ? (
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setDialog('certificate')}>
                  {t('file.add_certificate')}
                </Button>
              ) : null}
            </Group>
            {certificates.length === 0 ? <Text c="dimmed">{t('file.none')}</Text> : null}
            <Stack gap="xs">
              {certificates.map((c) => (
                <Group key={c.id} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {t(`certificate.${c.kind}`)}
                    {c.value ? `: ${c.value}` : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate(c.valid_from, lang)} – {c.valid_until ? formatDate(c.valid_until, lang) : t('file.indefinite')}
                  </Text>
                </Group>
              ))}
            </Stack>
            <Title order={3} size="h5" mt="md" mb={4}>
              {t('file.families')}
            </Title>
            {families.length === 0 ? <Text size="sm" c="dimmed">{t('file.no_families')}</Text> : null}
            {families.map((f) => (
              <Text key={f.family_id} size="sm">
                {f.family_name} ({t(`relation.${f.relation}`)})
              </Text>
            ))}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="applications">
            <Title order={3} size="h4" id="applications" mb="sm">
              {t('file.applications')}
            </Title>
            {applications.length === 0 ? <Text c="dimmed">{t('file.none')}</Text> : null}
            {applications.length > 0 ? (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('file.service')}</Table.Th>
                      <Table.Th>{t('file.received')}</Table.Th>
                      <Table.Th>{t('file.status')}</Table.Th>
                      <Table.Th>{t('file.due')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {applications.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/applications/${a.id}`}>
                            {lang === 'en' ? a.service_type.name_en : a.service_type.name_lt}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{formatDate(a.received_on, lang)}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={a.status} />
                        </Table.Td>
                        <Table.Td>
                          <DueDate due={a.decision_due_on} overdue={a.overdue} decided={a.status === 'decided' || a.status === 'notified'} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
          </Card>
          <Card withBorder padding="lg" mt="md" component="section" aria-labelledby="income">
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h4" id="income">
                {t('file.income')}
              </Title>
              {canWrite ? (
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setDialog('income')}>
                  {t('file.add_income')}
                </Button>
              ) : null}
            </Group>
            {income.length === 0 ? <Text c="dimmed">{t('file.none')}</Text> : null}
            {income.length > 0 ? (
              <Table verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('file.month')}</Table.Th>
                    <Table.Th>{t('file.source')}</Table.Th>
                    <Table.Th ta="right">{t('file.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {income.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{`${r.year}-${String(r.month).padStart(2, '0')}`}</Table.Td>
                      <Table.Td>{t(`income_source.${r.source}`)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(r.amount, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="timeline">
            <Title order={3} size="h4" id="timeline" mb="md">
              {t('file.timeline')}
            </Title>
            {timeline.length === 0 ? <Text c="dimmed">{t('file.none')}</Text> : null}
            <Timeline bulletSize={14} lineWidth={2}>
              {timeline.map((e, i) => (
                <Timeline.Item key={`${e.event}-${e.on}-${i}`} title={t(`timeline.${e.event}`)}>
                  <Group gap="xs">
                    <Badge size="xs" variant="light" color="gray">
                      {formatDate(e.on, lang)}
                    </Badge>
                    {e.application_id ? (
                      <Anchor component={Link} to={`/applications/${e.application_id}`} size="sm">
                        {e.label}
                      </Anchor>
                    ) : (
                      <Text size="sm">{t(`certificate.${e.label}`)}</Text>
                    )}
                  </Group>
                </Timeline.Item>
              ))}
            </Timeline>
          </Card>
        </Grid.Col>
      </Grid>
      <Modal opened={dialog === 'income'} onClose={() => setDialog(null)} title={t('file.add_income')}>
        {dialog === 'income' ? (
          <IncomeForm
            submitting={addIncome.isPending}
            error={addIncome.error}
            onCancel={() => {
              setDialog(null);
              addIncome.reset();
            }}
            onSubmit={(v) =>
              addIncome.mutate(v, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('common.saved') });
                  setDialog(null);
                },
              })
            }
          />
        ) : null}
      </Modal>
      <Modal opened={dialog === 'certificate'} onClose={() => setDialog(null)} title={t('file.add_certificate')}>
        {dialog === 'certificate' ? (
          <CertificateForm
            submitting={addCertificate.isPending}
            error={addCertificate.error}
            onCancel={() => {
              setDialog(null);
              addCertificate.reset();
            }}
            onSubmit={(v) =>
              addCertificate.mutate(v, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('common.saved') });
                  setDialog(null);
                },
              })
            }
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
