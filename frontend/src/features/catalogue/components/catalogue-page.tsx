import { Badge, Button, Group, Modal, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCoin, IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { useServiceTypes } from '@/lib/catalogue';
import { usePageTitle } from '@/lib/use-page-title';
import { type ServiceType, useUpdateServiceType } from '../api/update-service-type';
import { RatesPanel } from './rates-panel';
import { ServiceTypeForm } from './service-type-form';

type Tab = 'services' | 'rates';

/** The administrator's page for the municipality's reference data: the service catalogue and the rates. */
export function CataloguePage() {
  const { t } = useTranslation();
  usePageTitle(t('catalogue.title'));
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'rates' ? 'rates' : 'services';

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={2} fz={26} fw={600}>
          {t('catalogue.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('catalogue.subtitle')}
        </Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value === 'rates' ? { tab: 'rates' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="services" leftSection={<IconListDetails size={16} aria-hidden />}>
            {t('catalogue.services_tab')}
          </Tabs.Tab>
          <Tabs.Tab value="rates" leftSection={<IconCoin size={16} aria-hidden />}>
            {t('catalogue.rates_tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="services" pt="lg">
          <ServiceTypesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="rates" pt="lg">
          <RatesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ServiceTypesPanel() {
  const { t, i18n } = useTranslation();
  const services = useServiceTypes();
  const update = useUpdateServiceType();
  const [editing, setEditing] = useState<string | null>(null);
  const current = services.data?.find((s) => s.id === editing) ?? null;
  const name = (s: ServiceType) => (i18n.language === 'en' ? s.spec.name_en : s.spec.name_lt);

  function close() {
    setEditing(null);
    update.reset();
  }

  return (
    <Stack gap="md">
      {services.isError ? <QueryError error={services.error} /> : null}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t('catalogue.services_tab')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogue.service')}</Table.Th>
                <Table.Th>{t('catalogue.group')}</Table.Th>
                <Table.Th>{t('catalogue.deadline')}</Table.Th>
                <Table.Th>{t('catalogue.payment')}</Table.Th>
                <Table.Th ta="right">{t('catalogue.documents_count')}</Table.Th>
                <Table.Th>{t('catalogue.status')}</Table.Th>
                <Table.Th ta="right">{t('users.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(services.data ?? []).map((s) => (
                <Table.Tr key={s.id} data-testid={`service-${s.code}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {name(s)}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {s.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`catalogue.groups.${s.spec.group}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('catalogue.deadline_short', {
                        amount: s.spec.decision_deadline.amount,
                        unit: t(`deadline.${s.spec.decision_deadline.unit}`),
                        from: t(`deadline.${s.spec.decision_deadline.from}`),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge size="sm" variant="light" color={s.spec.free ? 'green' : 'blue'} tt="none">
                        {s.spec.free ? t('intake.free') : t('intake.paid')}
                      </Badge>
                      {s.spec.has_places ? (
                        <Badge size="sm" variant="light" color="orange" tt="none">
                          {t('intake.queue')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{s.spec.required_documents.length}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="dot" color={s.active ? 'green' : 'gray'} tt="none">
                      {s.active ? t('catalogue.offered') : t('catalogue.not_offered')}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="default" aria-label={`${t('users.edit')}: ${name(s)}`} onClick={() => setEditing(s.id)}>
                      {t('users.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Modal
        opened={current !== null}
        onClose={close}
        title={current ? t('catalogue.edit_title', { name: name(current) }) : ''}
        size="xl"
      >
        {current ? (
          <ServiceTypeForm
            key={`${current.id}-${current.version}`}
            serviceType={current}
            submitting={update.isPending}
            error={update.error}
            onCancel={close}
            onReload={() => {
              update.reset();
              void services.refetch();
            }}
            onSubmit={(body) =>
              update.mutate(
                { id: current.id, body },
                {
                  onSuccess: (saved) => {
                    notifications.show({ color: 'green', message: t('catalogue.saved', { name: name(saved) }) });
                    close();
                  },
                },
              )
            }
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
